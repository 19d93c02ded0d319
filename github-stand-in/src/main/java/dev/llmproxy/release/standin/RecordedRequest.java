package dev.llmproxy.release.standin;

import java.util.List;
import java.util.Map;

/**
 * One request as the stand-in received it, for tests that count calls.
 *
 * @param method HTTP method, upper case
 * @param path request path without the query, e.g. {@code /repos/o/r/releases}
 * @param query raw query string, empty when none
 * @param headers request headers by lower-case name; {@code authorization} is never recorded
 * @param bodyBytes number of request body bytes read
 * @param status the status code answered, or 0 when the connection was reset
 * @param jsonBody the request body when it was read as JSON (releases, comments), else null; uploads are never kept
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
        long bodyBytes, int status, String jsonBody) {

    /** @return whether the request carried an {@code Authorization} header (its value is not kept) */
    public boolean authenticated() {
        return headers.containsKey("x-stand-in-authenticated");
    }
}
