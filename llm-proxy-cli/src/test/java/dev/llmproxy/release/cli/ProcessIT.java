package dev.llmproxy.release.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped binaries as real processes: the shaded jar, the unpacked archives' launchers, and a
 * person's session in a pseudo-terminal ({@code script}), against the sample project with the fake mvnw.
 */
class ProcessIT {
    private static final Path JAR = Path.of(System.getProperty("cli.jar"));
    private static final String ARCHIVE_BASE = System.getProperty("cli.archive.base");
    private static final String VERSION = System.getProperty("cli.version");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String ESC = "\u001b[";

    @TempDir
    Path dir;

    SampleProject project;

    @BeforeEach
    void createProject() throws Exception {
        project = SampleProject.create(dir, true);
    }

    record Result(int exitCode, String out, String err) {}

    private Result run(Path workDir, Map<String, String> env, String stdin, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put(GoalCommand.PLAN_IN_MAVEN_ENV, "true"); // the fake mvnw's canned plans
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString()); // the launcher's AppCDS archive
        builder.environment().putAll(env);
        Process process = builder.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = readAll(process.getInputStream());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "process did not end");
        return new Result(process.exitValue(), out, err.get());
    }

    private Result jar(Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(project.root, env, stdin, command);
    }

    private static String readAll(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void jarPrintsItsVersion() throws Exception {
        Result result = jar(Map.of(), "", "--version");

        assertEquals(new Result(0, "llm-proxy " + VERSION + "\n", ""), result);
    }

    @Test
    void pipedStdinWithoutYesRefusesAfterThePreviewWithoutColour() throws Exception {
        Result result = jar(Map.of(), "y\n", "release", "draft");

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("llm-proxy: no terminal to answer \"Create v1.5.0?\""), result::toString);
        assertTrue(result.out().contains("1.4.2 → 1.5.0"), result::toString);
        assertFalse(result.out().contains(ESC) || result.err().contains(ESC), result::toString);
        assertEquals(SampleProject.untouchedState(), project.gitState());
    }

    @Test
    void yesReleasesFromTheJar() throws Exception {
        Result result = jar(Map.of(), "", "release", "draft", "--yes");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("Draft release: https://github.com/example-org/app/releases/tag/untagged-42"), result::toString);
        assertEquals("v1.5.0", SampleProject.run(project.origin, "git", "tag", "-l"));
    }

    @Test
    void missingPomAndMissingMavenAreExitTwo() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.delete(project.root.resolve("mvnw"));
        Map<String, String> noMaven = new HashMap<>(SampleProject.envWithoutMaven(empty));
        noMaven.put("MAVEN_HOME", "");
        noMaven.put("MVNW_REPOURL", "http://127.0.0.1:1/maven2"); // nothing listens there: provisioning fails
        noMaven.put("MAVEN_USER_HOME", dir.resolve("m2").toString());

        Result noPom = run(empty, Map.of(), "", List.of(JAVA, "-jar", JAR.toString(), "release", "draft"));
        Result noMvn = jar(noMaven, "", "release", "draft");

        assertEquals(2, noPom.exitCode(), noPom::toString);
        assertTrue(noPom.err().startsWith("llm-proxy: no pom.xml and no git repository in " + empty), noPom::toString);
        assertEquals(2, noMvn.exitCode(), noMvn::toString);
        assertTrue(noMvn.err().startsWith("llm-proxy: no Maven found"), noMvn::toString);
    }

    /** What a person sees in a terminal: the preview, the question, their answer echoed. */
    private String terminalSession(Map<String, String> env, String answer) throws Exception {
        Map<String, String> full = new HashMap<>(System.getenv());
        full.put(GoalCommand.PLAN_IN_MAVEN_ENV, "true"); // the fake mvnw's canned plans
        full.putAll(env);
        PseudoTerminal.Session session = PseudoTerminal.run(project.root, full,
                "'" + JAVA + "' -jar '" + JAR + "' release draft", () -> { }, answer);
        assertEquals(answer.equals("n") ? 1 : 0, session.exitCode(), session.screen());
        return session.screen();
    }

    @Test
    void personAnswersYesInATerminalWithColour() throws Exception {
        String screen = terminalSession(Map.of("TERM", "xterm"), "y");

        assertAll(
                () -> assertTrue(screen.contains(ESC + "1mCreate v1.5.0?" + ESC + "0m [y/N] y\n"), screen),
                () -> assertTrue(screen.contains("Released v1.5.0"), screen),
                () -> assertTrue(screen.contains("Tag v1.5.0 pushed to origin " + project.origin), screen));
        assertEquals("v1.5.0", SampleProject.run(project.origin, "git", "tag", "-l"));
    }

    @Test
    void personAnswersNoInATerminalWithNoColor() throws Exception {
        String screen = terminalSession(Map.of("TERM", "xterm", "NO_COLOR", "1"), "n");

        assertTrue(screen.contains("Create v1.5.0? [y/N] n\nCancelled: nothing was changed.\n"), screen);
        assertFalse(screen.contains(ESC), screen);
        assertEquals(SampleProject.untouchedState(), project.gitState());
    }

    private Path unpack(String format) throws Exception {
        Path archive = Path.of(ARCHIVE_BASE + "." + format);
        Path target = Files.createDirectories(dir.resolve("unpacked-" + format));
        String tool = format.equals("zip") ? "unzip" : "tar";
        SampleProject.requireProgram(tool);
        if (format.equals("zip")) {
            SampleProject.run(target, "unzip", "-q", archive.toString());
        } else {
            SampleProject.run(target, "tar", "xzf", archive.toString());
        }
        return target.resolve(Path.of(ARCHIVE_BASE).getFileName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tar.gz", "zip"})
    void archivesUnpackAndTheLauncherRuns(String format) throws Exception {
        Path home = unpack(format);

        Result version = run(dir, Map.of(), "", List.of(home.resolve("bin/llm-proxy").toString(), "--version"));

        assertEquals(new Result(0, "llm-proxy " + VERSION + "\n", ""), version);
        for (String file : List.of("lib/llm-proxy.jar", "bin/llm-proxy.cmd", "README.md", "LICENSE", "completion/llm-proxy_completion")) {
            assertTrue(Files.isRegularFile(home.resolve(file)), file);
        }
        assertTrue(Files.readString(home.resolve("LICENSE")).contains("Apache License"));
        assertTrue(Files.readString(home.resolve("bin/llm-proxy.cmd")).contains("\r\n"), "Windows line endings");
    }

    /**
     * The launcher's static AppCDS archive (docs/performance.md): written once by the first run,
     * mapped by the next, with picocli's classes in it (a dynamic archive leaves those out).
     */
    @Test
    void launcherWritesItsClassArchiveOnceAndTheNextRunMapsIt() throws Exception {
        Path launcher = unpack("tar.gz").resolve("bin/llm-proxy");
        Path cache = dir.resolve("cache/llm-proxy");
        Path classes = dir.resolve("classes.txt");

        Result first = run(dir, Map.of(), "", List.of(launcher.toString(), "--version"));
        List<String> written;
        try (var files = Files.list(cache)) {
            written = files.map(f -> f.getFileName().toString()).toList();
        }
        Result second = run(dir, Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + classes), "",
                List.of(launcher.toString(), "--version"));

        assertEquals(new Result(0, "llm-proxy " + VERSION + "\n", ""), first);
        assertEquals(1, written.size(), written::toString);
        assertTrue(written.get(0).matches("llm-proxy-[0-9]+-[0-9]+-java[0-9.]+\\.static\\.jsa"), written::toString);
        assertEquals(new Result(0, "llm-proxy " + VERSION + "\n", ""), second);
        String loaded = Files.readString(classes);
        assertTrue(loaded.contains("picocli.CommandLine source: shared objects file"), loaded);
        assertTrue(loaded.contains("dev.llmproxy.release.cli.LlmProxy source: shared objects file"), loaded);
    }

    @Test
    void launcherWithTheArchiveOffWritesNothing() throws Exception {
        Path launcher = unpack("tar.gz").resolve("bin/llm-proxy");

        Result result = run(dir, Map.of("LLM_PROXY_CDS", "off"), "", List.of(launcher.toString(), "--version"));

        assertEquals(new Result(0, "llm-proxy " + VERSION + "\n", ""), result);
        assertFalse(Files.exists(dir.resolve("cache/llm-proxy")));
    }

    @Test
    void unpackedLauncherReleasesTheSampleProject() throws Exception {
        Path home = unpack("tar.gz");

        Result result = run(project.root, Map.of(), "", List.of(home.resolve("bin/llm-proxy").toString(), "release", "draft", "--yes"));

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("v1.5.0", SampleProject.run(project.origin, "git", "tag", "-l"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"llm-proxy release |draft bump changelog replay", "llm-proxy release draft --bump |auto major minor patch"})
    void completionScriptCompletesCommandsAndValues(String lineAndExpected) throws Exception {
        SampleProject.requireProgram("bash");
        String line = lineAndExpected.substring(0, lineAndExpected.indexOf('|'));
        String expected = lineAndExpected.substring(lineAndExpected.indexOf('|') + 1);
        Path script = unpack("tar.gz").resolve("completion/llm-proxy_completion");
        // compopt only works inside a real completion; stub it as the shell would make it a no-op here
        String bash = "compopt() { :; }; source \"$1\"; COMP_LINE=\"$2\"; read -ra COMP_WORDS <<< \"$2\"; COMP_WORDS+=(\"\");"
                + " COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMP_POINT=${#COMP_LINE}; _complete_llm-proxy llm-proxy;"
                + " echo \"${COMPREPLY[*]}\"";

        Result result = run(dir, Map.of(), "", List.of("bash", "-c", bash, "_", script.toString(), line));

        assertEquals(new Result(0, expected + "\n", ""), result);
    }

    @Test
    void sbomDescribesTheCli() throws Exception {
        Path sbom = JAR.resolveSibling(JAR.getFileName().toString().replace(".jar", ".cdx.json"));
        org.junit.jupiter.api.Assumptions.assumeFalse("offline=true".equals(System.getProperty("cli.maven.mode")) && !Files.exists(sbom),
                "cyclonedx-maven-plugin skips makeBom in offline builds");

        String json = Files.readString(sbom);

        assertTrue(json.contains("\"bomFormat\" : \"CycloneDX\""), json);
        assertTrue(json.contains("pkg:maven/info.picocli/picocli@"), json);
        assertTrue(json.contains("pkg:maven/com.fasterxml.jackson.core/jackson-databind@"), json);
    }
}
