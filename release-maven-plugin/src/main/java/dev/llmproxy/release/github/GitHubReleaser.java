package dev.llmproxy.release.github;

import dev.llmproxy.release.ReleaseLog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.github.ReleaseOutcome.Action;
import dev.llmproxy.release.github.ReleaseOutcome.AssetAction;
import dev.llmproxy.release.github.ReleaseOutcome.AssetOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes the GitHub Release for a tag converge to a {@link ReleaseRequest} (GitHub REST "releases" and "release
 * assets", API version 2022-11-28). Safe to run twice and to rerun after a failure at any step:
 * <ol>
 *   <li>the release is found by listing all release pages (the tag lookup does not see drafts); two drafts for one tag
 *       fail naming both ids; missing: created as a draft; present: updated (PATCH) only when a field differs;</li>
 *   <li>assets (plus {@code SHA256SUMS}) are matched by the name GitHub stores: same name and size in state
 *       {@code uploaded} is kept, anything else is deleted and uploaded again, streamed from disk;</li>
 *   <li>every asset is checked present with the right size, and only then the release is published (when asked);
 *       a published release is updated in place, never turned back into a draft.</li>
 * </ol>
 * Transient failures are retried per {@link RetryPolicy}; a failed create or upload is reconciled (list first, keep
 * what landed, delete a half-uploaded {@code starter} asset) before it is tried again.
 */
public final class GitHubReleaser {
    private final GitHubApi api;
    private final ReleaseLog log;

    /**
     * @param config API URL, repository and token
     * @param retry retry policy (tests inject a fake clock and sleeper)
     * @param log progress and warnings
     */
    public GitHubReleaser(GitHubConfig config, RetryPolicy retry, ReleaseLog log) {
        this.api = new GitHubApi(config, retry, log);
        this.log = log;
    }

    /**
     * Creates or updates the release, uploads its assets and publishes it as asked; or, in a dry run, only reads
     * (with the token when there is one, anonymously otherwise) and reports what would happen.
     *
     * @param request the wanted release
     * @param dryRun true: write nothing and need no token
     * @return what was (or would be) done
     * @throws ReleaseException on a permanent failure (bad token, missing permission, unknown repository, validation
     *     error, duplicate drafts, unreadable asset) or when retries are used up; the message names cause and fix
     */
    public ReleaseOutcome sync(ReleaseRequest request, boolean dryRun) {
        List<LocalAsset> assets = localAssets(request);
        Path checksumDir = null;
        try {
            if (request.checksums()) {
                checksumDir = Files.createTempDirectory("release-checksums");
                Path sums = checksumDir.resolve(Checksums.FILE_NAME);
                Checksums.write(assets.stream().collect(Collectors.toMap(LocalAsset::storedName, LocalAsset::sha256,
                        (a, b) -> a, LinkedHashMap::new)), sums);
                assets.add(LocalAsset.of(Checksums.FILE_NAME, sums));
            }
            return dryRun ? plan(request, assets) : apply(request, assets);
        } catch (IOException e) {
            throw new ReleaseException("cannot create a temporary directory for SHA256SUMS: " + e.getMessage(), e);
        } finally {
            deleteTree(checksumDir);
        }
    }

    /** One file to attach, with the name GitHub stores, its size in bytes and SHA-256 (hex). */
    private record LocalAsset(String storedName, Path file, long size, String sha256) {
        static LocalAsset of(String storedName, Path file) {
            return new LocalAsset(storedName, file, GitHubReleaser.size(file), Checksums.sha256(file));
        }

        /** Same name assumed; GitHub's {@code digest} ("sha256:...") is compared when GitHub provides it. */
        boolean matches(JsonNode remote) {
            String digest = remote.path("digest").asText("");
            return "uploaded".equals(remote.path("state").asText()) && remote.path("size").asLong(-1) == size
                    && (digest.isEmpty() || digest.equals("sha256:" + sha256));
        }
    }

    private List<LocalAsset> localAssets(ReleaseRequest request) {
        List<LocalAsset> assets = new ArrayList<>();
        AssetNames.byStoredName(request.assets()).forEach((stored, file) -> {
            if (!Files.isRegularFile(file)) {
                throw new ReleaseException("asset " + file + " is not a file: build it first or fix release.assets");
            }
            if (!stored.equals(file.getFileName().toString())) {
                log.info("GitHub: asset " + file.getFileName() + " is stored by GitHub as " + stored);
            }
            if (request.checksums() && stored.equals(Checksums.FILE_NAME)) {
                throw new ReleaseException("an asset is named " + Checksums.FILE_NAME
                        + ", which the release generates: remove it from release.assets");
            }
            assets.add(LocalAsset.of(stored, file));
        });
        return assets;
    }

    private ReleaseOutcome plan(ReleaseRequest request, List<LocalAsset> files) {
        JsonNode release = null;
        List<JsonNode> remoteAssets = List.of();
        try {
            release = findRelease(request.tag());
            if (release != null) {
                remoteAssets = listAssets(release.get("id").asLong());
            }
        } catch (ReleaseException e) {
            log.warn("GitHub (dry run): cannot read the releases of " + api.config().repository() + ", assuming none: "
                    + e.getMessage());
        }
        Action action = release == null ? Action.CREATE : differs(release, request) ? Action.UPDATE : Action.UNCHANGED;
        boolean draft = release == null ? !request.publish() : release.get("draft").asBoolean() && !request.publish();
        boolean publishes = request.publish() && (release == null || release.get("draft").asBoolean());
        List<AssetOutcome> assets = new ArrayList<>();
        for (LocalAsset file : files) {
            Optional<JsonNode> remote = byName(remoteAssets, file.storedName());
            assets.add(new AssetOutcome(file.storedName(), file.size(), remote.isEmpty() ? AssetAction.UPLOAD
                    : file.matches(remote.get()) ? AssetAction.KEEP : AssetAction.REPLACE));
        }
        return new ReleaseOutcome(action, release == null ? null : release.get("id").asLong(),
                release == null ? null : release.get("html_url").asText(null), draft, publishes, assets, true);
    }

    private ReleaseOutcome apply(ReleaseRequest request, List<LocalAsset> files) {
        if (api.config().token().isEmpty()) {
            throw new ReleaseException("GITHUB_TOKEN or GH_TOKEN is not set: export a token with contents: write, "
                    + "or run with release.dryRun=true");
        }
        JsonNode release = findRelease(request.tag());
        Action action;
        if (release == null) {
            release = create(request);
            action = Action.CREATE;
        } else if (differs(release, request)) {
            release = patch(release, fields(request, !release.get("draft").asBoolean()));
            action = Action.UPDATE;
        } else {
            action = Action.UNCHANGED;
        }
        long id = release.get("id").asLong();
        if (!release.get("draft").asBoolean() && !request.publish()) {
            log.info("GitHub: release " + id + " for " + request.tag() + " is already published; it stays published");
        }
        List<AssetOutcome> assets = syncAssets(release, files);
        verifyAssets(id, files);
        boolean publishedNow = false;
        if (request.publish() && release.get("draft").asBoolean()) {
            ObjectNode publish = GitHubApi.JSON.createObjectNode().put("draft", false)
                    .put("prerelease", request.prerelease()).put("make_latest", request.makeLatest());
            release = patch(release, publish);
            publishedNow = true;
            log.info("GitHub: published release " + id + " for " + request.tag());
        }
        return new ReleaseOutcome(action, id, release.get("html_url").asText(null),
                release.get("draft").asBoolean(), publishedNow, assets, false);
    }

    /**
     * @return the release for the tag (published preferred), or null; lists every page since drafts are invisible to
     *     {@code GET /releases/tags/{tag}}
     */
    private JsonNode findRelease(String tag) {
        List<JsonNode> matches = api.listAll("list releases", api.repoPath() + "/releases?per_page=100", all -> false)
                .stream().filter(r -> tag.equals(r.path("tag_name").asText())).collect(Collectors.toList());
        List<JsonNode> drafts = matches.stream().filter(r -> r.path("draft").asBoolean()).collect(Collectors.toList());
        if (drafts.size() > 1) {
            throw new ReleaseException("GitHub has " + drafts.size() + " draft releases for " + tag + " (ids "
                    + drafts.stream().map(r -> r.get("id").asText()).collect(Collectors.joining(", "))
                    + "): delete all but one on GitHub, then rerun");
        }
        Optional<JsonNode> published = matches.stream().filter(r -> !r.path("draft").asBoolean()).findFirst();
        if (published.isPresent() && !drafts.isEmpty()) {
            log.warn("GitHub: release " + published.get().get("id").asText() + " for " + tag
                    + " is published; draft " + drafts.get(0).get("id").asText() + " for the same tag is left alone");
        }
        return published.orElse(drafts.isEmpty() ? null : drafts.get(0));
    }

    private JsonNode create(ReleaseRequest request) {
        ObjectNode body = fields(request, false).put("draft", true);
        String what = "create release " + request.tag();
        JsonNode created = api.retrying(what, attempt -> {
            if (attempt > 1) {
                JsonNode landed = findRelease(request.tag());
                if (landed != null) {
                    return landed;
                }
            }
            return api.once(what, "POST", api.repoPath() + "/releases", body);
        });
        log.info("GitHub: created draft release " + created.get("id").asText() + " for " + request.tag());
        return created;
    }

    private JsonNode patch(JsonNode release, ObjectNode body) {
        long id = release.get("id").asLong();
        JsonNode updated = api.call("update release " + id, "PATCH", api.repoPath() + "/releases/" + id, body);
        log.info("GitHub: updated release " + id + " (" + String.join(", ", iterable(body.fieldNames())) + ")");
        return updated;
    }

    private static Iterable<String> iterable(java.util.Iterator<String> names) {
        return () -> names;
    }

    private static ObjectNode fields(ReleaseRequest request, boolean published) {
        ObjectNode body = GitHubApi.JSON.createObjectNode().put("tag_name", request.tag())
                .put("target_commitish", request.targetSha()).put("name", request.name()).put("body", request.body())
                .put("prerelease", request.prerelease());
        return published ? body.put("make_latest", request.makeLatest()) : body;
    }

    private static boolean differs(JsonNode release, ReleaseRequest request) {
        return !request.name().equals(release.path("name").asText(""))
                || !request.body().equals(release.path("body").asText(""))
                || !request.targetSha().equals(release.path("target_commitish").asText(""))
                || request.prerelease() != release.path("prerelease").asBoolean();
    }

    private List<JsonNode> listAssets(long releaseId) {
        return api.listAll("list assets of release " + releaseId,
                api.repoPath() + "/releases/" + releaseId + "/assets?per_page=100", all -> false);
    }

    private static Optional<JsonNode> byName(List<JsonNode> assets, String storedName) {
        return assets.stream().filter(a -> storedName.equals(a.path("name").asText())).findFirst();
    }

    private List<AssetOutcome> syncAssets(JsonNode release, List<LocalAsset> files) {
        List<JsonNode> remote = listAssets(release.get("id").asLong());
        List<AssetOutcome> outcomes = new ArrayList<>();
        for (LocalAsset file : files) {
            Optional<JsonNode> existing = byName(remote, file.storedName());
            AssetAction action;
            if (existing.isPresent() && file.matches(existing.get())) {
                action = AssetAction.KEEP;
                log.info("GitHub: asset " + file.storedName() + " is already uploaded with the same size, kept");
            } else {
                existing.ifPresent(this::deleteAsset);
                upload(release, file);
                action = existing.isPresent() ? AssetAction.REPLACE : AssetAction.UPLOAD;
            }
            outcomes.add(new AssetOutcome(file.storedName(), file.size(), action));
        }
        return outcomes;
    }

    private void upload(JsonNode release, LocalAsset file) {
        long releaseId = release.get("id").asLong();
        String stored = file.storedName();
        String what = "upload asset " + stored + " to release " + releaseId;
        JsonNode asset = api.retrying(what, attempt -> {
            if (attempt > 1) {
                Optional<JsonNode> landed = byName(listAssets(releaseId), stored);
                if (landed.isPresent() && file.matches(landed.get())) {
                    log.info("GitHub: the failed upload of " + stored + " had landed; kept");
                    return landed.get();
                }
                landed.ifPresent(this::deleteAsset);
            }
            try {
                return api.uploadOnce(what, release.get("upload_url").asText(), stored, file.file(), file.size());
            } catch (GitHubApiException e) {
                if (e.errorCodes().contains("already_exists")) {
                    throw new TransientFailure("422 already_exists", Optional.of(Duration.ZERO));
                }
                throw e;
            }
        });
        String actual = asset.path("name").asText();
        if (!actual.equals(stored)) {
            log.warn("GitHub stored asset " + file.file().getFileName() + " as " + actual + ", not " + stored);
        }
        log.info("GitHub: uploaded " + stored + " (" + file.size() + " bytes)");
    }

    private void deleteAsset(JsonNode asset) {
        String id = asset.get("id").asText();
        try {
            api.call("delete asset " + asset.path("name").asText() + " (" + asset.path("state").asText() + ")",
                    "DELETE", api.repoPath() + "/releases/assets/" + id, null);
        } catch (GitHubApiException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        log.info("GitHub: deleted asset " + asset.path("name").asText() + " (state " + asset.path("state").asText()
                + ", " + asset.path("size").asLong() + " bytes) to upload it again");
    }

    private void verifyAssets(long releaseId, List<LocalAsset> files) {
        List<JsonNode> remote = listAssets(releaseId);
        List<String> wrong = files.stream()
                .filter(file -> byName(remote, file.storedName()).filter(file::matches).isEmpty())
                .map(LocalAsset::storedName).collect(Collectors.toList());
        if (!wrong.isEmpty()) {
            throw new ReleaseException("GitHub release " + releaseId + " lacks complete assets " + wrong
                    + " after upload; it was not published: rerun to upload them again");
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ReleaseException("cannot read asset " + file + ": " + e.getMessage() + ": rebuild it", e);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
