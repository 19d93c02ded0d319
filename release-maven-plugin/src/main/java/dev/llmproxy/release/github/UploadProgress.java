package dev.llmproxy.release.github;

import dev.llmproxy.release.ReleaseLog;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Counts the bytes of one asset upload and reports them (issue #11, item 6 "uploads: bytes and rate"): to a progress
 * display through {@link ReleaseLog#progress(String, long, long, double)} at most every {@value #DISPLAY_MILLIS} ms (and
 * once when the last byte is sent), and to a plain log through {@link ReleaseLog#info(String)} once the upload has
 * taken a second, then each time another 10 % is sent or {@value #LOG_SECONDS} s have passed since the last line.
 * The upload begins when the first buffer is handed over (connecting is not counted), and the rate is the average
 * since then. Not thread-safe: an HTTP body is handed over one buffer at a time.
 */
public final class UploadProgress {
    static final long DISPLAY_MILLIS = 250;
    static final long LOG_SECONDS = 5;
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String step;
    private final long totalBytes;
    private final ReleaseLog log;
    private final LongSupplier nanoClock;
    private long startNanos;
    private long doneBytes;
    private long lastDisplayNanos;
    private boolean displayed;
    private long lastLineNanos;
    private long lastLineTenths = -1;

    /**
     * @param step what is uploading, e.g. {@code Uploading app.jar}
     * @param totalBytes the file's size in bytes
     * @param log where to report
     * @param nanoClock monotonic clock in nanoseconds ({@link RetryPolicy#nanoClock()})
     */
    UploadProgress(String step, long totalBytes, ReleaseLog log, LongSupplier nanoClock) {
        this.step = step;
        this.totalBytes = totalBytes;
        this.log = log;
        this.nanoClock = nanoClock;
    }

    /** @param bytes how many more bytes were handed to the connection */
    void sent(long bytes) {
        long now = nanoClock.getAsLong();
        if (!displayed) {
            // the upload begins with its first buffer, not with the connection: a one-buffer file never logs a line
            startNanos = now;
            lastLineNanos = now;
        }
        doneBytes += bytes;
        double rate = bytesPerSecond(now);
        boolean finished = doneBytes >= totalBytes;
        if (finished || !displayed || now - lastDisplayNanos >= TimeUnit.MILLISECONDS.toNanos(DISPLAY_MILLIS)) {
            log.progress(step, doneBytes, totalBytes, rate);
            lastDisplayNanos = now;
            displayed = true;
        }
        long tenths = totalBytes == 0 ? 10 : doneBytes * 10 / totalBytes;
        if (now - startNanos >= QUIET_NANOS
                && (tenths > lastLineTenths || now - lastLineNanos >= TimeUnit.SECONDS.toNanos(LOG_SECONDS))) {
            log.info(describe(step, doneBytes, totalBytes, rate));
            lastLineNanos = now;
            lastLineTenths = tenths;
        }
    }

    private double bytesPerSecond(long now) {
        long elapsed = now - startNanos;
        return elapsed <= 0 ? 0 : doneBytes * 1e9 / elapsed;
    }

    /**
     * @param step what is uploading, e.g. {@code Uploading app.jar}
     * @param doneBytes bytes sent so far
     * @param totalBytes bytes in all
     * @param bytesPerSecond the rate; 0 while unknown (the first buffer)
     * @return e.g. {@code Uploading app.jar: 12.3 / 40.0 MiB, 8.1 MiB/s} (binary units: B, KiB, MiB, GiB, chosen by
     *     the total for the amounts and by the value for the rate; one decimal, a dot as decimal separator), without
     *     the rate while it is unknown ({@code Uploading app.jar: 1.0 / 40.0 MiB})
     */
    public static String describe(String step, long doneBytes, long totalBytes, double bytesPerSecond) {
        int unit = unit(totalBytes);
        int rateUnit = unit((long) bytesPerSecond);
        String amounts = step + ": " + amount(doneBytes, unit) + " / " + amount(totalBytes, unit) + " " + UNITS[unit];
        return bytesPerSecond <= 0 ? amounts : amounts + ", " + amount(bytesPerSecond, rateUnit) + " " + UNITS[rateUnit] + "/s";
    }

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB"};

    private static int unit(long bytes) {
        int unit = 0;
        for (long scaled = bytes; scaled >= 1024 && unit < UNITS.length - 1; scaled /= 1024) {
            unit++;
        }
        return unit;
    }

    private static String amount(double bytes, int unit) {
        return unit == 0 ? Long.toString(Math.round(bytes)) : String.format(Locale.ROOT, "%.1f", bytes / (1L << (10 * unit)));
    }
}
