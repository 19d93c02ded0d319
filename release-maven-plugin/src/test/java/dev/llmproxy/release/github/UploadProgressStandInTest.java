package dev.llmproxy.release.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.standin.Fault;
import dev.llmproxy.release.standin.GitHubStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a release reports while it uploads to the GitHub stand-in and while it waits on a rate limit. */
class UploadProgressStandInTest {
    private static final String TOKEN = "ghp_test-token-value";
    private static final String SHA = "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0";

    @TempDir
    Path dir;

    private final GitHubStandIn standIn = GitHubStandIn.start("example-org/app", TOKEN);
    private final FakeTime time = new FakeTime();
    private final List<String> waits = new ArrayList<>();
    private final UploadProgressTest.ProgressLog log = new UploadProgressTest.ProgressLog() {
        @Override
        public void waiting(String step, Duration wait) {
            waits.add(step + " " + wait);
        }
    };

    @AfterEach
    void stop() {
        standIn.close();
    }

    private ReleaseOutcome release(List<Path> assets) {
        return new GitHubReleaser(new GitHubConfig(standIn.apiUrl(), "example-org", "app", Optional.of(TOKEN)), time.policy(), log)
                .sync(new ReleaseRequest("v1.4.0", null, "notes", SHA, false, false, "true", assets, true), false);
    }

    @Test
    void eachUploadReportsItsBytesUpToTheFileSize() throws IOException {
        Path jar = Files.write(dir.resolve("app.jar"), new byte[300_000]);

        release(List.of(jar));

        String sums = Checksums.sha256(jar) + "  app.jar\n";
        Map<String, Long> lastDone = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        long previous = -1;
        String previousStep = "";
        for (String call : log.progress) {
            String step = call.substring(0, call.lastIndexOf(' '));
            long done = Long.parseLong(call.substring(call.lastIndexOf(' ') + 1, call.indexOf('/')));
            assertTrue(!step.equals(previousStep) || done > previous, "bytes only grow: " + log.progress);
            previous = done;
            previousStep = step;
            lastDone.put(step, done);
            totals.put(step, Long.parseLong(call.substring(call.indexOf('/') + 1, call.indexOf('@'))));
        }
        Map<String, Long> expected = Map.of("Uploading app.jar", 300_000L, "Uploading SHA256SUMS", (long) sums.length());
        assertEquals(expected, lastDone);
        assertEquals(expected, totals);
        assertEquals(List.of(), log.lines.stream().filter(line -> line.startsWith("Uploading")).toList(),
                "under a second (the fake clock stands still): no log line");
        assertEquals(2, log.progress.stream().filter(call -> call.startsWith("Uploading app.jar ")).count(),
                "the first buffer and the end, nothing in between within 250 ms: " + log.progress);
    }

    @Test
    void aRateLimitWaitIsReportedWithItsLength() {
        standIn.inject(Fault.on("POST", "/releases$").status(403, "You have exceeded a secondary rate limit").retryAfter(7));

        release(List.of());

        assertEquals(List.of("GitHub: create release v1.4.0 waits for the secondary rate limit PT7S"), waits);
        assertEquals(List.of(Duration.ofSeconds(7)), time.sleeps);
    }
}
