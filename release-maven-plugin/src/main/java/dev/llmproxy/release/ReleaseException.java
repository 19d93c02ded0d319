package dev.llmproxy.release;

/**
 * A refusal or failure of the release engine, carrying one line for the user that names the
 * problem and the fix (for example {@code "working tree has uncommitted changes in pom.xml:
 * commit or stash them, then rerun"}).
 *
 * <p>The message never contains a secret. Mojos turn it into a {@code MojoFailureException};
 * the CLI prints it on stderr.
 */
public class ReleaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line, no trailing period needed; names the input and the fix
     */
    public ReleaseException(String message) {
        super(message);
    }

    /**
     * @param message one line that names the input and the fix
     * @param cause the underlying failure, kept for {@code --verbose}/{@code -e} output only
     */
    public ReleaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
