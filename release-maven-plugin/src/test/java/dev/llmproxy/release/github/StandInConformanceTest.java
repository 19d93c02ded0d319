package dev.llmproxy.release.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.standin.GitHubStandIn;
import dev.llmproxy.release.standin.PullRequestSeed;
import dev.llmproxy.release.standin.RecordedExchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the stand-in against GitHub's official OpenAPI description: the real client flows (releaser, pull request
 * lookup, notifier, error cases) run against it, and every request/response pair it recorded must conform.
 */
class StandInConformanceTest {
    private static final String TOKEN = "conformance-token";
    private static final String MERGE_SHA = "a".repeat(40);
    private static final String HEAD_SHA = "b".repeat(40);
    private static final String TARGET_SHA = "c".repeat(40);
    private static final String RELEASE_URL = "https://github.com/example-org/app/releases/tag/v1.4.0";
    private static GitHubOpenApi openApi;

    @TempDir
    Path dir;

    private final GitHubStandIn standIn = GitHubStandIn.start("example-org/app", TOKEN);
    private final RecordingLog log = new RecordingLog();

    @BeforeAll
    static void loadDescription() {
        openApi = GitHubOpenApi.load();
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private GitHubConfig config(String repository, Optional<String> token) {
        String[] parts = repository.split("/");
        return new GitHubConfig(standIn.apiUrl(), parts[0], parts[1], token);
    }

    private GitHubConfig config() {
        return config("example-org/app", Optional.of(TOKEN));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static ReleaseRequest request(String body, boolean publish, List<Path> assets) {
        return new ReleaseRequest("v1.4.0", "App 1.4.0", body, TARGET_SHA, publish, false, "true", assets, true);
    }

    @Test
    void everyExchangeOfTheClientFlowsConformsToGitHubsDescription() throws IOException {
        Path jar = file("app-1.4.0.jar", "jar bytes");
        Path zip = file("My App 1.4.0.zip", "zip bytes");
        GitHubReleaser releaser = new GitHubReleaser(config(), new FakeTime().policy(), log);
        new GitHubReleaser(config().anonymous(), new FakeTime().policy(), log)
                .sync(request("notes", false, List.of(jar)), true);
        releaser.sync(request("notes", false, List.of(jar)), false);
        Files.writeString(jar, "rebuilt jar bytes");
        releaser.sync(request("better notes", false, List.of(jar, zip)), false);
        long releaseId = releaser.sync(request("better notes", true, List.of(jar, zip)), false).releaseId();

        standIn.addPullRequest(new PullRequestSeed(40, "feat: streaming", "Closes #12", "dev", "CONTRIBUTOR",
                List.of("enhancement"), HEAD_SHA, MERGE_SHA, true, "2026-01-02T03:04:05Z"));
        standIn.addIssue(12, "Streaming is slow", true);
        assertEquals(Set.of(MERGE_SHA), new GitHubPullRequests(config(), new FakeTime().policy(), log, 100)
                .forCommits(List.of(MERGE_SHA, "d".repeat(40))).keySet());
        ReleaseNotifier notifier = new ReleaseNotifier(config(), new FakeTime().policy(), log);
        notifier.notify("v1.4.0", RELEASE_URL, List.of(12, 40), Optional.empty());
        assertEquals(List.of(99), notifier.notify("v1.4.0", RELEASE_URL, List.of(12, 40, 99), Optional.empty())
                .failed());

        GitHubApi api = new GitHubApi(config(), new FakeTime().policy(), log);
        JsonNode asset = api.call("get asset list", "GET", api.repoPath() + "/releases/" + releaseId + "/assets", null)
                .get(0);
        for (String path : List.of("", "/releases/" + releaseId, "/releases/latest", "/releases/tags/v1.4.0",
                "/releases/assets/" + asset.get("id").asText(), "/git/ref/tags/v1.4.0", "/issues/12",
                "/issues/40", "/commits/" + MERGE_SHA + "/pulls")) {
            api.call("read " + path, "GET", api.repoPath() + path, null);
        }
        errorCases(api, releaseId, jar);
        api.call("delete release", "DELETE", api.repoPath() + "/releases/" + releaseId, null);

        List<RecordedExchange> exchanges = standIn.exchanges();
        assertEquals(expectedOperations(), operations(exchanges));
        List<String> violations = openApi.violations(exchanges);
        assertTrue(violations.isEmpty(), violations.size() + " of " + exchanges.size()
                + " exchanges do not conform to GitHub's OpenAPI description:\n" + String.join("\n", violations));
    }

    @Test
    void aSeparateUploadOriginWithGitHubsRenamingConforms() throws IOException {
        try (GitHubStandIn separate = GitHubStandIn.builder().repository("example-org/app").token(TOKEN)
                .separateUploadOrigin().strictAssetNames().start()) {
            GitHubConfig config = new GitHubConfig(separate.apiUrl(), "example-org", "app", Optional.of(TOKEN),
                    Optional.of(separate.uploadOrigin()));
            Path renamed = file("app-1.4.0+linux.zip", "zip bytes");
            separate.addTag("v1.4.0", TARGET_SHA, true);
            GitHubReleaser releaser = new GitHubReleaser(config, new FakeTime().policy(), log);
            releaser.sync(request("notes", true, List.of(renamed)), false);
            releaser.sync(request("notes", true, List.of(renamed)), false);

            List<RecordedExchange> exchanges = separate.exchanges();
            assertEquals(2, exchanges.stream().filter(e -> e.server() == RecordedExchange.Server.UPLOADS).count());
            assertEquals(2, exchanges.stream().filter(e -> e.path().contains("/git/tags/")).count());
            List<String> violations = openApi.violations(exchanges);
            assertTrue(violations.isEmpty(), String.join("\n", violations));
        }
    }

    private void errorCases(GitHubApi api, long releaseId, Path jar) {
        assertStatus(401, () -> new GitHubReleaser(config("example-org/app", Optional.of("wrong-token")),
                new FakeTime().policy(), log).sync(request("notes", false, List.of()), false));
        assertStatus(404, () -> new GitHubReleaser(config("example-org/missing", Optional.of(TOKEN)),
                new FakeTime().policy(), log).sync(request("notes", false, List.of()), false));
        assertStatus(404, () -> api.call("get missing release", "GET", api.repoPath() + "/releases/999999", null));
        JsonNode release = api.call("get release", "GET", api.repoPath() + "/releases/" + releaseId, null);
        GitHubApiException duplicate = assertThrows(GitHubApiException.class, () -> api.uploadOnce("upload twice",
                release.get("upload_url").asText(), "app-1.4.0.jar", jar, Files.size(jar)));
        assertEquals(List.of("already_exists"), duplicate.errorCodes());
        GitHubApiException taken = assertThrows(GitHubApiException.class, () -> api.once("create again", "POST",
                api.repoPath() + "/releases", GitHubApi.JSON.createObjectNode().put("tag_name", "v1.4.0")));
        assertEquals(List.of("already_exists"), taken.errorCodes());
    }

    private static void assertStatus(int status, Runnable call) {
        ReleaseException thrown = assertThrows(ReleaseException.class, call::run);
        assertTrue(thrown.getMessage().contains(String.valueOf(status)), thrown.getMessage());
    }

    /** {@code "METHOD /path status"} with ids, SHAs and the tag replaced by placeholders, so coverage reads plainly. */
    private static Set<String> operations(List<RecordedExchange> exchanges) {
        return exchanges.stream().map(e -> e.method() + " " + e.path().replaceFirst("^/repos/[^/]+/[^/]+", "")
                .replaceAll("/[0-9a-f]{40}", "/{sha}").replaceAll("/\\d+", "/{n}").replace("v1.4.0", "{tag}")
                + " " + e.status()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> expectedOperations() {
        return new TreeSet<>(List.of(
                "GET  200", "GET /releases 200", "GET /git/ref/tags/{tag} 401", "GET /git/ref/tags/{tag} 404",
                "GET /releases 404", "POST /releases 201",
                "POST /releases 422", "GET /releases/{n} 200", "GET /releases/{n} 404", "PATCH /releases/{n} 200",
                "DELETE /releases/{n} 204", "GET /releases/{n}/assets 200", "POST /releases/{n}/assets 201",
                "POST /releases/{n}/assets 422", "GET /releases/assets/{n} 200", "DELETE /releases/assets/{n} 204",
                "GET /releases/latest 200", "GET /releases/tags/{tag} 200", "GET /git/ref/tags/{tag} 200",
                "GET /pulls 200", "GET /commits/{sha}/pulls 200", "GET /issues/{n} 200",
                "GET /issues/comments 200", "POST /issues/{n}/comments 201", "POST /issues/{n}/comments 404"));
    }

    @Test
    void driftIsReportedOnePerLine() {
        RecordedExchange drifted = new RecordedExchange(RecordedExchange.Server.API, "POST",
                "/repos/example-org/app/releases", "", Map.of("content-type", List.of("application/json")),
                "{\"tag_name\":\"v1.4.0\",\"make_latest\":true}", 200,
                Map.of("content-type", List.of("application/json")), "{\"id\":\"one\"}");
        RecordedExchange uploadOnApi = new RecordedExchange(RecordedExchange.Server.API, "POST",
                "/repos/example-org/app/releases/1/assets", "name=a.zip", Map.of(), null, 201, Map.of(), null);

        List<String> violations = openApi.violations(List.of(drifted, uploadOnApi));

        assertTrue(violations.stream().anyMatch(v -> v.startsWith("POST /repos/example-org/app/releases -> 200: ")
                && v.contains("make_latest")), String.join("\n", violations));
        assertTrue(violations.stream().anyMatch(v -> v.contains("-> 200: validation.response.status.unknown")),
                String.join("\n", violations));
        assertEquals("POST /repos/example-org/app/releases/1/assets?name=a.zip -> 201: an upload went to the API "
                + "server, not to the upload_url", violations.get(violations.size() - 1));
    }
}
