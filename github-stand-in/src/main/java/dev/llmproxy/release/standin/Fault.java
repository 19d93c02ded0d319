package dev.llmproxy.release.standin;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One injected fault for the next {@link #times(int) N} requests that match a method and a path pattern.
 *
 * <p>Kinds, combinable with a delay: an error status with GitHub's error body (optionally with a
 * {@code retry-after} header, as GitHub's secondary rate limit sends), a connection reset (no response at all),
 * "landed then 502" (the request takes effect, then 502 Bad Gateway is answered) and for uploads "starter then 502"
 * (a half-uploaded asset in state {@code starter} is left, then 502). A fault with only a delay delays the request
 * and then serves it normally.
 *
 * <p>Example: {@code Fault.on("POST", "/releases$").status(502, "Server Error").times(2)}.
 */
public final class Fault {
    enum Kind { DELAY_ONLY, STATUS, RESET, LANDED_THEN_502, STARTER_THEN_502 }

    private final String method;
    private final Pattern path;
    private Kind kind = Kind.DELAY_ONLY;
    private int status;
    private String message = "";
    private Integer retryAfterSeconds;
    private Duration delay = Duration.ZERO;
    private int remaining = 1;
    private int fired;

    private Fault(String method, String pathRegex) {
        this.method = Objects.requireNonNull(method, "method");
        this.path = Pattern.compile(Objects.requireNonNull(pathRegex, "pathRegex"));
    }

    /**
     * @param method HTTP method in upper case, or {@code "*"} for any
     * @param pathRegex regular expression searched (not fully matched) in the request path, e.g. {@code "/assets$"}
     * @return a fault that so far only matches (one time, no effect); configure it with the other methods
     */
    public static Fault on(String method, String pathRegex) {
        return new Fault(method, pathRegex);
    }

    /**
     * Answers with {@code status} and GitHub's error body {@code {"message": message, "documentation_url": ...}}.
     *
     * @param status HTTP status code, e.g. 500, 502, 403, 429
     * @param message GitHub's message text, e.g. {@code "Resource not accessible by integration"}
     * @return this
     */
    public Fault status(int status, String message) {
        this.kind = Kind.STATUS;
        this.status = status;
        this.message = message;
        return this;
    }

    /**
     * Adds a {@code retry-after} header to a {@link #status(int, String) status} fault.
     *
     * @param seconds whole seconds, as GitHub sends them
     * @return this
     */
    public Fault retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /**
     * Waits before acting (or before serving normally when no other kind is set).
     *
     * @param delay wall-clock delay on the server thread
     * @return this
     */
    public Fault delay(Duration delay) {
        this.delay = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /** @return this; the connection is closed without any response */
    public Fault reset() {
        this.kind = Kind.RESET;
        return this;
    }

    /** @return this; the request is carried out (a release created, an asset stored in full), then 502 is answered */
    public Fault landedThen502() {
        this.kind = Kind.LANDED_THEN_502;
        return this;
    }

    /** @return this; for uploads: the body is read, an asset in state {@code starter} stays behind, 502 is answered */
    public Fault starterThen502() {
        this.kind = Kind.STARTER_THEN_502;
        return this;
    }

    /**
     * @param count how many matching requests this fault applies to (at least 1)
     * @return this
     */
    public Fault times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("Fault times must be at least 1, got " + count);
        }
        this.remaining = count;
        return this;
    }

    synchronized boolean take(String requestMethod, String requestPath) {
        boolean matches = remaining > 0
                && ("*".equals(method) || method.equals(requestMethod))
                && path.matcher(requestPath).find();
        if (matches) {
            remaining--;
            fired++;
        }
        return matches;
    }

    /** @return how many requests this fault has acted on so far, so a test can tell that it fired */
    public synchronized int fired() {
        return fired;
    }

    Kind kind() {
        return kind;
    }

    int statusCode() {
        return status;
    }

    String message() {
        return message;
    }

    Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    Duration delayDuration() {
        return delay;
    }
}
