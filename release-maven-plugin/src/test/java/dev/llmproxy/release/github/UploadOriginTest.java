package dev.llmproxy.release.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.standin.GitHubStandIn;
import dev.llmproxy.release.standin.RecordedExchange;
import dev.llmproxy.release.standin.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 10 item 1 (upload origins) and item 7 (the web origin links come from). */
class UploadOriginTest {
    private static final String TOKEN = "ghp_upload-origin-token";
    private static final String SHA = "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0";

    @TempDir
    Path dir;

    private final GitHubStandIn standIn = GitHubStandIn.builder().repository("example-org/app").token(TOKEN)
            .separateUploadOrigin().start();
    private final RecordingLog log = new RecordingLog();

    @AfterEach
    void stop() {
        standIn.close();
        assertFalse(log.all().contains(TOKEN));
    }

    @ParameterizedTest
    @CsvSource({
        "https://api.github.com, https://uploads.github.com, https://github.com",
        "https://api.acme.ghe.com, https://uploads.acme.ghe.com, https://acme.ghe.com",
        "https://ghe.example.com/api/v3, https://ghe.example.com, https://ghe.example.com",
        "http://127.0.0.1:8080, http://127.0.0.1:8080, http://127.0.0.1:8080",
        "https://API.Example.com:8443, https://uploads.Example.com:8443, https://Example.com:8443"})
    void uploadAndWebOriginsAreDerivedFromTheApiUrl(String api, String uploads, String web) {
        GitHubConfig config = new GitHubConfig(URI.create(api), "o", "r", Optional.empty());

        assertEquals(URI.create(uploads), config.uploadOrigin());
        assertEquals(URI.create(web), config.webOrigin());
        assertEquals(URI.create(web), GitHubConfig.webOrigin(api));
    }

    @Test
    void theUploadUrlSettingOverridesTheDerivedOriginAndKeepsOnlyItsOrigin() {
        GitHubConfig config = new GitHubConfig(URI.create("https://api.acme.ghe.com"), "o", "r", Optional.empty(),
                Optional.of(URI.create("https://proxy.example.com:9443/some/path")));

        assertEquals(URI.create("https://proxy.example.com:9443"), config.uploadOrigin());
        assertEquals("GitHubConfig[apiUrl=https://api.acme.ghe.com, uploadUrl=https://proxy.example.com:9443/some/path,"
                + " repository=o/r, token=(none)]", config.toString());
    }

    @Test
    void theTokenGoesToTheApiAndUploadOriginsOnly() {
        GitHubApi ghec = new GitHubApi(new GitHubConfig(URI.create("https://api.acme.ghe.com"), "o", "r",
                Optional.of(TOKEN)), new FakeTime().policy(), ReleaseLog.SILENT);
        ghec.requireAllowedHost(URI.create("https://api.acme.ghe.com/repos/o/r/releases"));
        ghec.requireAllowedHost(URI.create("https://uploads.acme.ghe.com/repos/o/r/releases/5/assets"));
        for (String elsewhere : List.of("https://uploads.github.com/repos/o/r/releases/5/assets",
                "https://acme.ghe.com/x", "http://uploads.acme.ghe.com/x", "https://uploads.acme.ghe.com:8443/x")) {
            ReleaseException error = assertThrows(ReleaseException.class,
                    () -> ghec.requireAllowedHost(URI.create(elsewhere)));
            assertTrue(error.getMessage().contains("neither the API origin https://api.acme.ghe.com nor the upload "
                    + "origin https://uploads.acme.ghe.com"), error.getMessage());
        }
    }

    @Test
    void uploadsGoToTheConfiguredSecondOriginWithTheToken() throws IOException {
        Path jar = Files.write(dir.resolve("app.jar"), new byte[]{1, 2, 3});
        GitHubConfig config = new GitHubConfig(standIn.apiUrl(), "example-org", "app", Optional.of(TOKEN),
                Optional.of(standIn.uploadOrigin()));

        ReleaseOutcome outcome = new GitHubReleaser(config, new FakeTime().policy(), log).sync(
                new ReleaseRequest("v1.0.0", null, "", SHA, true, false, "true", List.of(jar), true), false);

        assertFalse(outcome.draft());
        List<RecordedExchange> uploads = standIn.exchanges().stream()
                .filter(e -> e.server() == RecordedExchange.Server.UPLOADS).toList();
        assertEquals(List.of("/repos/example-org/app/releases/1/assets", "/repos/example-org/app/releases/1/assets"),
                uploads.stream().map(RecordedExchange::path).toList());
        assertEquals(List.of(201, 201), uploads.stream().map(RecordedExchange::status).toList());
        assertEquals(6, standIn.requests().size(), () -> standIn.requests().toString());
        assertTrue(standIn.requests().stream().allMatch(RecordedRequest::authenticated));
    }

    @Test
    void anUploadUrlOnAnOriginNotConfiguredStopsNamingBothBeforeAnyUpload() throws IOException {
        Path jar = Files.write(dir.resolve("app.jar"), new byte[]{1, 2, 3});
        GitHubConfig config = new GitHubConfig(standIn.apiUrl(), "example-org", "app", Optional.of(TOKEN));

        ReleaseException error = assertThrows(ReleaseException.class, () -> new GitHubReleaser(config,
                new FakeTime().policy(), log).sync(new ReleaseRequest("v1.0.0", null, "", SHA, true, false, "true",
                        List.of(jar), true), false));

        String api = "http://127.0.0.1:" + standIn.port();
        assertEquals("GitHub answered create release v1.0.0 with an upload_url on " + standIn.uploadOrigin()
                + ", which is neither the upload origin " + api + " nor the API origin " + api + "; nothing was "
                + "uploaded and the token was not sent there: set release.github.uploadUrl=" + standIn.uploadOrigin()
                + " if that server is yours, else check release.github.apiUrl", error.getMessage());
        assertEquals(List.of(RecordedExchange.Server.API, RecordedExchange.Server.API, RecordedExchange.Server.API),
                standIn.exchanges().stream().map(RecordedExchange::server).toList());
    }

    @Test
    void theApiOriginOfASeparateUploadStandInDoesNotServeUploads() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(standIn.apiUrl()
                        + "/uploads/repos/example-org/app/releases/1/assets?name=x")).header("Authorization",
                        "Bearer " + TOKEN).POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertEquals(404, response.statusCode());
    }
}
