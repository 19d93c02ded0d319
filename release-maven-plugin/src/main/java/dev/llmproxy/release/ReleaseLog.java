package dev.llmproxy.release;

import java.time.Duration;

/**
 * Where the engine reports progress and warnings: Maven's log in the mojos, a list in tests.
 * Messages are single lines and never contain a secret.
 */
public interface ReleaseLog {
    /** @param line progress or a plan line */
    void info(String line);

    /** @param line something the user should fix or know, the release goes on */
    void warn(String line);

    /**
     * A warning of a kind that can repeat many times (one per commit, say). Logs that collapse
     * warnings ({@code plan/Warnings}) print one line per kind with a count; this default prints
     * the line as {@link #warn(String)} does.
     *
     * @param kind a short stable id, e.g. {@code "invalid-header"}
     * @param line the warning, one line
     */
    default void warn(String kind, String line) {
        warn(line);
    }

    /**
     * @return true when this log collapses repeated warnings itself (the CLI's, which shows all of them with
     *     {@code --verbose}); the engine then hands it every warning instead of one line per kind
     */
    default boolean collapsesRepeatedWarnings() {
        return false;
    }

    /**
     * How far a long step has got, for a progress display; called often, so it must be cheap. The
     * default drops it (Maven's log has no place for it).
     *
     * @param step what is going on, e.g. {@code "Reading the history"}
     * @param done how many items so far (commits read)
     */
    default void progress(String step, long done) {}

    /**
     * How far an upload has got, for a progress display ({@code github/UploadProgress} calls it at most four times a
     * second, and once when the last byte is sent; it logs plain lines through {@link #info(String)} itself). The
     * default drops it.
     *
     * @param step what is going on, e.g. {@code "Uploading app.jar"}
     * @param doneBytes bytes sent so far
     * @param totalBytes bytes in all (the file's size)
     * @param bytesPerSecond the average rate since the upload began, in bytes per second
     */
    default void progress(String step, long doneBytes, long totalBytes, double bytesPerSecond) {}

    /**
     * A wait before a retry (a rate limit, a back-off), for a progress display that counts the time left down; the
     * wait itself is also logged as a warning or info line. The default drops it.
     *
     * @param step why, e.g. {@code "GitHub: upload app.jar waits for the secondary rate limit"}
     * @param wait how long the wait is, starting now
     */
    default void waiting(String step, Duration wait) {}

    /** A log that drops everything (tests that do not look at the log). */
    ReleaseLog SILENT = new ReleaseLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };
}
