package dev.llmproxy.release.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishable to Maven Central (issue 13 item 4): a copy of this repository's sources, at a release
 * version, is deployed by {@code mvn -Prelease deploy} to a local file repository
 * ({@code -DaltDeploymentRepository}; without {@code CENTRAL_USERNAME} the Central Portal upload is off) with a throwaway key
 * made by gpg in the test and handed over as {@code MAVEN_GPG_KEY}/{@code MAVEN_GPG_PASSPHRASE}.
 * Then exactly the parent, the plugin and the CLI are there, each file with its {@code .asc} (verified
 * by gpg against the throwaway public key), {@code .md5} and {@code .sha1}, the jars with sources and
 * javadoc jars, and every POM passes {@link CentralPomRules}.
 */
class CentralDeployTest {
    private static final String PASSPHRASE = "throwaway passphrase";
    private static final String KEY_USER = "Release Test <release-test@example.invalid>";
    private static final String RELEASE = "9.8.7";
    private static final Pattern PROJECT_VERSION =
            Pattern.compile("<artifactId>llm-proxy-parent</artifactId>\\s*<version>([^<]+)</version>");

    @TempDir
    static Path dir;

    private static Path gnupg;
    private static Path repository;

    @BeforeAll
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    static void deployWithAThrowawayKey() throws Exception {
        Project.requireProgram("gpg", "install gnupg (apt-get install gnupg)");
        Project.requireProgram("git", "install git");
        gnupg = Files.createDirectory(dir.resolve("gnupg"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        gpg("--quick-gen-key", KEY_USER, "rsa3072", "sign", "never");
        String secretKey = gpg("--armor", "--export-secret-keys", "release-test@example.invalid").stdout();
        assertTrue(secretKey.startsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----"), "an armored secret key");

        Path sources = copyAtReleaseVersion(Project.root(), dir.resolve("src"));
        repository = dir.resolve("repository");
        List<String> command = new ArrayList<>(List.of(sources.resolve("mvnw").toString(), "-B", "-ntp", "-Prelease", "deploy",
                "-pl", ".,release-maven-plugin,llm-proxy-cli", "-am", "-Dmaven.test.skip=true", "-DskipImageConfig",
                "-DaltDeploymentRepository=local::" + repository.toUri(),
                "-Dmaven.repo.local=" + dir.resolve("m2"),
                "-Dmaven.repo.local.tail=" + System.getProperty("maven.repo.local.real", System.getProperty("user.home") + "/.m2/repository")));
        // never -o: maven-deploy-plugin refuses to deploy offline, even to a file repository; the
        // tail holds every plugin and dependency, so nothing is downloaded
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("MAVEN_ARGS");
        env.remove("CENTRAL_USERNAME"); // the profile central (the Portal upload) stays off
        env.put("MAVEN_GPG_KEY", secretKey);
        env.put("MAVEN_GPG_PASSPHRASE", PASSPHRASE);
        Processes.Result deploy = Processes.run(command, sources, env);
        assertEquals(0, deploy.exitCode(), () -> tail(deploy.output()));
        assertTrue(!deploy.output().contains(PASSPHRASE) && !deploy.output().contains(secretKey.lines().skip(2).findFirst().orElseThrow()),
                "neither the key nor its passphrase is printed");
    }

    @Test
    void exactlyTheParentThePluginAndTheCliArePublishedWithSourcesAndJavadoc() throws Exception {
        assertEquals(List.of(
                "llm-proxy-cli-" + RELEASE + "-javadoc.jar", "llm-proxy-cli-" + RELEASE + "-sources.jar",
                "llm-proxy-cli-" + RELEASE + ".jar", "llm-proxy-cli-" + RELEASE + ".pom",
                "llm-proxy-parent-" + RELEASE + ".pom",
                "release-maven-plugin-" + RELEASE + "-javadoc.jar", "release-maven-plugin-" + RELEASE + "-sources.jar",
                "release-maven-plugin-" + RELEASE + ".jar", "release-maven-plugin-" + RELEASE + ".pom"),
                artifacts().stream().map(path -> path.getFileName().toString()).sorted().toList());
    }

    @Test
    void everyArtifactHasAGoodSignatureAndMatchingChecksums() throws Exception {
        for (Path artifact : artifacts()) {
            byte[] bytes = Files.readAllBytes(artifact);
            assertEquals(hex("MD5", bytes), Files.readString(sibling(artifact, ".md5")).strip(), artifact + ".md5");
            assertEquals(hex("SHA-1", bytes), Files.readString(sibling(artifact, ".sha1")).strip(), artifact + ".sha1");
            Processes.Result verify = gpg("--verify", sibling(artifact, ".asc").toString(), artifact.toString());
            assertTrue(verify.stderr().contains("Good signature from \"" + KEY_USER + "\""), verify::output);
        }
    }

    @Test
    void aTamperedArtifactFailsTheSignatureCheck() throws Exception {
        Path jar = artifacts().stream().filter(path -> path.toString().endsWith(RELEASE + ".jar")).findFirst().orElseThrow();
        Path tampered = dir.resolve("tampered.jar");
        Files.copy(jar, tampered, StandardCopyOption.REPLACE_EXISTING);
        Files.write(tampered, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        Processes.Result verify = Processes.run(List.of("gpg", "--homedir", gnupg.toString(), "--batch", "--verify",
                sibling(jar, ".asc").toString(), tampered.toString()), dir, null);
        assertEquals(1, verify.exitCode(), verify::output);
        assertTrue(verify.stderr().contains("BAD signature"), verify::output);
    }

    @Test
    void everyPomPassesCentralsRules() throws Exception {
        for (Path pom : artifacts().stream().filter(path -> path.toString().endsWith(".pom")).toList()) {
            assertEquals(List.of(), CentralPomRules.violations(pom, repository), pom::toString);
        }
    }

    @Test
    void theRulesRejectAPomWithoutScmConnectionsOrDevelopers() throws Exception {
        Path pom = dir.resolve("bad/org/example/bad/1.0.0/bad-1.0.0.pom");
        Files.createDirectories(pom.getParent());
        Files.writeString(pom, """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.example</groupId>
                  <artifactId>bad</artifactId>
                  <version>1.0.0-SNAPSHOT</version>
                  <name>bad</name>
                  <url>https://example.org/bad</url>
                  <licenses><license><name>MIT</name></license></licenses>
                  <scm><url>https://example.org/bad</url></scm>
                </project>
                """);
        assertEquals(List.of("missing a release version (not -SNAPSHOT)", "missing description",
                "missing licenses/license with name and url", "missing developers/developer with a name",
                "missing scm/connection", "missing scm/developerConnection"),
                CentralPomRules.violations(pom, dir.resolve("bad")));
    }

    /** @return the deployed files that are neither signatures, checksums nor repository metadata */
    private static List<Path> artifacts() throws IOException {
        try (Stream<Path> files = Files.walk(repository)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().matches(".*\\.(asc|md5|sha1|sha256|sha512)$|maven-metadata\\.xml"))
                    .sorted().toList();
        }
    }

    private static Path sibling(Path artifact, String suffix) {
        Path file = artifact.resolveSibling(artifact.getFileName() + suffix);
        assertTrue(Files.isRegularFile(file), "missing " + file);
        return file;
    }

    /** Copies the files git tracks or would track (as they are in the work tree) and sets the release version in every pom. */
    private static Path copyAtReleaseVersion(Path root, Path target) throws IOException {
        Processes.Result tracked = Processes.check(List.of("git", "-C", root.toString(), "ls-files", "-z", "--cached", "--others", "--exclude-standard"), root);
        for (String name : new TreeSet<>(List.of(tracked.stdout().split("\0")))) {
            Path from = root.resolve(name);
            if (name.isEmpty() || !Files.isRegularFile(from)) {
                continue;
            }
            Path to = target.resolve(name);
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
        String parent = Files.readString(target.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher version = PROJECT_VERSION.matcher(parent);
        assertTrue(version.find(), "the parent pom's version");
        String snapshot = version.group(1);
        try (Stream<Path> poms = Files.walk(target)) {
            for (Path pom : poms.filter(path -> path.getFileName().toString().equals("pom.xml")).toList()) {
                Files.writeString(pom, Files.readString(pom, StandardCharsets.UTF_8)
                        .replace("<version>" + snapshot + "</version>", "<version>" + RELEASE + "</version>"), StandardCharsets.UTF_8);
            }
        }
        return target;
    }

    private static Processes.Result gpg(String... args) {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", gnupg.toString(), "--batch",
                "--pinentry-mode", "loopback", "--passphrase", PASSPHRASE));
        command.addAll(List.of(args));
        return Processes.check(command, dir);
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
