package dev.llmproxy.release.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.notes.PullRequestInfo;
import dev.llmproxy.release.standin.GitHubStandIn;
import dev.llmproxy.release.standin.PullRequestSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitHubPullRequestsTest {
    private final GitHubStandIn standIn = GitHubStandIn.start("example-org/app", "t");
    private final RecordingLog log = new RecordingLog();

    @AfterEach
    void stop() {
        standIn.close();
    }

    private static String sha(char kind, int n) {
        return String.format("%c%039x", kind, n);
    }

    /** PR n: merge commit m..n, head h..n, updated later for higher n; those ending in 5 are closed unmerged. */
    private void seed(int count) {
        for (int n = 1; n <= count; n++) {
            standIn.addPullRequest(new PullRequestSeed(n, "feat: change " + n, n == 250 ? "Closes #7 and fixes: #9"
                    : "", "dev" + n, n == 249 ? "FIRST_TIME_CONTRIBUTOR" : "CONTRIBUTOR", List.of("area-" + n % 3),
                    sha('b', n), sha('a', n), n % 10 != 5, String.format("2026-01-01T00:%02d:%02dZ", n / 60, n % 60)));
        }
    }

    private GitHubPullRequests source() {
        return new GitHubPullRequests(new GitHubConfig(standIn.apiUrl(), "example-org", "app", Optional.of("t")),
                new FakeTime().policy(), log, 1000);
    }

    @Test
    void mapsRecentCommitsInBatchesOfOneHundredPullRequests() {
        seed(250);
        List<String> range = List.of(sha('a', 250), sha('b', 249), sha('a', 170), sha('c', 1));

        Map<String, PullRequestInfo> found = source().forCommits(range);

        assertEquals(List.of(sha('a', 250), sha('b', 249), sha('a', 170)), new ArrayList<>(found.keySet()));
        PullRequestInfo newest = found.get(sha('a', 250));
        assertEquals(new PullRequestInfo(250, "feat: change 250", List.of("area-1"), "dev250", false, List.of(7, 9),
                standIn.apiUrl() + "/example-org/app/pull/250", "Closes #7 and fixes: #9"), newest);
        assertTrue(found.get(sha('b', 249)).firstTimeContributor());
        assertEquals(3, standIn.count("GET", "/pulls$"), "250 pull requests, 100 per page, unmatched commit c1");
        assertTrue(standIn.requests().stream().allMatch(r -> r.query().contains("per_page=100")
                && r.query().contains("state=closed") && r.query().contains("sort=updated")));
    }

    @Test
    void stopsListingOnceEveryCommitHasItsPullRequest() {
        seed(250);

        Map<String, PullRequestInfo> found = source().forCommits(List.of(sha('a', 249), sha('a', 201)));

        assertEquals(2, found.size());
        assertEquals(1, standIn.count("GET", "/pulls$"));
    }

    @Test
    void closedButUnmergedPullRequestsAreNotReleased() {
        seed(20);

        Map<String, PullRequestInfo> found = source().forCommits(List.of(sha('a', 15), sha('a', 14)));

        assertFalse(found.containsKey(sha('a', 15)), "#15 was closed without merging");
        assertEquals(List.of(sha('a', 14)), new ArrayList<>(found.keySet()), "the merged #14 next to it is found");
        assertEquals(14, found.get(sha('a', 14)).number());
    }

    @Test
    void noCommitsMeansNoRequest() {
        assertEquals(Map.of(), source().forCommits(List.of()));
        assertEquals(0, standIn.requests().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Closes #12|12",
        "fixes: #3, resolved #4|3 4",
        "Fixed #5 and closes #5|5",
        "prefix-fixes #6 and see #7|",
        "hotfix #8|"})
    void closingKeywordsAsGitHubReadsThem(String body, String numbers) {
        List<Integer> expected = numbers == null ? List.of()
                : java.util.Arrays.stream(numbers.split(" ")).map(Integer::valueOf).toList();
        assertEquals(expected, GitHubPullRequests.closedIssues(body));
    }
}
