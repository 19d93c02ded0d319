package dev.llmproxy.release.github;

import dev.llmproxy.release.ReleaseLog;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Paces content-creating requests (comments) to GitHub's documented secondary limits: at most
 * {@value #PER_MINUTE} a minute and {@value #PER_HOUR} an hour ("Rate limits for the REST API", secondary rate
 * limits). Waits use the {@link RetryPolicy}'s sleeper and clock, so tests never sleep; each wait is logged.
 */
final class ContentPacer {
    static final int PER_MINUTE = 80;
    static final int PER_HOUR = 500;
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    private final RetryPolicy retry;
    private final ReleaseLog log;
    private final Deque<Long> sent = new ArrayDeque<>();

    ContentPacer(RetryPolicy retry, ReleaseLog log) {
        this.retry = retry;
        this.log = log;
    }

    /** @return how long to wait before the next content-creating request may go out (zero when it may go now) */
    Duration nextWait() {
        long now = retry.nanoClock().getAsLong();
        while (!sent.isEmpty() && now - sent.peekFirst() >= HOUR.toNanos()) {
            sent.removeFirst();
        }
        long wait = 0;
        if (sent.size() >= PER_HOUR) {
            wait = sent.peekFirst() + HOUR.toNanos() - now;
        }
        if (sent.size() >= PER_MINUTE) {
            long oldestInMinute = sent.stream().skip(sent.size() - PER_MINUTE).findFirst().orElseThrow();
            wait = Math.max(wait, oldestInMinute + MINUTE.toNanos() - now);
        }
        return Duration.ofNanos(Math.max(0, wait));
    }

    /**
     * Waits {@code wait} (from {@link #nextWait()}), logging why.
     *
     * @throws InterruptedException when interrupted
     */
    void await(Duration wait, String what) throws InterruptedException {
        if (!wait.isZero()) {
            log.info("GitHub: pacing " + what + " to GitHub's limit of " + PER_MINUTE + " a minute and " + PER_HOUR
                    + " an hour: waiting " + wait.toSeconds() + " s");
            log.waiting("GitHub: pacing " + what, wait);
            retry.sleeper().sleep(wait);
        }
    }

    /** Records one content-creating request sent now. */
    void sent() {
        sent.addLast(retry.nanoClock().getAsLong());
    }
}
