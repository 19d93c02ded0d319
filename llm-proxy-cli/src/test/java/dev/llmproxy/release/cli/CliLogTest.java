package dev.llmproxy.release.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CliLogTest {
    private final StringWriter err = new StringWriter();

    private CliLog log(boolean verbose) {
        return new CliLog(new PrintWriter(err, true), new Style(false), verbose);
    }

    @Test
    void warningsCollapseByKindWithACountAndNameTheFlags() {
        CliLog log = log(false);
        log.warn("commit 1a2b3c4 'feat:x' is not a valid Conventional Commits header and is not counted");
        log.warn("ignoring tags that are not release tags (vX.Y.Z): foo");
        log.warn("commit 5d6e7f8 'fix:y' is not a valid Conventional Commits header and is not counted");
        log.warn("the pom version 2.0.0-SNAPSHOT is ahead of the decided version 1.5.0; to release 2.0.0 pass -Drelease.version=2.0.0");
        log.info("Last release: v1.4.0");
        log.flush();

        assertEquals("""
                warning: commit 1a2b3c4 'feat:x' is not a valid Conventional Commits header and is not counted (and 1 more like it; --verbose shows all)
                warning: ignoring tags that are not release tags (vX.Y.Z): foo
                warning: the pom version 2.0.0-SNAPSHOT is ahead of the decided version 1.5.0; to release 2.0.0 pass --version 2.0.0
                """, err.toString());
    }

    @Test
    void verboseShowsEveryWarningAndTheInfoLines() {
        CliLog log = log(true);
        log.warn("commit 1a2b3c4 'feat:x' is not valid");
        log.warn("commit 5d6e7f8 'fix:y' is not valid");
        log.info("Last release: v1.4.0");
        log.flush();

        assertEquals("""
                Last release: v1.4.0
                warning: commit 1a2b3c4 'feat:x' is not valid
                warning: commit 5d6e7f8 'fix:y' is not valid
                """, err.toString());
    }

    @Test
    void retryWaitsShowAtOnceWithTheTimeLeftAndBlockersAreLeftToThePreview() {
        CliLog log = log(false);
        log.warn("GitHub: create release failed (HTTP 429), try 2 of 5 in 2500 ms");
        log.warn("GitHub: no token (set GITHUB_TOKEN or GH_TOKEN); the real run would refuse");

        assertEquals("GitHub: create release failed (HTTP 429), try 2 of 5 in 2500 ms  (waiting 3 s)\n", err.toString());
        log.flush();
        assertEquals("GitHub: create release failed (HTTP 429), try 2 of 5 in 2500 ms  (waiting 3 s)\n", err.toString());
    }

    @Test
    void progressOfTheEngineReadsAsCommitsSoFar() {
        CliLog log = log(false);

        assertEquals(null, log.progress());
        log.progress("Reading the history", 12_500);

        assertEquals("Reading the history: 12,500 commits so far", log.progress());
        assertEquals("", err.toString());
    }

    @Test
    void anUploadReadsAsBytesAndRate() {
        CliLog log = log(false);

        log.progress("Uploading app.jar", 12_897_485, 41_943_040, 8_493_466.0);

        assertEquals("Uploading app.jar: 12.3 / 40.0 MiB, 8.1 MiB/s", log.progress());
        assertEquals("", err.toString());
    }

    @Test
    void aWaitCountsItsTimeLeftDownThenTheLastProgressComesBack() {
        long[] now = {0};
        CliLog log = new CliLog(new PrintWriter(err, true), new Style(false), false, () -> now[0]);
        log.progress("Uploading app.jar", 100, 300, 512.0);

        log.waiting("GitHub: create release v1.4.0 waits for the secondary rate limit", Duration.ofSeconds(60));
        String atStart = log.progress();
        now[0] = Duration.ofMillis(17_500).toNanos();
        String later = log.progress();
        now[0] = Duration.ofSeconds(60).toNanos();
        String after = log.progress();

        assertEquals("GitHub: create release v1.4.0 waits for the secondary rate limit: 60 s left", atStart);
        assertEquals("GitHub: create release v1.4.0 waits for the secondary rate limit: 43 s left", later);
        assertEquals("Uploading app.jar: 100 / 300 B, 512 B/s", after);
    }

    @Test
    void aSecondaryRateLimitWarningShowsAtOnce() {
        CliLog log = log(false);

        log.warn("GitHub: create release v1.4.0 hit GitHub's secondary rate limit (HTTP 403); waiting 60 s before try 2 of 6");

        assertEquals("GitHub: create release v1.4.0 hit GitHub's secondary rate limit (HTTP 403); waiting 60 s before try 2 of 6\n",
                err.toString());
    }
}
