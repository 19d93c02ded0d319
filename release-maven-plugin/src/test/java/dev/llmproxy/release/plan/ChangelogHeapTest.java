package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmproxy.release.git.TestRepos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                ChangelogMain.class.getName(), repo.toString())).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        process.waitFor(5, TimeUnit.MINUTES);
        assertEquals(0, process.exitValue(), output);
        assertEquals("2.0.0", output.lines().reduce((a, b) -> b).orElse(""), output);
    }
}
