package dev.llmproxy.release.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitHubStandInTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final GitHubStandIn standIn = GitHubStandIn.start("example-org/app", "secret-token");
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        standIn.close();
    }

    private HttpResponse<String> call(String method, String url, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        return call(method, standIn.apiUrl() + "/repos/example-org/app" + path, body, "secret-token");
    }

    @Test
    void draftsAreListedButInvisibleToTheTagLookup() throws Exception {
        HttpResponse<String> created = api("POST", "/releases", "{\"tag_name\":\"v1.4.0\",\"draft\":true}");
        assertEquals(201, created.statusCode());
        assertEquals(404, api("GET", "/releases/tags/v1.4.0", null).statusCode());
        JsonNode list = JSON.readTree(api("GET", "/releases", null).body());
        assertEquals("v1.4.0", list.get(0).get("tag_name").asText());
        assertTrue(list.get(0).get("draft").asBoolean());
    }

    @Test
    void listsPageByPageWithLinkHeaders() throws Exception {
        for (int i = 0; i < 5; i++) {
            standIn.addRelease("v0.0." + i, false);
        }
        HttpResponse<String> first = api("GET", "/releases?per_page=2", null);
        assertEquals(2, JSON.readTree(first.body()).size());
        String link = first.headers().firstValue("Link").orElseThrow();
        assertTrue(link.contains("per_page=2&page=2>; rel=\"next\""), link);
        assertTrue(link.contains("page=3>; rel=\"last\""), link);
        JsonNode third = JSON.readTree(api("GET", "/releases?per_page=2&page=3", null).body());
        assertEquals("v0.0.0", third.get(0).get("tag_name").asText());
    }

    @Test
    void makeLatestMustBeAString() throws Exception {
        HttpResponse<String> response = api("POST", "/releases", "{\"tag_name\":\"v1\",\"make_latest\":true}");
        assertEquals(422, response.statusCode());
        JsonNode error = JSON.readTree(response.body());
        assertEquals("Validation Failed", error.get("message").asText());
        assertEquals("make_latest", error.get("errors").get(0).get("field").asText());
    }

    @Test
    void wrongTokenIsBadCredentialsAndAnonymousWritesNeedAuthentication() throws Exception {
        HttpResponse<String> wrong = call("GET", standIn.apiUrl() + "/repos/example-org/app/releases", null, "nope");
        assertEquals(401, wrong.statusCode());
        assertEquals("Bad credentials", JSON.readTree(wrong.body()).get("message").asText());
        HttpResponse<String> anonymous = call("POST", standIn.apiUrl() + "/repos/example-org/app/releases",
                "{\"tag_name\":\"v1\"}", null);
        assertEquals(401, anonymous.statusCode());
        assertFalse(standIn.requests().get(0).headers().containsKey("authorization"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "My App 1.4.0.zip|My.App.1.4.0.zip",
        "pkg_1.4.0-1~bookworm_amd64.deb|pkg_1.4.0-1.bookworm_amd64.deb",
        "app-(x64).zip|app-.x64..zip",
        ".hidden.|hidden",
        "plain-1.0+build@x.jar|plain-1.0+build@x.jar"})
    void storesAssetNamesAsGitHubRenamesThem(String requested, String stored) {
        assertEquals(stored, AssetNaming.storedName(requested));
    }

    @Test
    void uploadRenamesAndRejectsADuplicateName() throws Exception {
        long id = JSON.readTree(api("POST", "/releases", "{\"tag_name\":\"v1\",\"draft\":true}").body())
                .get("id").asLong();
        String uploadUrl = standIn.release(id).orElseThrow().get("upload_url").asText()
                .replace("{?name,label}", "?name=" + URLEncoder.encode("My App.zip", StandardCharsets.UTF_8));
        HttpResponse<String> first = call("POST", uploadUrl, "abc", "secret-token");
        assertEquals(201, first.statusCode());
        assertEquals("My.App.zip", JSON.readTree(first.body()).get("name").asText());
        assertEquals("uploaded", JSON.readTree(first.body()).get("state").asText());
        HttpResponse<String> second = call("POST", uploadUrl, "abc", "secret-token");
        assertEquals(422, second.statusCode());
        assertEquals("already_exists", JSON.readTree(second.body()).get("errors").get(0).get("code").asText());
    }

    @Test
    void withImmutableReleasesAPublishedReleaseTakesNoAssetAndKeepsItsOwn() throws Exception {
        try (GitHubStandIn immutable = GitHubStandIn.builder().repository("example-org/app").token("secret-token")
                .immutableReleases().start()) {
            String releases = immutable.apiUrl() + "/repos/example-org/app/releases";
            long id = JSON.readTree(call("POST", releases, "{\"tag_name\":\"v1\",\"draft\":true}", "secret-token")
                    .body()).get("id").asLong();
            String uploadUrl = immutable.release(id).orElseThrow().get("upload_url").asText();
            assertEquals(201, call("POST", uploadUrl.replace("{?name,label}", "?name=a.jar"), "abc", "secret-token")
                    .statusCode());
            assertEquals(200, call("PATCH", releases + "/" + id, "{\"draft\":false}", "secret-token").statusCode());

            HttpResponse<String> late = call("POST", uploadUrl.replace("{?name,label}", "?name=b.jar"), "abc",
                    "secret-token");
            long assetId = immutable.release(id).orElseThrow().get("assets").get(0).get("id").asLong();
            HttpResponse<String> delete = call("DELETE", releases + "/assets/" + assetId, null, "secret-token");

            assertEquals(422, late.statusCode());
            assertEquals("Cannot upload assets to an immutable release", JSON.readTree(late.body()).get("message").asText());
            assertEquals(422, delete.statusCode());
            assertEquals(List.of("a.jar"), immutable.release(id).orElseThrow().get("assets").findValuesAsText("name"));
        }
    }

    @Test
    void injectedFaultsApplyToTheNextMatchingRequestsOnly() throws Exception {
        standIn.inject(Fault.on("GET", "/releases$").status(502, "Server Error").retryAfter(3).times(2));
        HttpResponse<String> failed = api("GET", "/releases", null);
        assertEquals(502, failed.statusCode());
        assertEquals("3", failed.headers().firstValue("retry-after").orElseThrow());
        assertEquals(502, api("GET", "/releases", null).statusCode());
        assertEquals(200, api("GET", "/releases", null).statusCode());
        assertEquals(List.of(502, 502, 200), standIn.requests().stream().map(RecordedRequest::status).toList());
    }

    @Test
    void resetFaultDropsTheConnection() {
        // the JDK client silently retries an idempotent request once, so drop two connections
        standIn.inject(Fault.on("*", "/releases").reset().times(2));
        assertThrows(IOException.class, () -> api("GET", "/releases", null));
        assertEquals(List.of(0, 0), standIn.requests().stream().map(RecordedRequest::status).toList());
    }

    @Test
    void publishingCreatesTheTagAndMovesLatest() throws Exception {
        long id = JSON.readTree(api("POST", "/releases",
                "{\"tag_name\":\"v2.0.0\",\"draft\":true,\"target_commitish\":\"" + "a".repeat(40) + "\"}")
                .body()).get("id").asLong();
        assertTrue(standIn.tagTarget("v2.0.0").isEmpty());
        assertEquals(200, api("PATCH", "/releases/" + id, "{\"draft\":false,\"make_latest\":\"true\"}").statusCode());
        assertEquals("a".repeat(40), standIn.tagTarget("v2.0.0").orElseThrow());
        assertEquals(id, standIn.latestReleaseId().orElseThrow());
        assertEquals(200, api("GET", "/releases/tags/v2.0.0", null).statusCode());
    }
}
