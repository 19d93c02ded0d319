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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes the GitHub Release for a tag converge to a {@link ReleaseRequest} (GitHub REST "releases" and "release
 * assets", API version 2022-11-28). Safe to run twice and to rerun after a failure at any step:
 * <ol>
 *   <li>the release is found by listing all release pages (the tag lookup does not see drafts); two drafts for one tag
 *       fail naming both ids; missing: created as a draft; present: updated (PATCH) only when a field differs;</li>
 *   <li>assets are matched by the name GitHub stores: the predicted name ({@link AssetNames}), else the one asset
 *       whose letters and digits equal the file's (GitHub renamed it by a rule we did not predict); same size and
 *       digest in state {@code uploaded} is kept, anything else is deleted and uploaded again, streamed from disk;
 *       the name in GitHub's answer to an upload is the truth from then on (logged when it differs);</li>
 *   <li>{@code SHA256SUMS} is written last, from the names GitHub stored, and synced like any asset;</li>
 *   <li>every asset is checked present with the right size, by the name GitHub stored, and only then the release is
 *       published (when asked); a published release is updated in place, never turned back into a draft.</li>
 * </ol>
 * Request budget (docs/performance.md): the release list is read once per releaser (a dry run's listing is reused by
 * the real run of the same releaser; GitHub's release objects carry their assets, so no asset listing is needed),
 * each asset is hashed once, and the check before publishing uses GitHub's answers to the uploads: one list, one
 * create (or update), one upload per asset that is missing or different, one publish.
 * Transient failures are retried per {@link RetryPolicy}; a failed create or upload is reconciled (list first, keep
 * what landed, delete a half-uploaded {@code starter} asset) before it is tried again.
 */
public final class GitHubReleaser {
    private final GitHubApi api;
    private final ReleaseLog log;
    private final Map<Path, LocalAsset> hashed = new HashMap<>();
    /** The files whose stored name was logged: once per releaser, not once per sync. */
    private final Set<Path> renamedSaid = new HashSet<>();
    private List<JsonNode> releaseList;
    private String checkedTag;
    private String tagKeptByGit;

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
     * Says that git keeps the tag right on GitHub in this run: the release is pushed to this very repository, whose
     * tag git checks before anything is written ({@code ls-remote}) and then pushes atomically with the branch. The
     * releaser then does not read the tag through the API ({@code GET /git/ref/tags/{tag}}): one request less
     * (docs/performance.md, "GitHub requests per release").
     *
     * @param tag the release tag, e.g. {@code v1.4.0}
     */
    public void tagKeptByGit(String tag) {
        this.tagKeptByGit = tag;
    }

    /**
     * Creates or updates the release, uploads its assets and publishes it as asked; or, in a dry run, only reads
     * (with the token when there is one, anonymously otherwise) and reports what would happen. A real run after a
     * dry run of the same releaser reuses the dry run's release list.
     *
     * @param request the wanted release
     * @param dryRun true: write nothing and need no token
     * @return what was (or would be) done
     * @throws ReleaseException on a permanent failure (bad token, missing permission, unknown repository, validation
     *     error, duplicate drafts, unreadable asset, an answer lacking a field the release needs) or when retries are
     *     used up; the message names cause and fix
     */
    public ReleaseOutcome sync(ReleaseRequest request, boolean dryRun) {
        List<LocalAsset> assets = localAssets(request);
        Path checksumDir = null;
        try {
            if (request.checksums()) {
                checksumDir = Files.createTempDirectory("release-checksums");
            }
            return dryRun ? plan(request, assets, checksumDir) : apply(request, assets, checksumDir);
        } catch (IOException e) {
            throw new ReleaseException("cannot create a temporary directory for SHA256SUMS: " + e.getMessage(), e);
        } finally {
            deleteTree(checksumDir);
        }
    }

    /** One file to attach, with its local name, the name GitHub is predicted to store, size and SHA-256 (hex). */
    private record LocalAsset(String localName, String storedName, Path file, long size, String sha256,
            long modified) {
        /** Same name assumed; GitHub's {@code digest} ("sha256:...") is compared when GitHub provides it. */
        boolean matches(JsonNode remote) {
            String digest = remote.path("digest").asText("");
            return "uploaded".equals(remote.path("state").asText()) && remote.path("size").asLong(-1) == size
                    && (digest.isEmpty() || digest.equals("sha256:" + sha256));
        }
    }

    private LocalAsset local(String storedName, Path file) {
        long size = size(file);
        long modified = modified(file);
        LocalAsset known = hashed.get(file);
        if (known != null && known.size() == size && known.modified() == modified) {
            return known;
        }
        LocalAsset asset = new LocalAsset(file.getFileName().toString(), storedName, file, size,
                Checksums.sha256(file), modified);
        hashed.put(file, asset);
        return asset;
    }

    private List<LocalAsset> localAssets(ReleaseRequest request) {
        List<LocalAsset> assets = new ArrayList<>();
        AssetNames.byStoredName(request.assets()).forEach((stored, file) -> {
            if (!Files.isRegularFile(file)) {
                throw new ReleaseException("asset " + file + " is not a file: build it first or fix release.assets");
            }
            if (!stored.equals(file.getFileName().toString()) && renamedSaid.add(file)) {
                log.info("GitHub: asset " + file.getFileName() + " is stored by GitHub as " + stored);
            }
            if (request.checksums() && stored.equals(Checksums.FILE_NAME)) {
                throw new ReleaseException("an asset is named " + Checksums.FILE_NAME
                        + ", which the release generates: remove it from release.assets");
            }
            assets.add(local(stored, file));
        });
        return assets;
    }

    /** Writes {@code SHA256SUMS} over the given stored names into {@code dir}. */
    private LocalAsset checksums(Path dir, Map<String, String> sha256ByStoredName) {
        Path sums = dir.resolve(Checksums.FILE_NAME);
        Checksums.write(sha256ByStoredName, sums);
        return new LocalAsset(Checksums.FILE_NAME, Checksums.FILE_NAME, sums, size(sums), Checksums.sha256(sums), 0);
    }

    private ReleaseOutcome plan(ReleaseRequest request, List<LocalAsset> files, Path checksumDir) {
        Optional<String> tagCommit = null;
        try {
            tagCommit = request.tag().equals(tagKeptByGit) ? Optional.empty() : tagCommit(request.tag());
        } catch (ReleaseException e) {
            log.warn("GitHub (dry run): cannot read the tag " + request.tag() + " on " + api.config().repository()
                    + ", not checked: " + e.getMessage());
        }
        if (tagCommit != null) {
            requireTagAtTarget(request, tagCommit);
        }
        JsonNode release = null;
        List<JsonNode> remoteAssets = List.of();
        boolean listed = false;
        try {
            listReleases();
            listed = true;
        } catch (ReleaseException e) {
            log.warn("GitHub (dry run): cannot read the releases of " + api.config().repository() + ", assuming none: "
                    + e.getMessage());
        }
        if (listed) {
            release = findRelease(request.tag()); // two drafts of the tag: the same refusal as the real run, now
            if (release != null) {
                remoteAssets = assetsOf(release, "list releases");
            }
        }
        boolean isDraft = release != null && GitHubApi.flag(release, "draft", "list releases");
        Action action = release == null ? Action.CREATE : differs(release, request) ? Action.UPDATE : Action.UNCHANGED;
        boolean draft = release == null ? !request.publish() : isDraft && !request.publish();
        boolean publishes = request.publish() && (release == null || isDraft);
        List<AssetOutcome> assets = new ArrayList<>();
        Map<String, String> sums = new LinkedHashMap<>();
        for (LocalAsset file : files) {
            Optional<JsonNode> remote = match(remoteAssets, file, files);
            String stored = remote.map(r -> r.path("name").asText()).orElse(file.storedName());
            sums.put(stored, file.sha256());
            assets.add(new AssetOutcome(stored, file.size(), remote.isEmpty() ? AssetAction.UPLOAD
                    : file.matches(remote.get()) ? AssetAction.KEEP : AssetAction.REPLACE));
        }
        if (checksumDir != null) {
            LocalAsset file = checksums(checksumDir, sums);
            Optional<JsonNode> remote = byName(remoteAssets, file.storedName());
            assets.add(new AssetOutcome(file.storedName(), file.size(), remote.isEmpty() ? AssetAction.UPLOAD
                    : file.matches(remote.get()) ? AssetAction.KEEP : AssetAction.REPLACE));
        }
        return new ReleaseOutcome(action, release == null ? null : GitHubApi.number(release, "id", "list releases"),
                release == null ? null : release.path("html_url").asText(null), draft, publishes, assets, true,
                release == null ? null : release.path("created_at").asText(null));
    }

    private ReleaseOutcome apply(ReleaseRequest request, List<LocalAsset> files, Path checksumDir) {
        if (api.config().token().isEmpty()) {
            throw new ReleaseException("GITHUB_TOKEN or GH_TOKEN is not set: export a token with contents: write, "
                    + "or run with release.dryRun=true");
        }
        boolean tagChecked = request.tag().equals(checkedTag) || request.tag().equals(tagKeptByGit);
        requireTagAtTarget(request, tagChecked ? Optional.empty() : tagCommit(request.tag()));
        JsonNode release = findRelease(request.tag());
        releaseList = null; // this run writes: a later sync must read GitHub again
        checkedTag = null;
        Action action;
        String what;
        boolean publishAtOnce = files.isEmpty() && checksumDir == null && request.publish();
        if (release == null) {
            what = "create release " + request.tag();
            release = create(request, what, publishAtOnce);
            action = Action.CREATE;
        } else if (differs(release, request)) {
            what = "update release " + request.tag();
            release = patch(release, fields(request, !GitHubApi.flag(release, "draft", "list releases")), what);
            action = Action.UPDATE;
        } else {
            what = "list releases";
            action = Action.UNCHANGED;
        }
        long id = GitHubApi.number(release, "id", what);
        boolean draft = GitHubApi.flag(release, "draft", what);
        if (!draft && !request.publish()) {
            log.info("GitHub: release " + id + " for " + request.tag() + " is already published; it stays published");
        }
        List<JsonNode> remote = assetsOf(release, what);
        Uploads uploads = new Uploads(release, id, what, remote);
        Map<String, String> sums = new LinkedHashMap<>();
        for (LocalAsset file : files) {
            JsonNode stored = uploads.sync(file, files);
            sums.put(stored.path("name").asText(), file.sha256());
        }
        if (checksumDir != null) {
            uploads.sync(checksums(checksumDir, sums), List.of());
        }
        uploads.verify();
        boolean publishedNow = false;
        if (publishAtOnce && action == Action.CREATE) {
            publishedNow = !draft;
            if (publishedNow) {
                log.info("GitHub: published release " + id + " for " + request.tag() + " (no assets to wait for)");
            }
        } else if (request.publish() && draft) {
            ObjectNode publish = GitHubApi.JSON.createObjectNode().put("draft", false)
                    .put("prerelease", request.prerelease()).put("make_latest", request.makeLatest());
            release = patch(release, publish, "publish release " + request.tag());
            publishedNow = true;
            log.info("GitHub: published release " + id + " for " + request.tag());
        }
        return new ReleaseOutcome(action, id, release.path("html_url").asText(null),
                GitHubApi.flag(release, "draft", "publish release " + request.tag()), publishedNow,
                uploads.outcomes, false, release.path("created_at").asText(null));
    }

    /**
     * @return the release for the tag (published preferred), or null; lists every page since drafts are invisible to
     *     {@code GET /releases/tags/{tag}}; the list is read once per releaser
     */
    private JsonNode findRelease(String tag) {
        listReleases();
        List<JsonNode> matches = releaseList.stream().filter(r -> tag.equals(r.path("tag_name").asText()))
                .collect(Collectors.toList());
        List<JsonNode> drafts = matches.stream().filter(r -> GitHubApi.flag(r, "draft", "list releases"))
                .collect(Collectors.toList());
        if (drafts.size() > 1) {
            throw new ReleaseException("GitHub has " + drafts.size() + " draft releases for " + tag + " (ids "
                    + drafts.stream().map(r -> String.valueOf(GitHubApi.number(r, "id", "list releases")))
                            .collect(Collectors.joining(", "))
                    + "): delete all but one on GitHub, then rerun");
        }
        Optional<JsonNode> published = matches.stream().filter(r -> !r.path("draft").asBoolean()).findFirst();
        if (published.isPresent() && !drafts.isEmpty()) {
            log.warn("GitHub: release " + published.get().path("id").asText() + " for " + tag
                    + " is published; draft " + drafts.get(0).path("id").asText() + " for the same tag is left alone");
        }
        return published.orElse(drafts.isEmpty() ? null : drafts.get(0));
    }

    /** Reads every page of the release list, once per releaser (until a write forgets it). */
    private void listReleases() {
        if (releaseList == null) {
            releaseList = api.listAll("list releases", api.repoPath() + "/releases?per_page=100", all -> false);
        }
    }

    /**
     * Stops before any write when the tag already exists on GitHub at another commit than the release's: GitHub would
     * publish the release onto that other commit.
     *
     * @param tagCommit the commit the tag points at on GitHub, empty when it does not exist (or was checked already)
     * @throws ReleaseException naming both commits (short SHAs) and the fix
     */
    private void requireTagAtTarget(ReleaseRequest request, Optional<String> tagCommit) {
        if (tagCommit.isPresent() && !tagCommit.get().equals(request.targetSha())) {
            String theirs = tagCommit.get().substring(0, Math.min(7, tagCommit.get().length()));
            String ours = request.targetSha().substring(0, 7);
            throw new ReleaseException("the tag " + request.tag() + " already exists on GitHub at commit " + theirs
                    + ", not at the release commit " + ours + "; nothing was written: release " + theirs
                    + " instead (git fetch --tags && git checkout " + request.tag() + "), or release the next "
                    + "version; delete the tag on GitHub only if it was never published");
        }
        checkedTag = request.tag();
    }

    /**
     * Reads {@code GET /git/ref/tags/{tag}} (and for an annotated tag its tag object).
     *
     * @return the commit the tag points at on GitHub, or empty when GitHub has no such tag
     */
    private Optional<String> tagCommit(String tag) {
        String what = "read tag " + tag;
        JsonNode ref;
        try {
            ref = api.call(what, "GET", api.repoPath() + "/git/ref/tags/"
                    + URLEncoder.encode(tag, StandardCharsets.UTF_8).replace("%2F", "/"), null);
        } catch (GitHubApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            return Optional.empty();
        }
        JsonNode object = ref.path("object");
        String sha = GitHubApi.text(object, "sha", what);
        if ("tag".equals(GitHubApi.text(object, "type", what))) {
            String tagObject = "read tag object of " + tag;
            sha = GitHubApi.text(api.call(tagObject, "GET", api.repoPath() + "/git/tags/" + sha, null)
                    .path("object"), "sha", tagObject);
        }
        return Optional.of(sha);
    }

    /** Forgets the release list, so that the next look-up reads GitHub again (after a failed write). */
    private JsonNode reread(String tag) {
        releaseList = null;
        return findRelease(tag);
    }

    private JsonNode create(ReleaseRequest request, String what, boolean published) {
        ObjectNode body = fields(request, published).put("draft", !published);
        JsonNode created = api.retrying(what, attempt -> {
            if (attempt > 1) {
                JsonNode landed = reread(request.tag());
                if (landed != null) {
                    return landed;
                }
            }
            return api.once(what, "POST", api.repoPath() + "/releases", body);
        });
        log.info("GitHub: created " + (published ? "" : "draft ") + "release " + GitHubApi.number(created, "id", what)
                + " for " + request.tag());
        return created;
    }

    private JsonNode patch(JsonNode release, ObjectNode body, String what) {
        long id = GitHubApi.number(release, "id", what);
        JsonNode updated = api.call(what, "PATCH", api.repoPath() + "/releases/" + id, body);
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

    /** @return the assets a release object carries (GitHub embeds them in every release answer) */
    private static List<JsonNode> assetsOf(JsonNode release, String what) {
        JsonNode assets = release.path("assets");
        if (assets.isMissingNode() || assets.isNull()) {
            return List.of();
        }
        GitHubApi.requireArray(assets, what + " (assets)");
        List<JsonNode> list = new ArrayList<>();
        assets.forEach(list::add);
        return list;
    }

    private List<JsonNode> listAssets(long releaseId) {
        return api.listAll("list assets of release " + releaseId,
                api.repoPath() + "/releases/" + releaseId + "/assets?per_page=100", all -> false);
    }

    private static Optional<JsonNode> byName(List<JsonNode> assets, String storedName) {
        return assets.stream().filter(a -> storedName.equals(a.path("name").asText())).findFirst();
    }

    /**
     * The remote asset that is this file's: the one with the predicted stored name, else the only one whose letters
     * and digits equal the file's and that no other file predicts (GitHub renamed by a rule we did not predict).
     */
    private static Optional<JsonNode> match(List<JsonNode> remote, LocalAsset file, List<LocalAsset> all) {
        Optional<JsonNode> exact = byName(remote, file.storedName());
        if (exact.isPresent()) {
            return exact;
        }
        String skeleton = skeleton(file.localName());
        List<JsonNode> similar = remote.stream()
                .filter(a -> skeleton.equals(skeleton(a.path("name").asText())))
                .filter(a -> all.stream().noneMatch(other -> other.storedName().equals(a.path("name").asText())))
                .collect(Collectors.toList());
        boolean ambiguous = all.stream().filter(other -> skeleton.equals(skeleton(other.localName()))).count() > 1;
        return similar.size() == 1 && !ambiguous ? Optional.of(similar.get(0)) : Optional.empty();
    }

    private static String skeleton(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "");
    }

    /** The asset side of one release: matches, uploads, and remembers what GitHub answered. */
    private final class Uploads {
        private final long releaseId;
        private final String uploadUrl;
        private final String what;
        private final List<JsonNode> remote;
        private final Map<LocalAsset, JsonNode> stored = new LinkedHashMap<>();
        private final List<AssetOutcome> outcomes = new ArrayList<>();

        Uploads(JsonNode release, long releaseId, String what, List<JsonNode> remote) {
            this.releaseId = releaseId;
            this.remote = new ArrayList<>(remote);
            this.uploadUrl = GitHubApi.text(release, "upload_url", what);
            this.what = what;
        }

        /** @return GitHub's record of the file's asset (kept or uploaded now) */
        JsonNode sync(LocalAsset file, List<LocalAsset> all) {
            if (stored.isEmpty() && outcomes.isEmpty()) {
                api.requireUploadOrigin(uploadUrl, what);
            }
            Optional<JsonNode> existing = match(remote, file, all);
            AssetAction action;
            JsonNode result;
            if (existing.isPresent() && file.matches(existing.get())) {
                action = AssetAction.KEEP;
                result = existing.get();
                log.info("GitHub: asset " + result.path("name").asText() + " is already uploaded with the same size"
                        + (result.path("digest").asText("").isEmpty() ? " (GitHub gave no digest to compare)"
                                : " and SHA-256") + ", kept");
            } else {
                existing.ifPresent(GitHubReleaser.this::deleteAsset);
                existing.ifPresent(remote::remove);
                result = upload(file, all);
                action = existing.isPresent() ? AssetAction.REPLACE : AssetAction.UPLOAD;
            }
            stored.put(file, result);
            outcomes.add(new AssetOutcome(result.path("name").asText(), file.size(), action));
            return result;
        }

        private JsonNode upload(LocalAsset file, List<LocalAsset> all) {
            String requested = file.storedName();
            String what = "upload asset " + requested + " to release " + releaseId;
            JsonNode asset = api.retrying(what, attempt -> {
                if (attempt > 1) {
                    Optional<JsonNode> landed = match(listAssets(releaseId), file, all);
                    if (landed.isPresent() && file.matches(landed.get())) {
                        log.info("GitHub: the failed upload of " + requested + " had landed as "
                                + landed.get().path("name").asText() + "; kept");
                        return landed.get();
                    }
                    landed.ifPresent(GitHubReleaser.this::deleteAsset);
                }
                try {
                    return api.uploadOnce(what, uploadUrl, requested, file.file(), file.size());
                } catch (GitHubApiException e) {
                    if (e.errorCodes().contains("already_exists")) {
                        throw new TransientFailure("422 already_exists", Optional.of(Duration.ZERO));
                    }
                    throw e;
                }
            });
            String actual = GitHubApi.text(asset, "name", what);
            GitHubApi.number(asset, "id", what);
            if (!actual.equals(requested)) {
                log.warn("GitHub: asset " + file.localName() + " was stored by GitHub as " + actual + ", not "
                        + requested + "; " + Checksums.FILE_NAME + " and the checks use " + actual);
            }
            log.info("GitHub: uploaded " + actual + " (" + file.size() + " bytes)");
            return asset;
        }

        /** Checks, by the names GitHub stored, that every asset is complete; GitHub's own answers are the record. */
        void verify() {
            List<String> wrong = stored.entrySet().stream().filter(e -> !e.getKey().matches(e.getValue()))
                    .map(e -> e.getValue().path("name").asText()).collect(Collectors.toList());
            if (!wrong.isEmpty()) {
                throw new ReleaseException("GitHub release " + releaseId + " lacks complete assets " + wrong
                        + " after upload; it was not published: rerun to upload them again");
            }
        }
    }

    private void deleteAsset(JsonNode asset) {
        String name = asset.path("name").asText();
        long id = GitHubApi.number(asset, "id", "list assets (" + name + ")");
        try {
            api.call("delete asset " + name + " (" + asset.path("state").asText() + ")",
                    "DELETE", api.repoPath() + "/releases/assets/" + id, null);
        } catch (GitHubApiException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        log.info("GitHub: deleted asset " + name + " (state " + asset.path("state").asText()
                + ", " + asset.path("size").asLong() + " bytes) to upload it again");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ReleaseException("cannot read asset " + file + ": " + e.getMessage() + ": rebuild it", e);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
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
