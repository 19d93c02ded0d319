package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmproxy.release.git.TestRepos;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one line a run that releases nothing ends with. */
class NothingToReleaseTest {
    @TempDir
    Path dir;

    @Test
    void theReasonIsSaidOnceWithoutRepeatingNothingToRelease() {
        TestRepos repo = DryRun.appRepo(dir);
        repo.ta("v1.0.0");
        repo.c("-m", "chore: tidy");
        DryRun dryRun = new DryRun();

        ReleasePlan plan = dryRun.run(new TestSettings(repo.dir()));

        assertEquals("nothing to release since v1.0.0 (1 commit, none releasable)", plan.reason());
        assertEquals(1, dryRun.lines.stream().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("nothing to release")).count(),
                dryRun.lines::toString);
        assertEquals(true, dryRun.lines.contains("Nothing to release since v1.0.0 (1 commit, none releasable)"),
                dryRun.lines::toString);
    }
}
