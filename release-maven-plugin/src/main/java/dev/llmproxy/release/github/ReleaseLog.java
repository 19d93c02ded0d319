package dev.llmproxy.release.github;

/**
 * Where the GitHub engine reports progress and warnings (the mojo's log, the CLI's stderr). Messages never
 * contain a token.
 */
public interface ReleaseLog {
    /** A log that drops everything. */
    ReleaseLog SILENT = new ReleaseLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };

    /** @param message one line of progress */
    void info(String message);

    /** @param message one line: something went wrong but the release goes on */
    void warn(String message);
}
