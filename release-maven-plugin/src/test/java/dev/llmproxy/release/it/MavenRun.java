package dev.llmproxy.release.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Maven that runs this build (or another Maven installation, see {@link MavenLine}), as a
 * separate process, on a sample project, with the plugin under test installed in a small "head"
 * local repository and the user's local repository as a read-only tail ({@code
 * maven.repo.local.tail}, Maven 3.9), so no network is needed. A Maven older than 3.9 has no tail:
 * it gets a head of its own and a settings.xml whose only mirror is the user's local repository read
 * as a {@code file://} repository.
 *
 * <p>Needs the system properties that failsafe passes: {@code maven.home}, {@code plugin.jar},
 * {@code plugin.pom}, {@code parent.pom}, {@code project.version}, {@code local.repo}.
 */
public final class MavenRun {
    /** groupId:artifactId:version of the plugin under test. */
    public static final String PLUGIN = "dev.llmproxy:release-maven-plugin:" + property("project.version");

    private static Path headRepository;
    private static Path mirrorHeadRepository;

    private MavenRun() {}

    /** The outcome of one Maven run. */
    public record Result(int exitCode, String output) {
        /** @return the output, for assertion messages */
        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + output;
        }
    }

    /**
     * @param project the sample project directory
     * @param env extra environment variables (e.g. GITHUB_TOKEN for the stand-in)
     * @param args Maven arguments, e.g. {@code PLUGIN + ":bump", "-Drelease.dryRun=true"}
     * @return exit code and combined output
     */
    public static Result run(Path project, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(MavenLine.current(), project, env, args);
    }

    /**
     * @param maven the Maven installation to run
     * @param project the sample project directory
     * @param env extra environment variables (e.g. GITHUB_TOKEN for the stand-in)
     * @param args Maven arguments
     * @return exit code and combined output
     */
    public static Result run(MavenLine maven, Path project, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(maven.executable().toString());
        command.add("-B");
        command.add("-ntp");
        if (maven.readsLocalTail()) {
            command.add("-Dmaven.repo.local=" + head());
            command.add("-Dmaven.repo.local.tail=" + property("local.repo"));
        } else {
            Path head = mirrorHead();
            command.add("-Dmaven.repo.local=" + head);
            command.add("--global-settings=" + head.resolve("settings.xml")); // leaves -s to the test
        }
        command.add("-Dstyle.color=never");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().remove("GITHUB_TOKEN");
        builder.environment().remove("GH_TOKEN");
        builder.environment().remove("GITHUB_API_URL");
        builder.environment().remove("MAVEN_ARGS");
        builder.environment().putAll(env);
        Path log = Files.createTempFile("mvn", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("mvn did not finish in 5 minutes: " + command);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(process.exitValue(), output);
    }

    /** @return the ITs' local repository, holding the plugin under test (and what the samples install) */
    static synchronized Path head() throws IOException {
        if (headRepository == null) {
            headRepository = withPluginUnderTest(Path.of(property("it.repo")));
        }
        return headRepository;
    }

    /**
     * @return a head local repository for Mavens without {@code maven.repo.local.tail}, holding the
     *     plugin under test and a {@code settings.xml} that mirrors every repository to the user's
     *     local repository read as a {@code file://} remote (which keeps no checksums: Maven warns
     *     and goes on)
     */
    private static synchronized Path mirrorHead() throws IOException {
        if (mirrorHeadRepository == null) {
            Path repo = withPluginUnderTest(Path.of(property("it.repo") + "-mirror"));
            Files.writeString(repo.resolve("settings.xml"), """
                    <settings>
                      <mirrors>
                        <mirror>
                          <id>local-repository</id>
                          <mirrorOf>*</mirrorOf>
                          <url>%s</url>
                        </mirror>
                      </mirrors>
                    </settings>
                    """.formatted(Path.of(property("local.repo")).toUri()), StandardCharsets.UTF_8);
            mirrorHeadRepository = repo;
        }
        return mirrorHeadRepository;
    }

    private static Path withPluginUnderTest(Path repo) throws IOException {
        String version = property("project.version");
        install(repo, "release-maven-plugin", version, Path.of(property("plugin.jar")), "jar");
        install(repo, "release-maven-plugin", version, Path.of(property("plugin.pom")), "pom");
        install(repo, "llm-proxy-parent", version, Path.of(property("parent.pom")), "pom");
        return repo;
    }

    private static void install(Path repo, String artifactId, String version, Path file, String extension) throws IOException {
        Path dir = repo.resolve("dev/llmproxy").resolve(artifactId).resolve(version);
        Files.createDirectories(dir);
        Files.copy(file, dir.resolve(artifactId + "-" + version + "." + extension), StandardCopyOption.REPLACE_EXISTING);
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the ITs through Maven (failsafe)");
        }
        return value;
    }
}
