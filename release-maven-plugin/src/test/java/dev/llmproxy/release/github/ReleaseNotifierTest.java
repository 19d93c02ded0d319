package dev.llmproxy.release.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.standin.Fault;
import dev.llmproxy.release.standin.GitHubStandIn;
import dev.llmproxy.release.standin.PullRequestSeed;
import java.net.URI;
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

    private ReleaseNotifier notifier() {
        return new ReleaseNotifier(new GitHubConfig(standIn.apiUrl(), "example-org", "app", Optional.of("t")),
                new FakeTime().policy(), log);
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
        assertTrue(log.all().contains("WARN GitHub: could not comment on #40"), log.all());
        assertTrue(log.all().contains("WARN release webhook failed"), log.all());
    }
}
