package dev.llmproxy.release.github;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure worth retrying (5xx, reset, timeout, rate limit); never leaves the package.
 * {@code secondaryLimit} marks GitHub's secondary rate limit answered without {@code retry-after}, which GitHub asks
 * clients to wait out for at least a minute, then exponentially longer.
 */
final class TransientFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Optional<Duration> retryAfter;
    private final boolean secondaryLimit;

    TransientFailure(String message, Optional<Duration> retryAfter) {
        this(message, retryAfter, false);
    }

    TransientFailure(String message, Optional<Duration> retryAfter, boolean secondaryLimit) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
        this.secondaryLimit = secondaryLimit;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    boolean secondaryLimit() {
        return secondaryLimit;
    }

    /** @return whether GitHub refused for a rate limit (so the request did not take effect) */
    boolean rateLimited() {
        return secondaryLimit || retryAfter.isPresent();
    }
}
