package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmproxy.release.ReleaseException;
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

    @Test
    void aLogThatCollapsesItselfGetsEachKindedWarningAtOnceAndNoSummary() {
        List<String> seen = new ArrayList<>();
        Warnings collapsing = new Warnings(new ReleaseLog() {
            @Override
            public void info(String line) {
                seen.add("INFO " + line);
            }

            @Override
            public void warn(String line) {
                seen.add("WARN " + line);
            }

            @Override
            public void warn(String kind, String line) {
                seen.add("WARN[" + kind + "] " + line);
            }

            @Override
            public boolean collapsesRepeatedWarnings() {
                return true;
            }

            @Override
            public void progress(String step, long done) {
                seen.add("PROGRESS " + step + " " + done);
            }
        });

        collapsing.warn("gitmoji", "a");
        collapsing.warn("gitmoji", "b");
        collapsing.progress("Reading the history", 500);
        collapsing.logCollapsed();

        assertEquals(List.of("WARN[gitmoji] a", "WARN[gitmoji] b", "PROGRESS Reading the history 500"), seen);
        assertEquals(List.of(new ReleasePlan.WarningCount("gitmoji", 2)), collapsing.counts());
        assertEquals(List.of("gitmoji: a", "gitmoji: b"), collapsing.all());
    }

    @Test
    void anOldFileThatCannotBeDeletedIsRefusedNamingIt() throws IOException {
        Files.createDirectories(root.resolve(Warnings.FILE).resolve("blocked"));

        ReleaseException e = assertThrows(ReleaseException.class, () -> warnings.writeFile(root));

        assertEquals("cannot delete the old target/release/warnings.txt: " + root.resolve(Warnings.FILE)
                + " (delete it by hand, then rerun)", e.getMessage());
    }
}
