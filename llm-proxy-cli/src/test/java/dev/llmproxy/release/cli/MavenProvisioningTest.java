package dev.llmproxy.release.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any Maven, or none (issue 11 item 2): a project without a wrapper whose only Maven is missing or
 * older than 3.6.3 gets the pinned Maven, downloaded the way the wrapper does (here from a
 * repository on 127.0.0.1 named by {@code MVNW_REPOURL}, holding the real distribution), checked
 * against the pinned SHA-256, and unpacked into the wrapper's cache, where this repository's own
 * {@code mvnw} finds it without downloading again.
 */
class MavenProvisioningTest {
    /** Copied from the local repository by the pom (maven-dependency-plugin, execution provisioned-maven). */
    private static final Path DISTRIBUTION = Path.of("target/maven-distribution/apache-maven-3.9.16-bin.zip");
    private static final String DISTRIBUTION_PATH = "/maven2/org/apache/maven/apache-maven/3.9.16/apache-maven-3.9.16-bin.zip";

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger downloads = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Serves {@code body} at the distribution's path; @return the environment that points the CLI there */
    private Map<String, String> repositoryServing(byte[] body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/maven2/", exchange -> {
            boolean known = exchange.getRequestURI().getPath().equals(DISTRIBUTION_PATH);
            if (known) {
                downloads.incrementAndGet();
            }
            exchange.sendResponseHeaders(known ? 200 : 404, known ? body.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                if (known) {
                    out.write(body);
                }
            }
        });
        server.start();
        Map<String, String> env = new HashMap<>(SampleProject.envWithoutMaven(Files.createDirectories(dir.resolve("empty-bin"))));
        env.put("MVNW_REPOURL", "http://127.0.0.1:" + server.getAddress().getPort() + "/maven2");
        env.put("MAVEN_USER_HOME", dir.resolve("m2").toString());
        return env;
    }

    @Test
    void noMavenAtAllProvisionsThePinnedMavenIntoTheWrappersCacheOnceAndSaysSoInOneLine() throws Exception {
        SampleProject project = SampleProject.create(dir, false);
        Map<String, String> env = repositoryServing(Files.readAllBytes(DISTRIBUTION));
        List<String> notices = new ArrayList<>();

        MavenProject located = MavenProject.locate(project.root, env, notices::add);

        String url = env.get("MVNW_REPOURL") + "/org/apache/maven/apache-maven/3.9.16/apache-maven-3.9.16-bin.zip";
        Path home = dir.resolve("m2/wrapper/dists/apache-maven-3.9.16").resolve(Integer.toHexString(url.hashCode()));
        assertEquals(home.resolve("bin/mvn"), located.maven());
        assertEquals(List.of("no Maven found: using Maven 3.9.16 in " + home
                + " (provisioned like the Maven wrapper from " + url + ", SHA-256 checked)"), notices);
        assertEquals(1, downloads.get());
        assertEquals(Optional.of("3.9.16"), MavenInstallation.version(located.maven()));
        assertTrue(run(env, located.maven().toString(), "-v").contains("Apache Maven 3.9.16"));

        // the wrapper's own script finds the same installation: no second download
        String wrapper = run(env, Path.of("../mvnw").toAbsolutePath().normalize().toString(), "-v");
        assertTrue(wrapper.contains("Maven home: " + home), wrapper);
        assertEquals(1, downloads.get());
        // and so does the CLI, the next time
        assertEquals(home.resolve("bin/mvn"), MavenProject.locate(project.root, env, notices::add).maven());
        assertEquals(1, downloads.get());
    }

    @Test
    void anOldMvnFirstOnPathIsPassedOverForTheProvisionedMaven() throws Exception {
        SampleProject project = SampleProject.create(dir, false);
        Path old = fakeMavenHome(dir.resolve("maven-3.5.4"), "3.5.4");
        Map<String, String> env = repositoryServing(Files.readAllBytes(DISTRIBUTION));
        env.put("PATH", old.resolve("bin") + java.io.File.pathSeparator + env.get("PATH"));
        List<String> notices = new ArrayList<>();

        MavenProject located = MavenProject.locate(project.root, env, notices::add);

        assertEquals(Optional.of("3.5.4"), MavenInstallation.version(old.resolve("bin/mvn")));
        assertTrue(located.maven().startsWith(dir.resolve("m2/wrapper/dists/apache-maven-3.9.16")), located::toString);
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).startsWith(old.resolve("bin/mvn") + " is Maven 3.5.4, older than 3.6.3: using Maven 3.9.16 in "),
                notices::toString);
    }

    @Test
    void aSupportedMvnOnPathIsUsedAsItIs() throws Exception {
        SampleProject project = SampleProject.create(dir, false);
        Path supported = fakeMavenHome(dir.resolve("maven-3.6.3"), "3.6.3");
        Map<String, String> env = repositoryServing(new byte[0]);
        env.put("PATH", supported.resolve("bin") + java.io.File.pathSeparator + env.get("PATH"));
        List<String> notices = new ArrayList<>();

        assertEquals(supported.resolve("bin/mvn"), MavenProject.locate(project.root, env, notices::add).maven());
        assertEquals(List.of(), notices);
        assertEquals(0, downloads.get());
    }

    @Test
    void aDistributionWithTheWrongChecksumIsRefusedAndNothingIsLeftInTheCache() throws Exception {
        SampleProject project = SampleProject.create(dir, false);
        byte[] tampered = Files.readAllBytes(DISTRIBUTION);
        tampered[tampered.length / 2] ^= 1;
        Map<String, String> env = repositoryServing(tampered);

        CliException refused = assertThrows(CliException.class, () -> MavenProject.locate(project.root, env, notice -> { }));

        assertEquals(CliException.USAGE, refused.exitCode());
        String url = env.get("MVNW_REPOURL") + "/org/apache/maven/apache-maven/3.9.16/apache-maven-3.9.16-bin.zip";
        assertEquals("no Maven found and Maven 3.9.16 could not be provisioned (the checksum of " + url + " is SHA-256 "
                + sha256(tampered) + ", not the pinned " + MavenDistribution.PINNED.sha256()
                + ": the download is refused (a wrong MVNW_REPOURL, or a tampered file)): add the Maven wrapper (mvnw) to "
                + project.root + ", put Maven 3.6.3+ on PATH or set MAVEN_HOME"
                + " (MVNW_REPOURL names a Maven repository mirror to download from)", refused.getMessage());
        try (Stream<Path> left = Files.list(dir.resolve("m2/wrapper/dists/apache-maven-3.9.16"))) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void thePinnedVersionIsTheOneThisRepositorysWrapperUses() throws Exception {
        Properties wrapper = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("../.mvn/wrapper/maven-wrapper.properties"))) {
            wrapper.load(in);
        }
        assertTrue(wrapper.getProperty("distributionUrl").endsWith("/apache-maven-" + MavenDistribution.PINNED.version() + "-bin.zip"));
        assertEquals(sha256(Files.readAllBytes(DISTRIBUTION)), MavenDistribution.PINNED.sha256());
    }

    @Test
    void theVersionOfDebiansMavenIsReadThroughItsLinks() {
        Path debian = Path.of("/usr/bin/mvn");
        Assumptions.assumeTrue(Files.isExecutable(debian), "no Debian maven package on this machine");
        Optional<String> version = MavenInstallation.version(debian);
        assertTrue(version.isPresent() && version.get().matches("3\\.[0-9]+\\.[0-9]+"), version::toString);
    }

    @Test
    void mavenArgsAreGivenAsArgumentsToAMavenOlderThan39() throws Exception {
        SampleProject project = SampleProject.create(dir, false);
        Path home = fakeMavenHome(dir.resolve("maven-3.8.8"), "3.8.8");
        Files.delete(home.resolve("bin/mvn"));
        SampleProject.installFakeMaven(home.resolve("bin/mvn"));
        Map<String, String> env = new HashMap<>(SampleProject.envWithoutMaven(home.resolve("bin")));
        env.put("MAVEN_ARGS", " -o  -Dmaven.repo.local=/tmp/r ");

        // the preview plans in-process; --plan-in-maven makes it run the goal, whose arguments are checked here
        InProcess run = InProcess.run(project.root, env, null, false, false, "release", "draft", "--dry-run",
                "--plan-in-maven");

        assertEquals(0, run.exitCode, run::toString);
        assertTrue(project.mavenCalls().get(0).startsWith("-B -ntp -o -Dmaven.repo.local=/tmp/r "), project.mavenCalls()::toString);
    }

    @Test
    void versionsCompareByTheirNumbers() {
        assertTrue(MavenInstallation.atLeast("3.6.3", "3.6.3"));
        assertTrue(MavenInstallation.atLeast("3.10.0", "3.9.0"));
        assertTrue(MavenInstallation.atLeast("4.0.0-rc-4", "3.9.0"));
        assertFalse(MavenInstallation.atLeast("3.6.2", "3.6.3"));
        assertFalse(MavenInstallation.atLeast("3.8.8", "3.9.0"));
        assertFalse(MavenInstallation.atLeast("2.2.1", "3.6.3"));
    }

    /** A Maven home with a {@code bin/mvn} script that fails and a {@code lib/maven-core-<v>.jar} naming {@code version}. */
    private static Path fakeMavenHome(Path home, String version) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Path mvn = home.resolve("bin/mvn");
        Files.writeString(mvn, "#!/bin/sh\necho 'this Maven must not run' >&2\nexit 3\n");
        mvn.toFile().setExecutable(true);
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(home.resolve("lib/maven-core-" + version + ".jar")))) {
            jar.putNextEntry(new JarEntry("META-INF/maven/org.apache.maven/maven-core/pom.properties"));
            jar.write(("groupId=org.apache.maven\nartifactId=maven-core\nversion=" + version + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return home;
    }

    /** Runs {@code command} with its output in a file and a bounded wait; @return the output */
    private String run(Map<String, String> env, String... command) throws Exception {
        Path log = Files.createTempFile(dir, "run", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("MAVEN_ARGS");
        builder.environment().putAll(env);
        builder.environment().put("PATH", System.getenv("PATH")); // the scripts need uname, java, ...
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish in 2 minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
