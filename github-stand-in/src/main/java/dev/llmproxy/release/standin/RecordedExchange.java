package dev.llmproxy.release.standin;

import java.util.List;
import java.util.Map;

/**
 * One complete request/response pair as the stand-in served it, for checking the stand-in against GitHub's OpenAPI
 * description (and for tests that look at what was answered).
 *
 * @param server which GitHub server the request went to: {@link Server#API} ({@code api.github.com}) or
 *     {@link Server#UPLOADS} ({@code uploads.github.com}, the release's {@code upload_url})
 * @param method HTTP method, upper case
 * @param path path relative to that server's root, without the stand-in's own prefix and query, e.g.
 *     {@code /repos/o/r/releases} (GitHub Enterprise's {@code /api/v3} or the stand-in's {@code /uploads} removed)
 * @param query raw (still percent-encoded) query string, empty when none
 * @param requestHeaders request headers by lower-case name; {@code authorization} is never recorded
 * @param requestBody the request body as UTF-8 text when it was read as JSON, else null (uploads are never kept)
 * @param status the status code answered, or 0 when the connection was reset
 * @param responseHeaders response headers by lower-case name
 * @param responseBody the response body as UTF-8 text, or null when there was none (204, reset)
 */
public record RecordedExchange(Server server, String method, String path, String query,
        Map<String, List<String>> requestHeaders, String requestBody, int status,
        Map<String, List<String>> responseHeaders, String responseBody) {

    /** The GitHub server a request was meant for. */
    public enum Server {
        /** The REST API root, {@code https://api.github.com} (or {@code https://HOST/api/v3}). */
        API,
        /** The upload root, {@code https://uploads.github.com} (or {@code https://HOST/api/uploads}). */
        UPLOADS
    }
}
