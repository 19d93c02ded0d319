package dev.llmproxy.release.it;

import static dev.llmproxy.release.it.Samples.plan;
import static dev.llmproxy.release.it.Samples.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmproxy.release.git.TestRepos;
import dev.llmproxy.release.plan.ReleasePlan;
import dev.llmproxy.release.standin.GitHubStandIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The scenario of issue 4's "Done when": a sample project at v1.4.0 plus a feat and a fix commit, a
 * bare {@code origin}, a built asset {@code dist/app.jar}, and the GitHub stand-in on a port that the
 * {@code mvn} process reaches through {@code release.github.apiUrl}.
 */
final class DraftScenario implements AutoCloseable {
    static final String TOKEN = "ghp_itSecretToken0123456789";
    static final String REPOSITORY = "example-org/app";
    static final String JAR = "jar bytes of app 1.5.0\n";
    /** The simplest sample project. */
    static final String POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>org.example</groupId>
              <artifactId>app</artifactId>
              <version>1.5.0-SNAPSHOT</version>
              <packaging>pom</packaging>
            </project>
            """;

    /**
     * The simplest sample project with the plugin declared as an extension (the custom {@code release}
     * lifecycle); {@code %1$s} is the plugin's version, {@code %2$s} more {@code <plugin>} elements.
     */
    static final String POM_WITH_EXTENSIONS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>org.example</groupId>
              <artifactId>app</artifactId>
              <version>1.5.0-SNAPSHOT</version>
              <packaging>pom</packaging>
              <build>
                <plugins>
                  <plugin>
                    <groupId>dev.llmproxy</groupId>
                    <artifactId>release-maven-plugin</artifactId>
                    <version>%1$s</version>
                    <extensions>true</extensions>
                  </plugin>
            %2$s    </plugins>
              </build>
            </project>
            """;

    final TestRepos repo;
    final TestRepos origin;
    final GitHubStandIn github;

    /**
     * @param dir an empty directory
     * @param pom the sample project's pom at version 1.5.0-SNAPSHOT
     */
    DraftScenario(Path dir, String pom) {
        origin = TestRepos.bare(dir.resolve("origin.git"));
        repo = Samples.project(dir.resolve("app"), Map.of("pom.xml", pom, "README.md", "# app\n"));
        repo.ta("v1.4.0");
        repo.c("-m", "feat(proxy): stream responses");
        repo.c("-m", "fix: keep C# samples");
        repo.git("remote", "add", "origin", origin.dir().toString());
        repo.git("push", "-q", "origin", "main", "v1.4.0");
        repo.write("dist/app.jar", JAR);
        github = GitHubStandIn.start(REPOSITORY, TOKEN);
    }

    Path dir() {
        return repo.dir();
    }

    /** @return the token for the stand-in, and git isolated from the machine's configuration */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        TestRepos.isolate(env);
        env.put("GITHUB_TOKEN", TOKEN);
        return env;
    }

    /** @return {@code goals} followed by the properties of a pushed, published release with assets */
    String[] args(String... goals) {
        List<String> args = new ArrayList<>(List.of(goals));
        args.addAll(List.of(
                "-Drelease.push=true",
                "-Drelease.publish=true",
                "-Drelease.assets=dist/*.jar",
                "-Drelease.date=2024-01-02",
                "-Drelease.github.apiUrl=" + github.apiUrl(),
                "-Drelease.github.repository=" + REPOSITORY));
        return args.toArray(String[]::new);
    }

    /** Asserts the end state of one clean release of 1.5.0: git, origin, poms, CHANGELOG.md, GitHub. */
    void assertReleased(MavenRun.Result result) throws IOException {
        assertFalse(result.output().contains(TOKEN), "the token never appears in Maven's output");
        String tagged = repo.sha("v1.5.0^{commit}");
        assertEquals(repo.sha("HEAD"), tagged);
        assertEquals("chore(release): 1.5.0", repo.git("log", "-1", "--format=%s"));
        assertEquals("CHANGELOG.md\npom.xml", repo.git("show", "--format=", "--name-only", "HEAD"));
        assertEquals("tag", repo.git("cat-file", "-t", "v1.5.0"), "annotated tag");
        assertEquals(tagged, origin.sha("refs/tags/v1.5.0^{commit}"), "the tag is on origin");
        assertEquals(tagged, origin.sha("refs/heads/main"), "the release commit is on origin");
        assertEquals("", repo.git("status", "--porcelain"));
        assertTrue(read(dir().resolve("pom.xml")).contains("<version>1.5.0</version>"));
        String changelog = read(dir().resolve("CHANGELOG.md"));
        assertEquals(1, changelog.split("## \\[1\\.5\\.0\\] - 2024-01-02", -1).length - 1, changelog);

        List<JsonNode> releases = github.releases();
        assertEquals(1, releases.size(), releases::toString);
        JsonNode release = releases.get(0);
        assertEquals("v1.5.0", release.get("tag_name").asText());
        assertEquals("v1.5.0", release.get("name").asText());
        assertFalse(release.get("draft").asBoolean(), "published");
        assertFalse(release.get("prerelease").asBoolean());
        assertEquals(tagged, release.get("target_commitish").asText());
        assertEquals(release.get("id").asLong(), github.latestReleaseId().orElseThrow());
        String body = release.get("body").asText();
        assertEquals(read(dir().resolve("target/release/notes.md")), body);
        assertTrue(body.contains("stream responses") && body.contains("keep C# samples"), body);

        JsonNode assets = release.get("assets");
        assertEquals(List.of("app.jar", "SHA256SUMS"), assets.findValuesAsText("name"));
        String jarSha = sha256(JAR);
        assertEquals(jarSha, github.assetSha256(assets.get(0).get("id").asLong()).orElseThrow());
        assertEquals(sha256(jarSha + "  app.jar\n"), github.assetSha256(assets.get(1).get("id").asLong()).orElseThrow(),
                "SHA256SUMS in sha256sum format");

        ReleasePlan plan = plan(dir());
        assertEquals("1.5.0", plan.version());
        assertEquals(List.of("dist/app.jar"), plan.assets());
        assertEquals(release.get("id").asLong(), plan.github().releaseId());
        assertEquals(release.get("html_url").asText(), plan.github().htmlUrl());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        github.close();
    }
}
