package dev.llmproxy.release.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmproxy.release.ReleaseLog;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UploadProgressTest {
    private static final long MIB = 1024 * 1024;

    /** Progress calls as {@code done/total@rate}, and info lines. */
    static class ProgressLog implements ReleaseLog {
        final List<String> progress = new ArrayList<>();
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(String line) {
            lines.add(line);
        }

        @Override
        public void warn(String line) {
            lines.add("WARN " + line);
        }

        @Override
        public void progress(String step, long doneBytes, long totalBytes, double bytesPerSecond) {
            progress.add(step + " " + doneBytes + "/" + totalBytes + "@" + bytesPerSecond);
        }
    }

    private final ProgressLog log = new ProgressLog();
    private long nowMillis;

    /** The clock does not start at zero, so that a sum in place of a difference shows. */
    private static final long START_MILLIS = 1_000_000;

    private void at(long millis, UploadProgress progress, long bytes) {
        nowMillis = START_MILLIS + millis;
        progress.sent(bytes);
    }

    @Test
    void displaysAtMostFourTimesASecondAndLogsPerTenthOrFiveSecondsAfterTheFirstSecond() {
        nowMillis = START_MILLIS;
        UploadProgress progress = new UploadProgress("Uploading app.jar", 40 * MIB, log, () -> nowMillis * 1_000_000);

        at(0, progress, MIB);
        at(100, progress, MIB);
        at(250, progress, MIB);
        at(999, progress, 0);
        at(1000, progress, 5 * MIB);
        at(1100, progress, MIB);
        at(2000, progress, 3 * MIB);
        at(7000, progress, MIB / 2);
        at(7100, progress, 27 * MIB + MIB / 2);

        assertEquals(List.of(
                "Uploading app.jar 1048576/41943040@0.0",
                "Uploading app.jar 3145728/41943040@1.2582912E7",
                "Uploading app.jar 3145728/41943040@3148876.8768768767",
                "Uploading app.jar 12582912/41943040@6291456.0",
                "Uploading app.jar 13107200/41943040@1872457.142857143",
                "Uploading app.jar 41943040/41943040@5907470.422535211"), log.progress);
        assertEquals(List.of(
                "Uploading app.jar: 8.0 / 40.0 MiB, 8.0 MiB/s",
                "Uploading app.jar: 12.0 / 40.0 MiB, 6.0 MiB/s",
                "Uploading app.jar: 12.5 / 40.0 MiB, 1.8 MiB/s",
                "Uploading app.jar: 40.0 / 40.0 MiB, 5.6 MiB/s"), log.lines);
    }

    @Test
    void anUploadOfUnderASecondLogsNoLineAndDisplaysItsEnd() {
        nowMillis = START_MILLIS;
        UploadProgress progress = new UploadProgress("Uploading SHA256SUMS", 300, log, () -> nowMillis * 1_000_000);

        at(0, progress, 200);
        at(50, progress, 100);

        assertEquals(List.of("Uploading SHA256SUMS 200/300@0.0", "Uploading SHA256SUMS 300/300@6000.0"), log.progress);
        assertEquals(List.of(), log.lines);
    }

    @Test
    void theUploadBeginsWithItsFirstBufferSoASlowConnectionAloneLogsNothing() {
        nowMillis = START_MILLIS;
        UploadProgress progress = new UploadProgress("Uploading app.txt", 10, log, () -> nowMillis * 1_000_000);

        at(5000, progress, 10);

        assertEquals(List.of("Uploading app.txt 10/10@0.0"), log.progress);
        assertEquals(List.of(), log.lines);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12897485   | 41943040   | 8493466.0  | Uploading app.jar: 12.3 / 40.0 MiB, 8.1 MiB/s",
        "100        | 300        | 512.4      | Uploading app.jar: 100 / 300 B, 512 B/s",
        "1536       | 2048       | 2048.0     | Uploading app.jar: 1.5 / 2.0 KiB, 2.0 KiB/s",
        "1073741824 | 2147483648 | 1023.0     | Uploading app.jar: 1.0 / 2.0 GiB, 1023 B/s",
        "0          | 0          | 0.0        | Uploading app.jar: 0 / 0 B",
        "1048576    | 41943040   | 0.0        | Uploading app.jar: 1.0 / 40.0 MiB",
        "1024       | 1024       | 1023.9     | Uploading app.jar: 1.0 / 1.0 KiB, 1024 B/s",
        "2199023255552 | 2199023255552 | 1024.0 | Uploading app.jar: 2048.0 / 2048.0 GiB, 1.0 KiB/s",
    })
    void describesAmountsAndRateInBinaryUnits(long done, long total, double rate, String expected) {
        assertEquals(expected, UploadProgress.describe("Uploading app.jar", done, total, rate));
    }

    @Test
    void theCountingBodyPassesEveryBufferOnAndCountsIt() {
        UploadProgress progress = new UploadProgress("Uploading notes.txt", 11, log, () -> 0);
        HttpRequest.BodyPublisher body = new CountingBodyPublisher(HttpRequest.BodyPublishers.ofString("hello world"), progress);
        StringBuilder received = new StringBuilder();

        body.subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                received.append(StandardCharsets.UTF_8.decode(item));
            }

            @Override
            public void onError(Throwable throwable) {
                received.append("error ").append(throwable);
            }

            @Override
            public void onComplete() {
                received.append("|done");
            }
        });

        assertEquals(11, body.contentLength());
        assertEquals("hello world|done", received.toString());
        assertEquals(List.of("Uploading notes.txt 11/11@0.0"), log.progress);
    }
}
