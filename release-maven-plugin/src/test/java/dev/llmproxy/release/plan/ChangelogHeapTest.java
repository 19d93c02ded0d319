package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmproxy.release.ChildJvm;
import dev.llmproxy.release.git.TestRepos;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine never holds the message bodies of the range: {@code release:changelog} over 6,000
 * commits with 16,000-byte bodies (96 MB of messages) completes in a JVM limited to 64 MiB. (It
 * failed with OutOfMemoryError while {@code GitRepo.isAncestor} kept every body it walked past.)
 */
class ChangelogHeapTest {
    @TempDir
    Path dir;

    @Test
    void changelogOfLongBodiesFitsInASmallHeap() throws Exception {
        TestRepos.requireGit();
        Path repo = dir.resolve("repo");
        ChangelogBench.generate(repo, 6_000, 16_000);
        ChildJvm.Result run = ChildJvm.run(dir.resolve("changelog-main.log"), Duration.ofMinutes(5), "64m",
                ChangelogMain.class, repo.toString());
        String output = run.output();

        assertEquals(0, run.exitCode(), output);
        assertEquals("2.0.0", output.lines().reduce((a, b) -> b).orElse(""), output);
    }
}
