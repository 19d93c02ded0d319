package dev.llmproxy.release.image;

import dev.llmproxy.release.testsupport.TestBaseImage;
import dev.llmproxy.release.testsupport.Tar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jib:buildTar} of the CLI from a local base archive: the image's contents, no registry. */
class JibTarTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String REVISION = "0123456789abcdef0123456789abcdef01234567";
    static final String CREATED = "2026-11-30T10:15:30Z";

    @TempDir
    static Path dir;

    private static JsonNode config;
    private static Path rootfs;

    @BeforeAll
    static void buildTar() throws Exception {
        Path base = TestBaseImage.writeDockerArchive(dir);
        Path image = dir.resolve("image.tar");
        MavenRun.Result run = MavenRun.llmProxyCli(dir.resolve("mvn.log"), Map.of(), List.of(
                "initialize", // git-commit-id-maven-plugin reads the commit and origin (profile image-labels-from-git)
                "jib:buildTar",
                "-Djib.from.image=tar://" + base,
                "-Djib.from.platforms=linux/amd64",
                "-Djib.outputPaths.tar=" + image,
                "-Djib.to.image=ghcr.io/example-org/app:1.4.0",
                "-Dimage.version=1.4.0",
                // no image.revision, no image.source: an image built anywhere takes them from git
                "-Dimage.created=" + CREATED));
        assertEquals(0, run.exitCode(), run.tail());

        Path unpacked = Files.createDirectories(dir.resolve("image"));
        Tar.extract(image, unpacked);
        JsonNode manifest = JSON.readTree(unpacked.resolve("manifest.json").toFile()).get(0);
        config = JSON.readTree(unpacked.resolve(manifest.get("Config").asText()).toFile());
        rootfs = Files.createDirectories(dir.resolve("rootfs"));
        for (JsonNode layer : manifest.get("Layers")) {
            Tar.extract(unpacked.resolve(layer.asText()), rootfs);
        }
    }

    @Test
    void entrypointUserAndWorkingDirectory() {
        JsonNode container = config.get("config");

        assertEquals("[\"/usr/local/bin/llm-proxy\"]", container.get("Entrypoint").toString());
        assertEquals("65532:65532", container.get("User").asText());
        assertEquals("/workspace", container.get("WorkingDir").asText());
    }

    @Test
    void ociLabelsAndCreationTimeComeFromTheCommit() throws Exception {
        JsonNode labels = config.get("config").get("Labels");

        String source = ImageLabelsFromGitTest.expectedSource(git("remote", "get-url", "origin").orElse("Unknown"));
        assertEquals(source, labels.get("org.opencontainers.image.source").asText());
        assertEquals("1.4.0", labels.get("org.opencontainers.image.version").asText());
        String revision = labels.get("org.opencontainers.image.revision").asText();
        if (Files.isDirectory(MavenRun.ROOT.resolve(".git"))) {
            assertEquals(git("rev-parse", "HEAD").orElseThrow(), revision);
        } else {
            // a linked worktree: git-commit-id-maven-plugin reads the main checkout's HEAD (docs/install.md)
            assertTrue(revision.matches("[0-9a-f]{40}"), revision);
        }
        assertEquals(CREATED, labels.get("org.opencontainers.image.created").asText());
        assertEquals("llm-proxy", labels.get("org.opencontainers.image.title").asText());
        assertEquals("Apache-2.0", labels.get("org.opencontainers.image.licenses").asText());
        assertEquals(source, labels.get("org.opencontainers.image.url").asText());
        assertTrue(labels.get("org.opencontainers.image.description").asText().startsWith("The llm-proxy command"), labels.toString());
        assertEquals(CREATED, config.get("created").asText());
    }

    /** @return the first line git prints in the reactor root, or empty when git fails (no origin) */
    private static java.util.Optional<String> git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", MavenRun.ROOT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return process.waitFor() == 0 && !out.isEmpty() ? java.util.Optional.of(out.lines().findFirst().orElseThrow())
                : java.util.Optional.empty();
    }

    @Test
    void launcherIsExecutableAndRunsTheCliFromTheImageLayout() throws Exception {
        Path launcher = rootfs.resolve("usr/local/bin/llm-proxy");
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(launcher)));

        // Run the launcher with the host's java, the image's /app mapped onto the unpacked layers.
        Path fakeBin = Files.createDirectories(dir.resolve("bin"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path classpath = dir.resolve("classpath");
        Files.writeString(classpath, Files.readString(rootfs.resolve("app/jib-classpath-file")).replace("/app/", rootfs.resolve("app") + "/"));
        Files.writeString(fakeBin.resolve("java"), "#!/bin/sh\n"
                + "for a; do shift; [ \"$a\" = @/app/jib-classpath-file ] && a=@" + classpath + "; set -- \"$@\" \"$a\"; done\n"
                + "exec " + java + " \"$@\"\n");
        Files.setPosixFilePermissions(fakeBin.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        var builder = new ProcessBuilder("/bin/sh", launcher.toString(), "--version").redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile());
        builder.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        assertEquals(0, process.waitFor(), Files.readString(dir.resolve("run.log")));

        assertEquals("llm-proxy 0.1.0-SNAPSHOT", Files.readString(dir.resolve("run.log")).strip());
    }

    @Test
    void classesAndDependenciesAreSeparateLayersWithFixedTimestamps() throws Exception {
        assertTrue(Files.isRegularFile(rootfs.resolve("app/classes/dev/llmproxy/release/cli/LlmProxy.class")));
        try (Stream<Path> libs = Files.list(rootfs.resolve("app/libs"))) {
            assertTrue(libs.anyMatch(lib -> lib.getFileName().toString().startsWith("picocli-")));
        }
        assertEquals(1000L, Files.getLastModifiedTime(rootfs.resolve("usr/local/bin/llm-proxy")).toMillis());
        assertTrue(Files.readString(rootfs.resolve("etc/image-tests-base"), StandardCharsets.UTF_8).contains("linux/amd64"));
    }
}
