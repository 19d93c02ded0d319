package dev.llmproxy.release.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A Maven project in a temp directory: a git repository with one commit, a bare {@code origin},
 * and the fake {@code mvnw} (src/test/resources/fake-maven/mvnw) with its canned plans.
 */
final class SampleProject {
    static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>org.example</groupId>
              <artifactId>sample</artifactId>
              <version>1.4.2</version>
              <packaging>pom</packaging>
              <modules>
                <module>core</module>
              </modules>
            </project>
            """;

    final Path root;
    final Path origin;

    private SampleProject(Path root, Path origin) {
        this.root = root;
        this.origin = origin;
    }

    /**
     * @param dir an empty directory; the project goes to {@code dir/sample}, origin to {@code dir/origin.git}
     * @param withWrapper whether to install the fake {@code mvnw}
     */
    static SampleProject create(Path dir, boolean withWrapper) throws IOException {
        requireProgram("git");
        Path root = Files.createDirectories(dir.resolve("sample"));
        Path origin = dir.resolve("origin.git");
        Files.writeString(root.resolve("pom.xml"), POM);
        Files.createDirectories(root.resolve("core"));
        Files.writeString(root.resolve("core/pom.xml"), POM.replace("<artifactId>sample", "<artifactId>core")
                .replace("<modules>\n    <module>core</module>\n  </modules>\n", ""));
        Files.writeString(root.resolve(".gitignore"), "target/\n.fake-maven/fail\n");
        for (String name : List.of("plan-dry.json", "plan-real.json", "plan-nothing.json", "notes.md", "failure.txt")) {
            copyResource(name, root.resolve(".fake-maven").resolve(name));
        }
        if (withWrapper) {
            installFakeMaven(root.resolve("mvnw"));
        }
        run(dir, "git", "init", "-q", "--bare", origin.toString());
        run(root, "git", "init", "-q", "-b", "main");
        run(root, "git", "config", "user.email", "dev@example.com");
        run(root, "git", "config", "user.name", "Dev");
        run(root, "git", "add", "-A");
        run(root, "git", "commit", "-q", "-m", "feat: first");
        run(root, "git", "remote", "add", "origin", origin.toString());
        run(root, "git", "push", "-q", "origin", "main");
        return new SampleProject(root, origin);
    }

    /** Copies the fake Maven script to {@code target} (e.g. a {@code bin/mvn}) as an executable. */
    static void installFakeMaven(Path target) throws IOException {
        copyResource("mvnw", target);
        target.toFile().setExecutable(true);
    }

    /** Makes the next fake Maven run answer "nothing to release". */
    void nothingToRelease() throws IOException {
        Files.copy(root.resolve(".fake-maven/plan-nothing.json"), root.resolve(".fake-maven/plan-dry.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        run(root, "git", "commit", "-q", "-am", "test: nothing to release");
    }

    /** Replaces {@code from} with {@code to} in the dry run's canned plan (committed, so the tree stays clean). */
    void editDryPlan(String from, String to) throws IOException {
        Path plan = root.resolve(".fake-maven/plan-dry.json");
        String json = Files.readString(plan);
        assertEquals(true, json.contains(from), () -> "plan-dry.json has no " + from);
        Files.writeString(plan, json.replace(from, to));
        run(root, "git", "commit", "-q", "-am", "test: edit the dry run's plan");
    }

    /** Makes the fake Maven fail with Maven's usual output. */
    void failing() throws IOException {
        Files.copy(root.resolve(".fake-maven/failure.txt"), root.resolve(".fake-maven/fail"));
    }

    /** @return the argument lines the fake Maven was called with, in order */
    List<String> mavenCalls() throws IOException {
        Path calls = root.resolve("target/fake-maven-calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    /** @return tags in the local repository and in origin, and uncommitted changes */
    String gitState() {
        return "local tags: " + run(root, "git", "tag", "-l")
                + "; origin tags: " + run(origin, "git", "tag", "-l")
                + "; changes: " + run(root, "git", "status", "--porcelain");
    }

    static String untouchedState() {
        return "local tags: ; origin tags: ; changes: ";
    }

    static String run(Path dir, String... command) {
        try {
            // output to a file, then a bounded wait: a hung child fails the test instead of blocking the build
            Path log = Files.createTempFile("sample-run", ".txt");
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within 60 s");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8).strip();
            Files.delete(log);
            assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed: " + output);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails naming the program when {@code CI=true}, skips the test otherwise. */
    static void requireProgram(String program) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            found |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, program));
        }
        if (!found && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(program + " is required for this test: install it (apt-get install " + program + ")");
        }
        Assumptions.assumeTrue(found, program + " is not installed");
    }

    /** @return an environment with only a PATH of directories that have no mvn */
    static Map<String, String> envWithoutMaven(Path emptyDir) {
        List<String> path = new ArrayList<>();
        path.add(emptyDir.toString());
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && !Files.exists(Path.of(dir, "mvn"))) {
                path.add(dir);
            }
        }
        return Map.of("PATH", String.join(java.io.File.pathSeparator, path));
    }

    private static void copyResource(String name, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = SampleProject.class.getResourceAsStream("/fake-maven/" + name)) {
            Files.copy(in, target);
        }
    }
}
