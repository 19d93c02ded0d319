package dev.llmproxy.release.it;

import static dev.llmproxy.release.it.Samples.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.git.TestRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code release:image} run by the real {@code mvn} on a repository with release tags, as the image job runs it. */
class ImageIT {
    private static final Map<String, String> RUNNER_ENV =
            Map.of("GITHUB_REPOSITORY_OWNER", "Example-Org", "GITHUB_REPOSITORY", "Example-Org/app");

    @TempDir
    Path dir;

    @Test
    void theGoalNamesAndTagsTheImageFromTheRepositorysTagsAndAppendsTheOutputs() throws Exception {
        TestRepos repo = Samples.project(dir, Map.of("pom.xml", """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.example</groupId>
                  <artifactId>app</artifactId>
                  <version>1.4.0</version>
                </project>
                """));
        repo.ta("v1.3.0");
        repo.c("--allow-empty", "-m", "feat: next");
        repo.tl("v1.5.0-rc.1");
        repo.ta("v1.4.0");
        String refs = repo.git("for-each-ref");
        Path output = dir.resolve("target/github-output");
        Files.createDirectories(output.getParent());
        Files.writeString(output, "earlier=kept\n");

        MavenRun.Result result = MavenRun.run(dir, RUNNER_ENV, MavenRun.PLUGIN + ":image",
                "-Drelease.image.version=1.4.0", "-Drelease.image.registry=127.0.0.1:5000", "-Drelease.image.output=" + output);

        assertEquals(0, result.exitCode(), result::toString);
        String lines = """
                image=127.0.0.1:5000/example-org/app
                reference=127.0.0.1:5000/example-org/app:1.4.0
                additional-tags=1.4,1,latest
                tags=1.4.0,1.4,1,latest
                source=https://github.com/example-org/app
                """;
        assertEquals("earlier=kept\n" + lines, read(output));
        assertTrue(result.output().contains("[INFO] additional-tags=1.4,1,latest\n"), result::toString);
        assertEquals(refs, repo.git("for-each-ref"));
        assertEquals("", repo.git("status", "--porcelain"));
    }

    @Test
    void aRepositoryWithoutAPomAndWithoutAVersionGetsOneLineNamingTheParameter() throws Exception {
        Samples.project(dir, Map.of("README.md", "tags only\n"));

        MavenRun.Result result = MavenRun.run(dir, RUNNER_ENV, MavenRun.PLUGIN + ":image");

        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.output().contains(
                ": release.image.version is missing: pass the released version, e.g. -Drelease.image.version=1.4.0"),
                result::toString);
        assertFalse(Files.exists(dir.resolve("target")), "nothing written");
    }
}
