package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.llmproxy.release.ReleaseLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collapsing log: one line per kind, plain warnings at once, counts and the file. */
class WarningsTest {
    @TempDir
    Path root;

    private final List<String> printed = new ArrayList<>();
    private final Warnings warnings = new Warnings(new ReleaseLog() {
        @Override
        public void info(String line) {
            printed.add("INFO " + line);
        }

        @Override
        public void warn(String line) {
            printed.add("WARN " + line);
        }

        @Override
        public void progress(String step, long doneBytes, long totalBytes, double bytesPerSecond) {
            printed.add("PROGRESS " + step + " " + doneBytes + "/" + totalBytes + "@" + bytesPerSecond);
        }

        @Override
        public void waiting(String step, Duration wait) {
            printed.add("WAITING " + step + " " + wait);
        }
    });

    @Test
    void uploadProgressAndWaitsGoStraightThrough() {
        warnings.progress("Uploading app.jar", 10, 40, 2.5);
        warnings.waiting("GitHub: pacing comments", Duration.ofSeconds(3));

        assertEquals(List.of("PROGRESS Uploading app.jar 10/40@2.5", "WAITING GitHub: pacing comments PT3S"), printed);
    }

    @Test
    void kindsCollapseWhenLoggedAndOnlyFreshWarningsArePrintedAgain() throws IOException {
        warnings.warn("gitmoji", "a");
        warnings.warn("gitmoji", "b");
        warnings.info("progress");
        warnings.warn("plain");
        warnings.warn("invalid-header", "c");
        assertEquals(List.of("INFO progress", "WARN plain"), printed, "kinds wait, the rest goes at once");

        warnings.logCollapsed();
        warnings.warn("gitmoji", "d");
        warnings.logCollapsed();
        warnings.logCollapsed();

        assertEquals(List.of("INFO progress", "WARN plain",
                "WARN 2 warnings gitmoji, e.g. a (all in target/release/warnings.txt)",
                "WARN c",
                "WARN d"), printed);
        assertEquals(List.of(new ReleasePlan.WarningCount("gitmoji", 3), new ReleasePlan.WarningCount("general", 1),
                new ReleasePlan.WarningCount("invalid-header", 1)), warnings.counts());
        warnings.writeFile(root);
        assertEquals("gitmoji: a\ngitmoji: b\ngitmoji: d\ngeneral: plain\ninvalid-header: c\n",
                Files.readString(root.resolve(Warnings.FILE), StandardCharsets.UTF_8));
    }

    @Test
    void noWarningDeletesTheFileOfAnEarlierRun() throws IOException {
        Files.createDirectories(root.resolve("target/release"));
        Files.writeString(root.resolve(Warnings.FILE), "old\n");
        warnings.writeFile(root);
        assertFalse(Files.exists(root.resolve(Warnings.FILE)));
        assertEquals(List.of(), warnings.counts());
    }
}
