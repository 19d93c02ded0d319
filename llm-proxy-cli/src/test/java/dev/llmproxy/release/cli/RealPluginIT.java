package dev.llmproxy.release.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmproxy.release.plan.ReleaseEngine;
import dev.llmproxy.release.standin.GitHubStandIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's release, end to end and for real: the shaded jar as a process runs the Maven that
 * runs this build with the real release-maven-plugin on a two-module sample project that has no
 * {@code mvnw}, a git history with a {@code v1.4.0} tag, a bare {@code origin} and the GitHub
 * stand-in on 127.0.0.1.
 *
 * <p>The Maven the CLI finds is a {@code mvn} script first on {@code PATH} that runs {@code
 * maven.home}'s Maven. It resolves the plugin offline from a small local repository holding the
 * plugin jar and poms under test, with the build's local repository as a read-only tail; those
 * options reach Maven through {@code MAVEN_ARGS}, which Maven 3.9 reads itself. The sample pom
 * points {@code release.github.apiUrl} at the stand-in; the token comes from {@code GITHUB_TOKEN}.
 */
class RealPluginIT {
    private static final Path JAR = Path.of(System.getProperty("cli.jar"));
    private static final String VERSION = System.getProperty("cli.version");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String REPOSITORY = "example-org/sample";
    private static final String TOKEN = "e2e-secret-token-5f1c";

    @TempDir
    Path dir;

    private GitHubStandIn github;
    private Path root;
    private Path origin;

    record Result(int exitCode, String out, String err) {}

    @BeforeEach
    void createSampleProject() throws IOException {
        SampleProject.requireProgram("git");
        github = GitHubStandIn.start(REPOSITORY, TOKEN);
        origin = dir.resolve("origin.git");
        root = Files.createDirectories(dir.resolve("sample"));
        Files.writeString(root.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.example</groupId>
                  <artifactId>sample</artifactId>
                  <version>1.4.0</version>
                  <packaging>pom</packaging>
                  <properties>
                    <release.github.apiUrl>%s</release.github.apiUrl>
                    <release.github.repository>%s</release.github.repository>
                  </properties>
                  <modules>
                    <module>core</module>
                  </modules>
                </project>
                """.formatted(github.apiUrl(), REPOSITORY));
        Files.createDirectories(root.resolve("core"));
        Files.writeString(root.resolve("core/pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>org.example</groupId>
                    <artifactId>sample</artifactId>
                    <version>1.4.0</version>
                  </parent>
                  <artifactId>core</artifactId>
                  <packaging>pom</packaging>
                </project>
                """);
        Files.writeString(root.resolve(".gitignore"), "target/\n");
        SampleProject.run(dir, "git", "init", "-q", "--bare", "-b", "main", origin.toString());
        git("init", "-q", "-b", "main");
        git("config", "user.email", "dev@example.com");
        git("config", "user.name", "Dev");
        git("add", "-A");
        git("commit", "-q", "-m", "chore: sample project");
        git("tag", "-a", "v1.4.0", "-m", "Release 1.4.0");
        git("commit", "-q", "--allow-empty", "-m", "feat(proxy): stream responses");
        git("commit", "-q", "--allow-empty", "-m", "fix: accept draft|bump and List<String> in commands");
        git("commit", "-q", "--allow-empty", "-m", "docs: explain the proxy");
        git("remote", "add", "origin", origin.toString());
        git("push", "-q", "--follow-tags", "origin", "main");
    }

    @AfterEach
    void stopStandIn() {
        github.close();
    }

    @Test
    void yesAloneCutsAndPushesTheReleaseThenADryRunFindsItReleased() throws Exception {
        Result release = cli("release", "draft", "--yes"); // pushes by default

        assertEquals(0, release.exitCode(), release::toString);
        List<JsonNode> releases = github.releases();
        assertEquals(1, releases.size(), releases::toString);
        JsonNode created = releases.get(0);
        String releasedSha = git("rev-parse", "HEAD");
        assertAll(
                () -> assertEquals("v1.5.0", created.path("tag_name").asText()),
                () -> assertTrue(created.path("draft").asBoolean(), created::toString),
                () -> assertTrue(created.path("body").asText().contains("stream responses"), created::toString),
                () -> assertTrue(release.out().contains("Released v1.5.0 (1.4.0 → 1.5.0)"), release::toString),
                () -> assertTrue(release.out().contains("Tag v1.5.0 pushed to origin " + origin), release::toString),
                () -> assertTrue(release.out().contains("Draft release: " + created.path("html_url").asText()), release::toString),
                () -> assertEquals("v1.4.0\nv1.5.0", SampleProject.run(origin, "git", "tag", "-l")),
                () -> assertEquals(releasedSha, SampleProject.run(origin, "git", "rev-parse", "v1.5.0^{commit}")),
                () -> assertEquals(releasedSha, SampleProject.run(origin, "git", "rev-parse", "main")),
                () -> assertEquals("chore(release): 1.5.0", git("log", "-1", "--format=%s")),
                () -> assertTrue(show("pom.xml").contains("<version>1.5.0</version>"), show("pom.xml")),
                () -> assertTrue(show("core/pom.xml").contains("<version>1.5.0</version>"), show("core/pom.xml")),
                () -> assertTrue(show("CHANGELOG.md").contains("## [1.5.0] - "), show("CHANGELOG.md")),
                () -> assertTrue(show("CHANGELOG.md").contains("stream responses"), show("CHANGELOG.md")),
                () -> assertEquals("", git("status", "--porcelain")));

        Result again = cli("release", "draft", "--dry-run");

        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.out().contains("v1.5.0 is already released"), again::toString);
        assertEquals(List.of(created), github.releases());
        assertEquals("v1.4.0\nv1.5.0", git("tag", "-l"));
        assertEquals(releasedSha, git("rev-parse", "HEAD"));
    }

    @Test
    void previewShowsTheRealPlanAndNotesAsPlainTextAndTheGoalOnce() throws Exception {
        Result preview = cli("release", "draft", "--dry-run");

        assertEquals(0, preview.exitCode(), preview::toString);
        String out = preview.out();
        assertAll(
                () -> assertTrue(out.contains("1.4.0 → 1.5.0"), out),
                () -> assertTrue(out.contains("Commits  3 (0 breaking, 1 feat, 1 fix, 1 other)"), out),
                () -> assertTrue(out.contains("Files    pom.xml, core/pom.xml, CHANGELOG.md"), out),
                () -> assertTrue(out.contains("GitHub   create a draft release in " + REPOSITORY), out),
                () -> assertTrue(out.contains("• proxy: stream responses"), out),
                () -> assertTrue(out.contains("accept draft|bump and List<String> in commands"), out),
                () -> assertFalse(out.contains("\\"), out),
                () -> assertFalse(out.contains(TOKEN) || preview.err().contains(TOKEN), "the token is never shown"));
        // the preview plans in-process (the same plan as the goal's, InProcessPlanCheck): Maven does not run
        List<String> progress = out.lines().filter(line -> line.contains(":draft (default-cli)")).toList();
        assertEquals(List.of(), progress, out);
        assertEquals("", git("status", "--porcelain"));
        assertEquals(List.of(), github.releases());
        assertEquals("v1.4.0", SampleProject.run(origin, "git", "tag", "-l"));
    }

    @Test
    void publishLeavesAPublishedRelease() throws Exception {
        Result release = cli("release", "draft", "--yes", "--publish");

        assertEquals(0, release.exitCode(), release::toString);
        List<JsonNode> releases = github.releases();
        assertEquals(1, releases.size(), releases::toString);
        assertFalse(releases.get(0).path("draft").asBoolean(), releases::toString);
        assertTrue(release.out().contains("Release: " + releases.get(0).path("html_url").asText()), release::toString);
    }

    /** Runs {@code java -jar llm-proxy.jar <args> -C sample} from the temp directory. */
    private Result cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-C", "sample"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(environment());
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String out = readAll(process.getInputStream());
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "llm-proxy did not end");
        return new Result(process.exitValue(), out, err.get());
    }

    /** The CLI's environment: our mvn first on PATH, Maven's options, the token, nothing inherited that steers them. */
    private Map<String, String> environment() throws IOException {
        Map<String, String> env = new HashMap<>(System.getenv());
        List.of("GITHUB_TOKEN", "GH_TOKEN", "GITHUB_API_URL", "MAVEN_ARGS", "MAVEN_HOME", "NO_COLOR").forEach(env::remove);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\nexec '" + Path.of(property("maven.home"), "bin", "mvn") + "' \"$@\"\n");
        mvn.toFile().setExecutable(true);
        env.put("PATH", bin + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
        env.put("MAVEN_ARGS", "-o -Dmaven.repo.local=" + pluginRepository()
                + " -Dmaven.repo.local.tail=" + property("local.repo") + " -Dstyle.color=never");
        env.put("GITHUB_TOKEN", TOKEN);
        return env;
    }

    /**
     * @return a local repository with the plugin jar, its pom and the parent pom under test (the
     *     same for every test; Maven adds its own bookkeeping files to it)
     */
    private static synchronized Path pluginRepository() throws IOException {
        Path repo = Path.of(property("it.repo"));
        Path pluginJar = pluginJar();
        if (!Files.isRegularFile(pluginJar)) {
            throw new IllegalStateException("the plugin is not packaged (" + pluginJar + "): run the build to the verify phase");
        }
        install(repo, "release-maven-plugin", pluginJar, "jar");
        install(repo, "release-maven-plugin", Path.of(property("plugin.pom")), "pom");
        install(repo, "llm-proxy-parent", Path.of(property("parent.pom")), "pom");
        return repo;
    }

    /** @return the plugin jar on this test's class path (the reactor's packaged jar, or the local repository's) */
    private static Path pluginJar() {
        try {
            return Path.of(ReleaseEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void install(Path repo, String artifactId, Path file, String extension) throws IOException {
        Path target = repo.resolve("dev/llmproxy").resolve(artifactId).resolve(VERSION)
                .resolve(artifactId + "-" + VERSION + "." + extension);
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return SampleProject.run(root, command.toArray(String[]::new));
    }

    /** @return the file as committed on origin's main */
    private String show(String path) {
        return SampleProject.run(origin, "git", "show", "main:" + path);
    }

    private static String readAll(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the ITs through Maven (failsafe)");
        }
        return value;
    }
}
