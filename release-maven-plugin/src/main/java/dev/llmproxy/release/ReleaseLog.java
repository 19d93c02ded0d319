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

    /** A log that drops everything (tests that do not look at the log). */
    ReleaseLog SILENT = new ReleaseLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };
}
