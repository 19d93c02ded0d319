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
 * (a half-uploaded asset in state {@code starter} is left, then 502), a raw answer (any status, content type and
 * body, e.g. a proxy's HTML page) and an altered answer (the request takes effect, then a top-level field of the JSON
 * object answered is removed or replaced, e.g. a release without {@code id}). A fault with only a delay delays the
 * request and then serves it normally.
 *
 * <p>Example: {@code Fault.on("POST", "/releases$").status(502, "Server Error").times(2)}.
 */
public final class Fault {
    enum Kind { DELAY_ONLY, STATUS, RESET, LANDED_THEN_502, STARTER_THEN_502, RAW, ALTERED_ANSWER }

    private final String method;
    private final Pattern path;
    private Kind kind = Kind.DELAY_ONLY;
    private int status;
    private String message = "";
    private Integer retryAfterSeconds;
    private Duration delay = Duration.ZERO;
    private int remaining = 1;
    private int fired;
    private String contentType;
    private String rawBody;
    private String field;
    private String fieldJson;

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
     * Answers {@code body} as is, without carrying out the request (e.g. an HTML error page of a proxy).
     *
     * @param status HTTP status, e.g. 200
     * @param contentType the {@code Content-Type}, e.g. {@code text/html; charset=utf-8}
     * @param body the answer's text
     * @return this
     */
    public Fault raw(int status, String contentType, String body) {
        this.kind = Kind.RAW;
        this.status = status;
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.rawBody = Objects.requireNonNull(body, "body");
        return this;
    }

    /**
     * Carries out the request, then answers without the top-level {@code field} of the JSON object (for a JSON
     * array answer: of each of its objects).
     *
     * @param field e.g. {@code id}
     * @return this
     */
    public Fault withoutField(String field) {
        return replacing(field, null);
    }

    /**
     * Carries out the request, then answers with the top-level {@code field} set to {@code json} (for a JSON array
     * answer: in each of its objects); {@code null} removes the field.
     *
     * @param field e.g. {@code id}
     * @param json the replacement as JSON text, e.g. {@code "\"101\""} (a string where GitHub sends a number)
     * @return this
     */
    public Fault replacing(String field, String json) {
        this.kind = Kind.ALTERED_ANSWER;
        this.field = Objects.requireNonNull(field, "field");
        this.fieldJson = json;
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

    /** @return how many requests this fault has applied to so far (tests assert that it fired) */
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

    String contentType() {
        return contentType;
    }

    String rawBody() {
        return rawBody;
    }

    String field() {
        return field;
    }

    String fieldJson() {
        return fieldJson;
    }

    Duration delayDuration() {
        return delay;
    }
}
