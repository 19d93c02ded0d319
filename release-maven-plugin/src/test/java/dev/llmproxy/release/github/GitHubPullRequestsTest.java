package dev.llmproxy.release.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.notes.PullRequestInfo;
import dev.llmproxy.release.standin.GitHubStandIn;
import dev.llmproxy.release.standin.PullRequestSeed;
import dev.llmproxy.release.standin.RecordedRequest;
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

    /** @return a synthetic 40-hex SHA: {@code kind} then {@code n} in hex, e.g. {@code a000...00f} */
    static String sha(char kind, int n) {
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
        assertEquals(1, standIn.count("GET", "/app/pulls$"), "4 commits: one page of 100, never the whole history");
        assertEquals(List.of("/repos/example-org/app/commits/" + sha('c', 1) + "/pulls"), standIn.requests().stream()
                .map(RecordedRequest::path).filter(p -> p.startsWith("/repos/example-org/app/commits/")).toList());
        assertTrue(standIn.requests().stream().filter(r -> r.path().endsWith("/pulls"))
                .filter(r -> !r.path().contains("/commits/")).allMatch(r -> r.query().contains("per_page=100")
                && r.query().contains("state=closed") && r.query().contains("sort=updated")));
        assertEquals(2, standIn.requests().size());
    }

    @Test
    void stopsListingOnceEveryCommitHasItsPullRequest() {
        seed(250);

        Map<String, PullRequestInfo> found = source().forCommits(List.of(sha('a', 249), sha('a', 201)));

        assertEquals(2, found.size());
        assertEquals(1, standIn.count("GET", "/app/pulls$"));
    }

    @Test
    void closedButUnmergedPullRequestsAreNotReleased() {
        seed(20);

        Map<String, PullRequestInfo> found = source().forCommits(List.of(sha('a', 15), sha('a', 16)));

        assertEquals(List.of(sha('a', 16)), new ArrayList<>(found.keySet()));
        assertEquals(16, found.get(sha('a', 16)).number());
    }

    @Test
    void anOldPullRequestBeyondTheListedPageIsLookedUpByItsCommit() {
        seed(250);

        Map<String, PullRequestInfo> found = source().forCommits(List.of(sha('a', 250), sha('a', 3)));

        assertEquals(List.of(250, 3), found.values().stream().map(PullRequestInfo::number).toList());
        assertEquals(2, standIn.requests().size(), () -> standIn.requests().toString());
    }

    @Test
    void commitsWithoutPullRequestsAreLookedUpOneByOneAtMostTwenty() {
        seed(1000);
        List<String> direct = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            direct.add(sha('c', i));
        }

        assertEquals(Map.of(), source().forCommits(direct));

        assertEquals(1, standIn.count("GET", "/app/pulls$"));
        assertEquals(20, standIn.count("GET", "/commits/c[0-9a-f]+/pulls$"));
        assertTrue(log.lines.contains("WARN GitHub: 5 commit(s) not among the 100 most recently updated pull requests "
                + "were not looked up one by one (at most 20); their notes show the commit without a pull request"),
                log::all);
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
