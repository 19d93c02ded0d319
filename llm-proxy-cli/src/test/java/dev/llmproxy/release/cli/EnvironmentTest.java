package dev.llmproxy.release.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding the project and Maven; usage, help and version; exit code 2 for environment problems. */
class EnvironmentTest {
    @TempDir
    Path dir;

    @Test
    void noPomAnywhereIsExitTwoWithAHint() {
        InProcess run = InProcess.run(dir, "release", "draft");

        assertEquals(2, run.exitCode, run::toString);
        assertEquals("llm-proxy: no pom.xml in " + dir + " or any directory above it:"
                + " run llm-proxy inside a Maven project or pass -C <project dir>\n", run.err);
        assertEquals("", run.out);
    }

    @Test
    void noMavenIsExitTwoWithAHint() throws Exception {
        SampleProject project = SampleProject.create(dir, false);
        Path emptyBin = Files.createDirectories(dir.resolve("empty-bin"));

        Map<String, String> env = new HashMap<>(SampleProject.envWithoutMaven(emptyBin));
        env.put("MVNW_REPOURL", "http://127.0.0.1:1/maven2"); // nothing listens there: provisioning fails
        env.put("MAVEN_USER_HOME", dir.resolve("m2").toString());

        InProcess run = InProcess.run(project.root, env, null, false, false, "release", "draft", "--dry-run");

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.err.startsWith("llm-proxy: no Maven found and Maven 3.9.16 could not be provisioned (cannot download"
                + " http://127.0.0.1:1/maven2/org/apache/maven/apache-maven/3.9.16/apache-maven-3.9.16-bin.zip: "), run.err);
        assertTrue(run.err.endsWith("): add the Maven wrapper (mvnw) to " + project.root + ", put Maven 3.6.3+ on PATH"
                + " or set MAVEN_HOME (MVNW_REPOURL names a Maven repository mirror to download from)\n"), run.err);
        assertEquals(List.of(), project.mavenCalls());
    }

    @Test
    void mvnOnPathIsUsedWhenThereIsNoWrapper() throws Exception {
        SampleProject project = SampleProject.create(dir, false);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        SampleProject.installFakeMaven(bin.resolve("mvn"));
        Map<String, String> env = new HashMap<>(SampleProject.envWithoutMaven(bin));
        env.put("MAVEN_HOME", dir.resolve("nowhere").toString());

        InProcess run = InProcess.run(project.root, env, null, false, false, "release", "draft", "--dry-run");

        assertEquals(0, run.exitCode, run::toString);
        assertEquals(1, project.mavenCalls().size());
        assertEquals(Optional.of(bin.resolve("mvn")), MavenProject.mavenExecutable(project.root, env));
    }

    @Test
    void mavenHomeIsTheLastResort() throws Exception {
        SampleProject project = SampleProject.create(dir, false);
        Path home = dir.resolve("maven-home");
        SampleProject.installFakeMaven(Files.createDirectories(home.resolve("bin")).resolve("mvn"));
        Map<String, String> env = new HashMap<>(SampleProject.envWithoutMaven(Files.createDirectories(dir.resolve("empty"))));
        env.put("MAVEN_HOME", home.toString());

        InProcess run = InProcess.run(project.root, env, null, false, false, "release", "draft", "--dry-run");

        assertEquals(0, run.exitCode, run::toString);
        assertEquals(1, project.mavenCalls().size());
    }

    @Test
    void theWrapperWinsOverMvnOnPath() throws Exception {
        SampleProject project = SampleProject.create(dir, true);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        SampleProject.installFakeMaven(bin.resolve("mvn"));

        assertEquals(Optional.of(project.root.resolve("mvnw")),
                MavenProject.mavenExecutable(project.root, Map.of("PATH", bin.toString())));
    }

    @Test
    void reactorRootIsTheTopmostAggregatorListingTheModule() throws Exception {
        Path root = Files.createDirectories(dir.resolve("outer/app"));
        Files.writeString(dir.resolve("outer/pom.xml"), SampleProject.POM.replace("<module>core</module>", "<module>other</module>"));
        Files.writeString(root.resolve("pom.xml"), SampleProject.POM.replace("<module>core</module>", "<module>lib/core/</module><module>tools</module>"));
        Path tools = Files.createDirectories(root.resolve("tools/src/main"));
        Files.writeString(root.resolve("tools/pom.xml"), SampleProject.POM);

        assertEquals(Optional.of(root), MavenProject.reactorRoot(tools));
        assertEquals(Optional.of(root), MavenProject.reactorRoot(root));
        assertEquals(Optional.of(dir.resolve("outer")), MavenProject.reactorRoot(dir.resolve("outer")));
        assertEquals(Optional.empty(), MavenProject.reactorRoot(dir));
    }

    @Test
    void dashCToAMissingDirectoryIsUsageError() {
        InProcess run = InProcess.run(dir, "release", "draft", "-C", "missing");

        assertEquals(2, run.exitCode, run::toString);
        assertEquals("llm-proxy: -C missing: no such directory\n", run.err);
    }

    @Test
    void unknownOptionIsUsageError() {
        InProcess run = InProcess.run(dir, "release", "draft", "--bump", "huge");

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.err.startsWith("Invalid value for option '--bump': expected one of [auto, major, minor, patch]"), run::toString);
    }

    @Test
    void versionPrintsTheCliVersion() {
        InProcess run = InProcess.run(dir, "--version");

        assertEquals(0, run.exitCode, run::toString);
        assertEquals("llm-proxy " + LlmProxy.version() + "\n", run.out);
        assertFalse(LlmProxy.version().contains("$"), "the build filters the version in");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "release", "release draft", "release bump", "release changelog"})
    void helpOnEveryCommand(String command) {
        String[] args = (command + " --help").strip().split(" ");

        InProcess run = InProcess.run(dir, args);

        assertEquals(0, run.exitCode, run::toString);
        assertTrue(run.out.startsWith("Usage: llm-proxy " + command), run::toString);
        assertFalse(run.out.contains("\u001b["), "no colour without a terminal");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "null, null, true",
        "'', null, true",
        "1, null, false",
        "null, dumb, false",
        "null, xterm-256color, true"})
    void colourFollowsNoColorAndTerm(String noColor, String term, boolean allowed) {
        Map<String, String> env = new HashMap<>();
        if (noColor != null) {
            env.put("NO_COLOR", noColor);
        }
        if (term != null) {
            env.put("TERM", term);
        }
        assertEquals(allowed, Terminal.colourAllowed(env));
    }
}
