package dev.llmproxy.release.github;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when the engine "sleeps", recording each wait; tests never wait for real. */
final class FakeTime {
    private long nanos;
    final List<Duration> sleeps = new ArrayList<>();

    RetryPolicy policy(int maxAttempts, Duration totalLimit) {
        return new RetryPolicy(maxAttempts, Duration.ofSeconds(1), Duration.ofSeconds(30), totalLimit,
                Duration.ofSeconds(5), wait -> {
                    sleeps.add(wait);
                    nanos += wait.toNanos();
                }, () -> nanos);
    }

    RetryPolicy policy() {
        return policy(4, Duration.ofMinutes(5));
    }
}
