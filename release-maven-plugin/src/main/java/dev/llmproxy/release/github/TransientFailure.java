package dev.llmproxy.release.github;

import java.time.Duration;
import java.util.Optional;

/** A failure worth retrying (5xx, reset, timeout, secondary rate limit); never leaves the package. */
final class TransientFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Optional<Duration> retryAfter;

    TransientFailure(String message, Optional<Duration> retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
