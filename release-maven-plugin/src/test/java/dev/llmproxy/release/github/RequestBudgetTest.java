package dev.llmproxy.release.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import static dev.llmproxy.release.github.GitHubPullRequestsTest.sha;

import dev.llmproxy.release.standin.GitHubStandIn;
import dev.llmproxy.release.standin.PullRequestSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10 item 12: requests one release costs on the stand-in, as the engine makes them (pull request look-up while
 * planning, the dry-run sync of the plan, the real sync that publishes with the same releaser, then notifications).
 * The figures are in docs/performance.md ("GitHub requests per release").
 */
class RequestBudgetTest {
    private static final String TOKEN = "ghp_budget";
    private static final String SHA = "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0";
    private static final int OLDER_PULL_REQUESTS = 3_000;

    private final GitHubStandIn standIn = GitHubStandIn.start("example-org/app", TOKEN);
    private final FakeTime time = new FakeTime();
    private final RecordingLog log = new RecordingLog();

    @AfterEach
    void stop() {
        standIn.close();
    }

    private GitHubConfig config() {
        return new GitHubConfig(standIn.apiUrl(), "example-org", "app", Optional.of(TOKEN));
    }

    /** Seeds 3,000 older merged pull requests and {@code count} newer ones; returns the release's merge commits. */
    private List<String> seed(int count) {
        List<String> commits = new ArrayList<>();
        for (int n = 1; n <= OLDER_PULL_REQUESTS + count; n++) {
            standIn.addPullRequest(new PullRequestSeed(n, "feat: change " + n, "", "dev", "CONTRIBUTOR", List.of(),
                    sha('b', n), sha('a', n), true, String.format("2026-01-01T%02d:%02d:%02dZ", n / 3600,
                            n / 60 % 60, n % 60)));
            if (n > OLDER_PULL_REQUESTS) {
                commits.add(sha('a', n));
            }
        }
        return commits;
    }

    private long planAndRelease(List<String> commits) {
        standIn.clearRequests();
        assertEquals(commits.stream().filter(c -> c.startsWith("a")).count(),
                new GitHubPullRequests(config(), time.policy(), log, 10_000).forCommits(commits).size());
        GitHubReleaser releaser = new GitHubReleaser(config(), time.policy(), log);
        ReleaseRequest request = new ReleaseRequest("v2.0.0", null, "notes", SHA, true, false, "true", List.of(),
                false);
        releaser.sync(request, true);
        assertFalse(releaser.sync(request, false).draft());
        return standIn.requests().size();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100, 1_000})
    void planningAndReleaseCostAtMostOnePagePerHundredPullRequestsPlusThree(int pullRequests) {
        List<String> commits = seed(pullRequests);

        long requests = planAndRelease(commits);

        long budget = (pullRequests + 99) / 100 + 3;
        System.out.println("GitHub requests, " + pullRequests + " merged PRs: planning and release " + requests
                + " (budget " + budget + ")");
        assertEquals(budget, requests, () -> standIn.requests().toString());
    }

    @Test
    void aCommitWithoutPullRequestCostsOneLookUpNotTheWholeHistory() {
        List<String> commits = new ArrayList<>(seed(10));
        commits.add(sha('c', 1));

        long requests = planAndRelease(commits);

        assertEquals(1, standIn.count("GET", "/app/pulls$"));
        assertEquals(1, standIn.count("GET", "/commits/c[0-9a-f]+/pulls$"));
        assertEquals(5, requests);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100, 1_000})
    void notificationsCostOneListingPlusOnePostPerItemAndNothingTwice(int items) {
        List<Integer> numbers = new ArrayList<>();
        for (int n = 1; n <= items; n++) {
            standIn.addIssue(n, "issue " + n, true);
            numbers.add(n);
        }
        ReleaseNotifier notifier = new ReleaseNotifier(config(), time.policy(4, java.time.Duration.ofMinutes(10)),
                log);

        ReleaseNotifier.Result first = notifier.notify("v2.0.0", "https://example.test/r", numbers, Optional.empty());
        long firstRun = standIn.requests().size();
        standIn.clearRequests();
        ReleaseNotifier.Result rerun = notifier.notify("v2.0.0", "https://example.test/r", numbers, Optional.empty());
        long secondRun = standIn.requests().size();

        int posted = Math.min(items, ContentPacer.PER_HOUR);
        System.out.println("GitHub requests, " + items + " items to notify: first run " + firstRun + " ("
                + first.commented().size() + " comments), rerun " + secondRun + " (" + rerun.commented().size()
                + " comments)");
        assertEquals(1 + posted, firstRun);
        assertEquals((posted + 99) / 100 + (items - posted), secondRun);
        assertEquals(items, first.commented().size() + rerun.commented().size());
        assertEquals(items, numbers.stream().mapToInt(n -> standIn.comments(n).size()).sum());
    }
}
