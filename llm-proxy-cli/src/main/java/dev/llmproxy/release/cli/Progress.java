package dev.llmproxy.release.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A progress line for a step that may take longer than a second, on a terminal only: from the
 * first second on, stderr shows {@code <what> ... 2.4 s} (e.g. {@code Reading the history: 2,000
 * commits so far ... 2.4 s}) rewritten in place every quarter second,
 * and the line is cleared when the step ends. Off a terminal it prints nothing.
 */
final class Progress implements AutoCloseable {
    private static final long DELAY_MILLIS = 1000;
    private static final long PERIOD_MILLIS = 250;

    private final ScheduledExecutorService ticker;
    private final PrintWriter err;
    private final long startNanos = System.nanoTime();
    private volatile boolean shown;

    private Progress(ScheduledExecutorService ticker, PrintWriter err) {
        this.ticker = ticker;
        this.err = err;
    }

    /**
     * @param terminal where to show it (nothing unless {@link Terminal#interactive()})
     * @param style colours
     * @param what the step and how far it got, e.g. {@code Reading the history: 2,000 commits so far};
     *     asked at each tick
     * @return the running progress line; close it when the step ends
     */
    static Progress start(Terminal terminal, Style style, java.util.function.Supplier<String> what) {
        if (!terminal.interactive()) {
            return new Progress(null, terminal.err());
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "llm-proxy-progress");
            thread.setDaemon(true);
            return thread;
        });
        Progress progress = new Progress(ticker, terminal.err());
        ticker.scheduleAtFixedRate(() -> progress.tick(style, what), DELAY_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return progress;
    }

    private void tick(Style style, java.util.function.Supplier<String> what) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        synchronized (err) {
            err.print("\r" + style.dim(what.get() + " ... " + String.format(java.util.Locale.ROOT, "%.1f s", seconds)) + "\u001b[K");
            err.flush();
        }
        shown = true;
    }

    @Override
    public void close() {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shown) {
            synchronized (err) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
    }
}
