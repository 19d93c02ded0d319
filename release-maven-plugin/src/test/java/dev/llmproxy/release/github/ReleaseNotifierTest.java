package dev.llmproxy.release.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.standin.Fault;
import dev.llmproxy.release.standin.GitHubStandIn;
import dev.llmproxy.release.standin.PullRequestSeed;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReleaseNotifierTest {
    private static final String URL = "https://github.com/example-org/app/releases/tag/v1.4.0";
    private final GitHubStandIn standIn = GitHubStandIn.start("example-org/app", "t");
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void seed() {
        standIn.addPullRequest(new PullRequestSeed(40, "feat: x", "Closes #12", "dev", "CONTRIBUTOR", List.of(),
                "b".repeat(40), "a".repeat(40), true, "2026-01-01T00:00:00Z"));
        standIn.addIssue(12, "bug", true);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private final FakeTime time = new FakeTime();

    private ReleaseNotifier notifier() {
        return new ReleaseNotifier(new GitHubConfig(standIn.apiUrl(), "example-org", "app", Optional.of("t")),
                time.policy(4, Duration.ofMinutes(10)), log);
    }

    private List<Integer> issues(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            standIn.addIssue(n, "issue " + n, true);
            numbers.add(n);
        }
        return numbers;
    }

    @Test
    void oneListingPlusOnePostPerItemAndNoRequestForItemsAlreadyDone() {
        List<Integer> numbers = issues(100, 149);
        notifier().notify("v1.4.0", URL, numbers.subList(0, 20), Optional.empty(), "2020-01-01T00:00:00Z");
        standIn.clearRequests();

        ReleaseNotifier.Result result = notifier().notify("v1.4.0", URL, numbers, Optional.empty(),
                "2020-01-01T00:00:00Z");

        assertEquals(30, result.commented().size());
        assertEquals(20, result.alreadyCommented().size());
        assertEquals(1, standIn.count("GET", "/issues/comments$"));
        assertEquals(30, standIn.count("POST", "/issues/\\d+/comments$"));
        assertEquals(31, standIn.requests().size());
        assertTrue(standIn.requests().get(0).query().contains("since=2020-01-01T00%3A00%3A00Z"),
                standIn.requests().get(0).query());
    }

    @Test
    void commentsArePacedToEightyAMinuteWithTheWaitLogged() {
        ReleaseNotifier.Result result = notifier().notify("v1.4.0", URL, issues(100, 299), Optional.empty());

        assertEquals(200, result.commented().size());
        assertEquals(List.of(Duration.ofSeconds(60), Duration.ofSeconds(60)), time.sleeps);
        assertEquals(2, log.lines.stream().filter(l -> l.equals("INFO GitHub: pacing comments to GitHub's limit of 80 "
                + "a minute and 500 an hour: waiting 60 s")).count(), log::all);
    }

    @Test
    void aSecondaryLimitOnACommentWaitsAMinuteAndRetriesOnce() {
        standIn.inject(Fault.on("POST", "/issues/40/comments$").status(403,
                "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."));

        ReleaseNotifier.Result result = notifier().notify("v1.4.0", URL, List.of(40), Optional.empty());

        assertEquals(List.of(40), result.commented());
        assertEquals(List.of(Duration.ofSeconds(60)), time.sleeps);
        assertEquals(1, standIn.comments(40).size());
        assertTrue(log.all().contains("WARN GitHub: comment on #40 hit GitHub's secondary rate limit"), log.all());
    }

    @Test
    void aServerErrorOnACommentIsNotRetriedSinceItMayHaveLanded() {
        standIn.inject(Fault.on("POST", "/issues/40/comments$").landedThen502());

        ReleaseNotifier.Result first = notifier().notify("v1.4.0", URL, List.of(40), Optional.empty());
        ReleaseNotifier.Result rerun = notifier().notify("v1.4.0", URL, List.of(40), Optional.empty());

        assertEquals(List.of(40), first.failed());
        assertEquals(List.of(40), rerun.alreadyCommented());
        assertEquals(1, standIn.comments(40).size());
    }

    @Test
    void whatDoesNotFitTheBudgetIsListedInOneWarningAndARerunFinishesIt() {
        List<Integer> numbers = issues(1000, 1599);

        ReleaseNotifier.Result first = notifier().notify("v1.4.0", URL, numbers, Optional.empty());
        ReleaseNotifier.Result rerun = notifier().notify("v1.4.0", URL, numbers, Optional.empty());

        assertEquals(500, first.commented().size());
        assertEquals(numbers.subList(500, 600), first.failed());
        List<String> warnings = log.lines.stream().filter(l -> l.startsWith("WARN")).toList();
        assertEquals(1, warnings.size(), log::all);
        assertTrue(warnings.get(0).startsWith("WARN GitHub: 100 item(s) not commented on with v1.4.0: #1500, #1501, "),
                warnings.get(0));
        assertTrue(warnings.get(0).endsWith(", #1599 (last cause: GitHub's limit of 80 comments a minute and 500 an "
                + "hour left no time within 10 minutes); the release stands, rerun it to comment on them"),
                warnings.get(0));
        assertEquals(100, rerun.commented().size());
        assertEquals(500, rerun.alreadyCommented().size());
        assertTrue(numbers.stream().allMatch(n -> standIn.comments(n).size() == 1));
    }

    @Test
    void commentsOncePerItemAndNeverTwiceOnRerun() {
        ReleaseNotifier.Result first = notifier().notify("v1.4.0", URL, List.of(40, 12), Optional.empty());
        ReleaseNotifier.Result second = notifier().notify("v1.4.0", URL, List.of(40, 12), Optional.empty());

        assertEquals(List.of(12, 40), first.commented());
        assertEquals(List.of(), second.commented());
        assertEquals(List.of(12, 40), second.alreadyCommented());
        assertEquals(List.of("Released in [v1.4.0](" + URL + ")\n\n<!-- llm-proxy-release: v1.4.0 -->"),
                standIn.comments(40));
        assertEquals(1, standIn.comments(12).size());
    }

    @Test
    void aLaterReleaseCommentsAgain() {
        notifier().notify("v1.4.0", URL, List.of(40), Optional.empty());

        assertEquals(List.of(40), notifier().notify("v1.4.1", URL, List.of(40), Optional.empty()).commented());
        assertEquals(2, standIn.comments(40).size());
    }

    @Test
    void webhookGetsOneSlackStyleMessage() {
        ReleaseNotifier.Result result = notifier().notify("v1.4.0", URL, List.of(), Optional.of(standIn.webhookUrl()));

        assertTrue(result.webhookSent());
        assertEquals(List.of("{\"text\":\"example-org/app v1.4.0 released: " + URL + "\"}"), standIn.webhookMessages());
    }

    @Test
    void failuresAreWarningsNeverErrors() {
        standIn.inject(Fault.on("POST", "/issues/40/comments$").status(403, "Resource not accessible by integration"));

        ReleaseNotifier.Result result = notifier().notify("v1.4.0", URL, List.of(40, 12, 99),
                Optional.of(URI.create("http://127.0.0.1:1/hook")));

        assertEquals(List.of(12), result.commented());
        assertEquals(List.of(40, 99), result.failed());
        assertFalse(result.webhookSent());
        assertEquals(1, log.lines.stream().filter(l -> l.startsWith("WARN GitHub:")).count(), log::all);
        assertTrue(log.all().contains("WARN GitHub: 2 item(s) not commented on with v1.4.0: #40, #99 (last cause: "),
                log.all());
        assertTrue(log.all().contains("WARN release webhook failed"), log.all());
    }
}
