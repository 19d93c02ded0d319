package dev.llmproxy.release.github;

import dev.llmproxy.release.ReleaseLog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.llmproxy.release.ReleaseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's only door to GitHub's REST API (version 2022-11-28): JSON calls and streamed uploads over
 * {@link HttpClient}, one host check, one retry loop, one mapping of errors to messages.
 *
 * <p>Why not org.kohsuke github-api here: it buffers upload bodies in memory, its abuse/rate-limit handlers sleep on
 * the wall clock and retry by themselves (hiding calls from the retry budget and from tests), and it cannot pin every
 * request to one host. This class keeps all of that in one place.
 */
final class GitHubApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    private static final int MAX_REDIRECTS = 3;
    /** GitHub: without {@code retry-after}, wait at least one minute after a secondary rate limit, then longer. */
    static final Duration SECONDARY_LIMIT_WAIT = Duration.ofSeconds(60);

    private final GitHubConfig config;
    private final RetryPolicy retry;
    private final ReleaseLog log;
    private final HttpClient http;

    GitHubApi(GitHubConfig config, RetryPolicy retry, ReleaseLog log) {
        this.config = config;
        this.retry = retry;
        this.log = log;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(retry.requestTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    GitHubConfig config() {
        return config;
    }

    /** @return {@code /repos/owner/name} */
    String repoPath() {
        return "/repos/" + config.owner() + "/" + config.name();
    }

    /** @return {@code GET /repos/owner/name}: the repository, with {@code permissions} for the token's user */
    JsonNode repository() {
        return call("read the repository", "GET", repoPath(), null);
    }

    /** One operation that may be retried; {@code attempt} counts from 1. */
    @FunctionalInterface
    interface Attempt<T> {
        T run(int attempt) throws TransientFailure;
    }

    /**
     * Runs {@code operation} until it succeeds, fails permanently, or the policy's tries or time are used up.
     *
     * @throws ReleaseException naming {@code what} and the last transient cause when giving up
     */
    <T> T retrying(String what, Attempt<T> operation) {
        return retrying(what, operation, failure -> true);
    }

    /**
     * Like {@link #retrying(String, Attempt)}, retrying only the failures {@code retryable} accepts (e.g. rate limits
     * only, for a POST that may have landed when the connection broke).
     *
     * @throws ReleaseException naming {@code what} and the cause at the first failure that is not retryable
     */
    <T> T retrying(String what, Attempt<T> operation, Predicate<TransientFailure> retryable) {
        long start = retry.nanoClock().getAsLong();
        int secondaryLimits = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.run(attempt);
            } catch (TransientFailure failure) {
                Duration wait;
                if (failure.secondaryLimit() && failure.retryAfter().isEmpty()) {
                    wait = SECONDARY_LIMIT_WAIT.multipliedBy(1L << Math.min(secondaryLimits++, 10));
                } else {
                    Duration backoff = retry.backoff(attempt);
                    wait = failure.retryAfter().filter(hint -> hint.compareTo(backoff) > 0).orElse(backoff);
                }
                if (!retryable.test(failure)) {
                    throw new ReleaseException("GitHub: " + what + " failed (" + failure.getMessage()
                            + "), not retried since it may have taken effect: rerun the release to finish it");
                }
                Duration spent = Duration.ofNanos(retry.nanoClock().getAsLong() - start);
                if (attempt >= retry.maxAttempts() || spent.plus(wait).compareTo(retry.totalLimit()) > 0) {
                    throw new ReleaseException("GitHub: " + what + " failed " + attempt + " time(s), last: "
                            + failure.getMessage() + ": rerun the release later, it resumes where it stopped");
                }
                if (failure.secondaryLimit()) {
                    log.warn("GitHub: " + what + " hit GitHub's secondary rate limit (" + failure.getMessage()
                            + "); waiting " + wait.toSeconds() + " s before try " + (attempt + 1) + " of "
                            + retry.maxAttempts());
                } else {
                    log.warn("GitHub: " + what + " failed (" + failure.getMessage() + "), try " + (attempt + 1)
                            + " of " + retry.maxAttempts() + " in " + wait.toMillis() + " ms");
                }
                log.waiting("GitHub: " + what + (failure.secondaryLimit() ? " waits for the secondary rate limit" : " waits to retry"),
                        wait);
                sleep(wait);
            }
        }
    }

    private void sleep(Duration wait) {
        try {
            retry.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseException("interrupted while waiting to retry a GitHub request", e);
        }
    }

    /** A JSON call with retries; for POSTs that are not idempotent use {@link #once} inside a reconciling loop. */
    JsonNode call(String what, String method, String pathOrUrl, JsonNode body) {
        return retrying(what, attempt -> once(what, method, pathOrUrl, body));
    }

    /** One JSON request; 204 answers {@link MissingNode}. */
    JsonNode once(String what, String method, String pathOrUrl, JsonNode body) throws TransientFailure {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString());
        HttpRequest.Builder request = request(resolve(pathOrUrl), retry.requestTimeout()).method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(what, request).json;
    }

    /**
     * Lists every page of a GitHub list endpoint (following {@code Link: rel="next"}), stopping early when
     * {@code enough} says so after a page.
     */
    List<JsonNode> listAll(String what, String pathWithQuery, Predicate<List<JsonNode>> enough) {
        List<JsonNode> items = new ArrayList<>();
        String next = pathWithQuery;
        while (next != null) {
            String page = next;
            Response response = retrying(what, attempt -> exchange(what, request(resolve(page), retry.requestTimeout())
                    .GET()));
            requireArray(response.json, what);
            response.json.forEach(items::add);
            next = response.nextLink.orElse(null);
            if (enough.test(items)) {
                break;
            }
        }
        return items;
    }

    /**
     * One streamed upload of {@code file} (never read into memory) to an expanded {@code upload_url}.
     *
     * @param uploadUrl the release's {@code upload_url} template, e.g. {@code https://uploads.github.com/repos/o/r/releases/5/assets{?name,label}}
     * @param name the asset name to request
     */
    JsonNode uploadOnce(String what, String uploadUrl, String name, Path file, long size) throws TransientFailure {
        URI target = URI.create(uploadUrl.replaceFirst("\\{\\?[^}]*}$", "") + "?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8));
        Duration timeout = retry.requestTimeout().plusSeconds(size / (256 * 1024));
        try {
            HttpRequest.Builder request = request(target, timeout)
                    .header("Content-Type", "application/octet-stream")
                    .POST(new CountingBodyPublisher(HttpRequest.BodyPublishers.ofFile(file),
                            new UploadProgress("Uploading " + name, size, log, retry.nanoClock())));
            return exchange(what, request).json;
        } catch (java.io.FileNotFoundException e) {
            throw new ReleaseException("asset " + file + " disappeared before upload: rebuild it and rerun", e);
        }
    }

    private URI resolve(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : config.apiUrl() + pathOrUrl);
    }

    private HttpRequest.Builder request(URI uri, Duration timeout) {
        requireAllowedHost(uri);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "llm-proxy-release");
        config.token().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        return builder;
    }

    /**
     * Refuses any request whose target is neither the API origin nor the upload origin
     * ({@link GitHubConfig#uploadOrigin()}), comparing scheme, host and port: the token is sent to those two origins
     * only (GitHub Enterprise included).
     *
     * @param target the URL about to be requested
     * @throws ReleaseException naming the target and both allowed origins
     */
    void requireAllowedHost(URI target) {
        if (!sameOrigin(config.apiUrl(), target) && !sameOrigin(config.uploadOrigin(), target)) {
            throw new ReleaseException("refusing to send a GitHub request to " + target.getScheme() + "://"
                    + target.getAuthority() + ": it is neither the API origin " + origin(config.apiUrl())
                    + " nor the upload origin " + config.uploadOrigin()
                    + "; check release.github.apiUrl (GitHub Enterprise: https://HOST/api/v3) and release.github.uploadUrl");
        }
    }

    /**
     * Checks the {@code upload_url} of a release GitHub returned before anything is uploaded to it.
     *
     * @param uploadUrl the template, e.g. {@code https://uploads.github.com/repos/o/r/releases/5/assets{?name,label}}
     * @param what the request whose answer carried it, e.g. {@code create release v1.4.0}
     * @throws ReleaseException when its origin is neither the API's nor the upload origin, naming both
     */
    void requireUploadOrigin(String uploadUrl, String what) {
        URI target;
        try {
            target = URI.create(uploadUrl.replaceFirst("\\{\\?[^}]*}$", ""));
        } catch (IllegalArgumentException e) {
            throw new ReleaseException("GitHub answered " + what + " with an upload_url that is not a URL ('"
                    + uploadUrl + "'): check release.github.apiUrl");
        }
        if (target.getScheme() == null || target.getHost() == null
                || !sameOrigin(config.apiUrl(), target) && !sameOrigin(config.uploadOrigin(), target)) {
            String foreign = target.getScheme() + "://" + target.getAuthority();
            throw new ReleaseException("GitHub answered " + what + " with an upload_url on " + foreign
                    + ", which is neither the upload origin " + config.uploadOrigin() + " nor the API origin "
                    + origin(config.apiUrl()) + "; nothing was uploaded and the token was not sent there: set "
                    + "release.github.uploadUrl=" + foreign + " if that server is yours, else check release.github.apiUrl");
        }
    }

    private static boolean sameOrigin(URI allowed, URI target) {
        return allowed.getScheme().equalsIgnoreCase(String.valueOf(target.getScheme()))
                && allowed.getHost().equalsIgnoreCase(String.valueOf(target.getHost()))
                && port(allowed) == port(target);
    }

    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getAuthority();
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private record Response(int status, JsonNode json, Optional<String> nextLink) {
    }

    private Response exchange(String what, HttpRequest.Builder builder) throws TransientFailure {
        HttpRequest request = builder.build();
        for (int redirects = 0; ; redirects++) {
            HttpResponse<byte[]> response = send(what, request);
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status >= 300 && status < 400 && location.isPresent() && redirects < MAX_REDIRECTS
                    && request.method().equals("GET")) {
                URI target = request.uri().resolve(location.get());
                request = HttpRequest.newBuilder(request, (name, value) -> true).uri(target).build();
                requireAllowedHost(target);
                continue;
            }
            JsonNode json = parse(response.body());
            if (status >= 200 && status < 300) {
                if (json == null) {
                    throw new ReleaseException("GitHub answered " + what + " (" + request.method() + " "
                            + request.uri().getPath() + ") with " + status + " and a body that is not JSON ("
                            + response.headers().firstValue("Content-Type").orElse("no Content-Type")
                            + "): check release.github.apiUrl points at GitHub's REST API, not a web or proxy page");
                }
                Optional<String> next = response.headers().firstValue("Link").map(NEXT_LINK::matcher)
                        .filter(Matcher::find).map(m -> m.group(1));
                return new Response(status, json, next);
            }
            throw failure(what, response, json == null ? MissingNode.getInstance() : json);
        }
    }

    private HttpResponse<byte[]> send(String what, HttpRequest request) throws TransientFailure {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new TransientFailure(e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage()), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseException("interrupted during GitHub request: " + what, e);
        } catch (UncheckedIOException e) {
            throw new TransientFailure(e.getMessage(), Optional.empty());
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private GitHubApiException failure(String what, HttpResponse<byte[]> response, JsonNode json) throws TransientFailure {
        int status = response.statusCode();
        String message = json.path("message").asText("");
        Optional<Duration> retryAfter = response.headers().firstValue("retry-after")
                .filter(v -> v.trim().matches("\\d{1,6}")).map(v -> Duration.ofSeconds(Long.parseLong(v.trim())));
        String lower = message.toLowerCase(Locale.ROOT);
        boolean primaryExhausted = response.headers().firstValue("x-ratelimit-remaining").filter("0"::equals)
                .isPresent();
        boolean rateLimited = status == 429 || (status == 403 && (retryAfter.isPresent()
                || lower.contains("rate limit") || lower.contains("abuse") || primaryExhausted));
        if (status >= 500 || rateLimited) {
            boolean secondary = rateLimited && !primaryExhausted
                    && (status == 429 || lower.contains("secondary") || lower.contains("abuse"));
            throw new TransientFailure(status + " " + (message.isEmpty() ? "(no message)" : message), retryAfter,
                    secondary);
        }
        List<String> codes = new ArrayList<>();
        json.path("errors").forEach(e -> codes.add(e.path("code").asText("")));
        String repo = config.repository();
        String text = switch (status) {
            case 401 -> "GitHub rejected the token for " + what + " (401 " + message
                    + "): set GITHUB_TOKEN or GH_TOKEN to a valid token for " + repo;
            case 403 -> message.contains("Resource not accessible by integration")
                    ? "GitHub refused " + what + " (403 Resource not accessible by integration): the token lacks the "
                        + "contents: write permission on " + repo + "; grant it (workflow: permissions: contents: write)"
                    : "GitHub refused " + what + " (403 " + message + "): give the token write access to " + repo;
            case 404 -> "GitHub answered 404 Not Found for " + what + ": repository " + repo
                    + " does not exist or the token cannot see it; check release.github.repository and the token";
            case 422 -> "GitHub rejected " + what + " (422 " + message + errorList(json)
                    + "): correct the named fields and rerun";
            default -> "GitHub answered " + status + " " + message + " for " + what
                    + ": check the request and rerun";
        };
        return new GitHubApiException(text, status, codes);
    }

    /**
     * @param json an answer of GitHub's
     * @param what the request it answered, e.g. {@code list releases}
     * @throws ReleaseException when it is not a JSON array, naming the request
     */
    static void requireArray(JsonNode json, String what) {
        if (!json.isArray()) {
            throw unexpected(what, "a JSON array", json.getNodeType().name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * @param json an object GitHub answered
     * @param field e.g. {@code id}
     * @param what the request whose answer it is, e.g. {@code create release v1.4.0}
     * @return the field's integral number
     * @throws ReleaseException when the field is missing or not an integral number, naming the request and the field
     */
    static long number(JsonNode json, String field, String what) {
        JsonNode value = json.path(field);
        if (!value.isIntegralNumber()) {
            throw unexpected(what, "a numeric \"" + field + "\"", describe(value));
        }
        return value.asLong();
    }

    /**
     * @return the field's text
     * @throws ReleaseException when the field is missing or not a string, naming the request and the field
     * @see #number(JsonNode, String, String)
     */
    static String text(JsonNode json, String field, String what) {
        JsonNode value = json.path(field);
        if (!value.isTextual()) {
            throw unexpected(what, "a string \"" + field + "\"", describe(value));
        }
        return value.asText();
    }

    /**
     * @return the field's boolean value
     * @throws ReleaseException when the field is missing or not a boolean, naming the request and the field
     * @see #number(JsonNode, String, String)
     */
    static boolean flag(JsonNode json, String field, String what) {
        JsonNode value = json.path(field);
        if (!value.isBoolean()) {
            throw unexpected(what, "a boolean \"" + field + "\"", describe(value));
        }
        return value.asBoolean();
    }

    private static String describe(JsonNode value) {
        if (value.isMissingNode()) {
            return "none";
        }
        String text = value.toString();
        return value.getNodeType().name().toLowerCase(Locale.ROOT) + " "
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    private static ReleaseException unexpected(String what, String expected, String got) {
        return new ReleaseException("GitHub's answer to " + what + " lacks " + expected + " (got " + got
                + "): nothing further was sent; rerun later, and if it persists check release.github.apiUrl");
    }

    private static String errorList(JsonNode json) {
        List<String> parts = new ArrayList<>();
        for (JsonNode error : json.path("errors")) {
            String part = error.path("resource").asText("") + "." + error.path("field").asText("") + " "
                    + error.path("code").asText("");
            parts.add(error.hasNonNull("message") ? part + " (" + error.get("message").asText() + ")" : part);
        }
        return parts.isEmpty() ? "" : ": " + String.join("; ", parts);
    }
}
