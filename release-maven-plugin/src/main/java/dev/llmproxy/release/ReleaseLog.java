package dev.llmproxy.release;

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

    /** A log that drops everything (tests that do not look at the log). */
    ReleaseLog SILENT = new ReleaseLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };
}
