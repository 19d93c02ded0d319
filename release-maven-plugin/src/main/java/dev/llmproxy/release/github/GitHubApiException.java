package dev.llmproxy.release.github;

import dev.llmproxy.release.ReleaseException;
import java.util.List;

/**
 * A permanent GitHub API failure (4xx other than rate limits): the one-line message names the cause and the fix,
 * e.g. "the token lacks the contents: write permission".
 */
public final class GitHubApiException extends ReleaseException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final List<String> errorCodes;

    GitHubApiException(String message, int status, List<String> errorCodes) {
        super(message);
        this.status = status;
        this.errorCodes = List.copyOf(errorCodes);
    }

    /** @return the HTTP status GitHub answered, e.g. 401, 403, 404, 422 */
    public int status() {
        return status;
    }

    /** @return the {@code errors[].code} values of a 422 answer (e.g. {@code already_exists}), else empty */
    public List<String> errorCodes() {
        return errorCodes;
    }
}
