package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.git.TestRepos;
import dev.llmproxy.release.github.RetryPolicy;
import dev.llmproxy.release.standin.GitHubStandIn;
import dev.llmproxy.release.standin.PullRequestSeed;
import dev.llmproxy.release.standin.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The request budget of issue 10 counted as a maintainer spends it: one {@code release:draft} run of the whole
 * engine (planning, the preview's checks, the release) against the stand-in, on a real repository whose remote is
 * the GitHub repository itself. Asset uploads (one per file) and the notifications (their own budget, see
 * {@code github/RequestBudgetTest}) are not part of it; docs/performance.md "GitHub requests per release".
 */
class EngineRequestBudgetTest {
    private static final String TOKEN = "test-token-budget-123";
    private static final RetryPolicy NO_WAIT = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1),
            Duration.ofSeconds(30), Duration.ofSeconds(10), d -> { }, System::nanoTime);
    private static final Pattern NOT_IN_BUDGET = Pattern.compile("^/uploads/|/comments");

    @TempDir
    Path dir;

    private GitHubStandIn github = GitHubStandIn.start("example-org/app", TOKEN);
    private TestRepos repo;

    @AfterEach
    void stop() {
        github.close();
    }

    /** A repository with {@code pullRequests} squash-merged pull requests after v1.4.0, and a remote named as GitHub names it. */
    private void repositoryWith(int pullRequests) {
        TestRepos origin = TestRepos.bare(dir.resolve("origin.git"));
        repo = AppAt140.create(dir.resolve("app"));
        for (int n = 1; n <= pullRequests; n++) {
            repo.c("-m", "feat: change " + n + " (#" + n + ")");
            github.addPullRequest(new PullRequestSeed(n, "feat: change " + n, "", "dev", "CONTRIBUTOR", List.of(),
                    "b".repeat(40), repo.sha("HEAD"), true, "2026-11-01T00:00:00Z"));
        }
        // the remote URL is the stand-in's web origin; git reaches it through a local bare repository
        String url = github.apiUrl() + "/example-org/app.git";
        repo.git("config", "url." + origin.dir() + ".insteadOf", url);
        repo.git("remote", "add", "origin", url);
        repo.git("push", "-q", "origin", "main", "v1.4.0");
    }

    private TestSettings settings() {
        TestSettings s = new TestSettings(repo.dir());
        s.commit = true;
        s.push = true;
        s.githubSkip = false;
        s.apiUrl = github.apiUrl().toString();
        s.repository = "example-org/app";
        s.token = TOKEN;
        return s;
    }

    private long requestsOf(TestSettings s) {
        github.clearRequests();
        new ReleaseEngine(s.build(), ReleaseLog.SILENT, NO_WAIT).draft();
        List<RecordedRequest> counted = github.requests().stream()
                .filter(r -> !NOT_IN_BUDGET.matcher(r.path()).find()).toList();
        System.out.println("GitHub requests, engine: " + counted.size() + " "
                + counted.stream().map(r -> r.method() + " " + r.path()).toList());
        return counted.size();
    }

    @ParameterizedTest(name = "{0} merged PRs, assets {1}, publish {2}: {3} requests")
    @CsvSource({
            "1, false, true, 4",
            "150, false, true, 5",
            "1, true, false, 4",
            "150, true, false, 5",
            // with assets, publishing waits for the checked uploads: one PATCH more
            "1, true, true, 5",
            "150, true, true, 6"})
    void aReleasePushedToGitHubCostsOnePagePerHundredPullRequestsPlusThreeAndThePublishingPatch(int pullRequests,
            boolean assets, boolean publish, long expected) {
        repositoryWith(pullRequests);
        TestSettings s = settings();
        s.assets = assets ? List.of("dist/*.jar") : List.of();
        s.publish = publish;

        assertEquals(expected, requestsOf(s), () -> github.requests().toString());
        assertEquals(0, github.count("GET", "/git/ref/tags/"), "git checked the tag on the remote: no API read");
        assertEquals(1, github.count("GET", "/releases$"));
    }

    @Test
    void withoutPushingTheTagOnGitHubIsReadThroughTheApi() {
        repositoryWith(1);
        TestSettings s = settings();
        s.push = false;
        s.publish = true;

        assertEquals(5, requestsOf(s), () -> github.requests().toString());
        assertEquals(1, github.count("GET", "/git/ref/tags/v1.5.0$"));
    }

    @Test
    void aRemoteElsewhereLeavesTheTagReadToTheApi() {
        repositoryWith(1);
        repo.git("remote", "set-url", "origin", dir.resolve("origin.git").toString());
        TestSettings s = settings();
        s.publish = true;

        assertEquals(5, requestsOf(s), () -> github.requests().toString());
        assertEquals(1, github.count("GET", "/git/ref/tags/v1.5.0$"));
    }

    @Test
    void onARepositoryWithImmutableReleasesTheAssetsGoOntoTheDraftBeforeItIsPublished() {
        github.close();
        github = GitHubStandIn.builder().repository("example-org/app").token(TOKEN).immutableReleases().start();
        repositoryWith(1);
        TestSettings s = settings();
        s.assets = List.of("dist/*.jar");
        s.publish = true;

        assertEquals(5, requestsOf(s), () -> github.requests().toString());

        JsonNode release = github.releases().get(0);
        assertEquals(false, release.get("draft").asBoolean());
        assertEquals(List.of("app.jar", "SHA256SUMS"), release.get("assets").findValuesAsText("name"));
        assertEquals(List.of("POST /repos/example-org/app/releases", "POST /uploads/repos/example-org/app/releases/1/assets",
                "POST /uploads/repos/example-org/app/releases/1/assets", "PATCH /repos/example-org/app/releases/1"),
                github.requests().stream().filter(r -> !r.method().equals("GET"))
                        .filter(r -> !r.path().endsWith("/comments")).map(r -> r.method() + " " + r.path()).toList());
    }
}
