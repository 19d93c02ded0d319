package dev.llmproxy.release.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.standin.Fault;
import dev.llmproxy.release.standin.GitHubStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 10 item 4: an answer GitHub should not give is one line naming the request and what was wrong. */
class UnexpectedAnswersTest {
    private static final String TOKEN = "ghp_answers";
    private static final String SHA = "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0";
    private static final String HINT = ": nothing further was sent; rerun later, and if it persists check "
            + "release.github.apiUrl";

    @TempDir
    Path dir;

    private final GitHubStandIn standIn = GitHubStandIn.start("example-org/app", TOKEN);

    @AfterEach
    void stop() {
        standIn.close();
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("release without id", Fault.on("POST", "/releases$").withoutField("id"),
                        "GitHub's answer to create release v1.0.0 lacks a numeric \"id\" (got none)" + HINT),
                Arguments.of("id as a string", Fault.on("POST", "/releases$").replacing("id", "\"1\""),
                        "GitHub's answer to create release v1.0.0 lacks a numeric \"id\" (got string \"1\")" + HINT),
                Arguments.of("upload_url missing", Fault.on("POST", "/releases$").withoutField("upload_url"),
                        "GitHub's answer to create release v1.0.0 lacks a string \"upload_url\" (got none)" + HINT),
                Arguments.of("draft as a string (existing draft)", Fault.on("GET", "/releases$").replacing("draft", "\"true\""),
                        "GitHub's answer to list releases lacks a boolean \"draft\" (got string \"true\")" + HINT),
                Arguments.of("list is an object", Fault.on("GET", "/releases$").raw(200, "application/json",
                        "{\"releases\":[]}"), "GitHub's answer to list releases lacks a JSON array (got object)"
                        + HINT),
                Arguments.of("upload answer without name", Fault.on("POST", "/uploads/").withoutField("name"),
                        "GitHub's answer to upload asset app.jar to release 1 lacks a string \"name\" (got none)"
                        + HINT),
                Arguments.of("HTML page", Fault.on("GET", "/releases$").raw(200, "text/html; charset=utf-8",
                        "<!DOCTYPE html><html><body>Sign in</body></html>"), "GitHub answered list releases (GET "
                        + "/repos/example-org/app/releases) with 200 and a body that is not JSON (text/html; "
                        + "charset=utf-8): check release.github.apiUrl points at GitHub's REST API, not a web or "
                        + "proxy page"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void anUnexpectedAnswerIsOneLineNamingTheRequest(String name, Fault fault, String message) throws IOException {
        Path jar = Files.write(dir.resolve("app.jar"), new byte[]{1});
        if (name.startsWith("draft")) {
            standIn.addRelease("v1.0.0", true);
        }
        standIn.inject(fault);

        ReleaseException error = assertThrows(ReleaseException.class, () -> new GitHubReleaser(new GitHubConfig(
                standIn.apiUrl(), "example-org", "app", Optional.of(TOKEN)), new FakeTime().policy(),
                new RecordingLog()).sync(new ReleaseRequest("v1.0.0", null, "", SHA, true, false, "true",
                        List.of(jar), false), false));

        assertEquals(ReleaseException.class, error.getClass());
        assertEquals(message, error.getMessage());
    }
}
