package dev.llmproxy.release.github;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Bounded retries of transient GitHub failures (5xx, connection resets, timeouts, secondary rate limits): exponential
 * backoff from {@code initialBackoff} doubling up to {@code maxBackoff}, a server's {@code retry-after} honoured when
 * longer, at most {@code maxAttempts} tries and never past {@code totalLimit} since the first try.
 *
 * @param maxAttempts tries per operation, at least 1
 * @param initialBackoff wait after the first failure
 * @param maxBackoff cap of one wait
 * @param totalLimit cap of the time spent on one operation including waits
 * @param requestTimeout timeout of one JSON request (uploads get this plus 1 s per 256 KiB)
 * @param sleeper how to wait (tests pass a recording sleeper that does not wait)
 * @param nanoClock monotonic clock in nanoseconds (tests pass a fake one advanced by their sleeper)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration totalLimit,
        Duration requestTimeout, Sleeper sleeper, LongSupplier nanoClock) {

    /** How the engine waits between tries. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * @param duration how long to wait
         * @throws InterruptedException when interrupted
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Validates the values. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(totalLimit, "totalLimit");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** @return 6 tries, 1 s doubling to 60 s, 10 minutes in total, 60 s per request, real time */
    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(10),
                Duration.ofSeconds(60), duration -> Thread.sleep(duration.toMillis()), System::nanoTime);
    }

    /**
     * @param failures failures so far, from 1
     * @return the backoff before the next try, without server hints
     */
    Duration backoff(int failures) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
