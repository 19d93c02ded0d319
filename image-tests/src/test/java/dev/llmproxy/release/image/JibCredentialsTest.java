package dev.llmproxy.release.image;

import dev.llmproxy.release.testsupport.LocalRegistry;
import dev.llmproxy.release.testsupport.TestBaseImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushing to a registry that requires a login: GITHUB_ACTOR/GITHUB_TOKEN are used, never printed. */
class JibCredentialsTest {
    private static final String ACTOR = "image-tests-actor";
    private static final String TOKEN = "ghs_imageTestsSecretValue42";

    @TempDir
    Path dir;

    @Test
    void pushUsesTheGitHubCredentialsFromTheEnvironmentAndNeverPrintsThem() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(Files.createDirectories(dir.resolve("registry")), ACTOR, TOKEN)) {
            String base = TestBaseImage.pushMultiPlatform(registry, "image-tests/base");
            // The local registry speaks plain HTTP (ghcr.io is HTTPS and needs no such switch), and its
            // login also guards the base image, which in production comes anonymously from Docker Hub.
            String[] args = {"-DsendCredentialsOverHttp=true", "-Djib.from.auth.username=" + ACTOR, "-Djib.from.auth.password=" + TOKEN};

            MavenRun.Result anonymous = ReleaseImage.build(registry, base, "1.4.0", List.of(), Map.of(), dir, args);
            MavenRun.Result withToken = ReleaseImage.build(registry, base, "1.4.0", List.of(),
                    Map.of("GITHUB_ACTOR", ACTOR, "GITHUB_TOKEN", TOKEN), dir, args);

            assertNotEquals(0, anonymous.exitCode(), "push without credentials succeeded: " + anonymous.tail());
            assertTrue(anonymous.output().contains("Unauthorized for " + registry.host() + "/example-org/app"), anonymous.tail());
            assertEquals(0, withToken.exitCode(), withToken.tail());
            assertFalse(withToken.output().contains(TOKEN), "Maven output shows the token");
            assertFalse(anonymous.output().contains(TOKEN), "Maven output shows the token");
            assertTrue(registry.tags("example-org/app").toString().contains("\"latest\""));
        }
    }
}
