package dev.llmproxy.release.cli;

/**
 * A one-line message for stderr and the exit code that goes with it: {@link #FAILED} when
 * Maven or the release failed, {@link #USAGE} for a usage or environment problem (no Maven, no
 * pom, nobody to answer the question).
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit code: the release (Maven goal) failed. */
    static final int FAILED = 1;
    /** Exit code: usage or environment problem. */
    static final int USAGE = 2;
    /**
     * Exit code: the person answered no at the prompt. Picocli's conventions know 0 (done), 1
     * (failed) and 2 (usage); a cancelled release did not do what was asked, so it is 1 too.
     */
    static final int CANCELLED = 1;

    private final int exitCode;

    /**
     * @param exitCode {@link #FAILED} or {@link #USAGE}
     * @param message one line naming the problem and what to do
     */
    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
