package dev.llmproxy.release.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.standin.Fault;
import dev.llmproxy.release.standin.GitHubStandIn;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 8. GitHub's REST documentation on secondary rate limits: honour {@code retry-after}; without it, wait
 * at least one minute, then exponentially longer. The stand-in answers as GitHub does (403 or 429, the message, no
 * header); {@link FakeTime} records the waits, nothing sleeps.
 */
class SecondaryRateLimitTest {
    private static final String TOKEN = "ghp_secondary";
    private static final String SHA = "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0";
    private static final String MESSAGE = "You have exceeded a secondary rate limit. Please wait a few minutes before "
            + "you try again.";

    private final GitHubStandIn standIn = GitHubStandIn.start("example-org/app", TOKEN);
    private final FakeTime time = new FakeTime();
    private final RecordingLog log = new RecordingLog();

    @AfterEach
    void stop() {
        standIn.close();
    }

    private ReleaseOutcome release(Duration totalLimit) {
        return new GitHubReleaser(new GitHubConfig(standIn.apiUrl(), "example-org", "app", Optional.of(TOKEN)),
                time.policy(4, totalLimit), log).sync(new ReleaseRequest("v1.0.0", null, "", SHA, false, false,
                        "true", List.of(), false), false);
    }

    @Test
    void withoutRetryAfterTheWaitIsAMinuteThenDoublesAndIsLogged() {
        standIn.inject(Fault.on("POST", "/releases$").status(403, MESSAGE).times(2));

        release(Duration.ofMinutes(10));

        assertEquals(List.of(Duration.ofSeconds(60), Duration.ofSeconds(120)), time.sleeps);
        assertEquals(List.of(
                "WARN GitHub: create release v1.0.0 hit GitHub's secondary rate limit (403 " + MESSAGE
                        + "); waiting 60 s before try 2 of 4",
                "WARN GitHub: create release v1.0.0 hit GitHub's secondary rate limit (403 " + MESSAGE
                        + "); waiting 120 s before try 3 of 4"),
                log.lines.stream().filter(l -> l.startsWith("WARN")).toList());
        assertEquals(1, standIn.releases().size());
    }

    @Test
    void a429WithoutMessageIsASecondaryLimitToo() {
        standIn.inject(Fault.on("GET", "/releases$").status(429, ""));

        release(Duration.ofMinutes(10));

        assertEquals(List.of(Duration.ofSeconds(60)), time.sleeps);
    }

    @Test
    void theWaitStaysWithinTheTotalRetryBudget() {
        standIn.inject(Fault.on("POST", "/releases$").status(403, MESSAGE).times(9));

        ReleaseException error = assertThrows(ReleaseException.class, () -> release(Duration.ofMinutes(5)));

        assertEquals(List.of(Duration.ofSeconds(60), Duration.ofSeconds(120)), time.sleeps);
        assertEquals("GitHub: create release v1.0.0 failed 3 time(s), last: 403 " + MESSAGE + ": rerun the release "
                + "later, it resumes where it stopped", error.getMessage());
        assertEquals(0, standIn.releases().size());
    }
}
