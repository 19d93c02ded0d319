package dev.llmproxy.release.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A GitHub token encrypted in settings.xml the way Maven documents it (issue 13 item 5): a master
 * password made with {@code mvn --encrypt-master-password} in a real settings-security.xml, the token
 * made with {@code mvn --encrypt-password}, no {@code GITHUB_TOKEN}; the goal decrypts it with Maven's
 * own settings decrypter, on the oldest supported Maven and on the current one, and the GitHub stand-in
 * (which accepts only the plain token) gets the release.
 */
class EncryptedTokenIT {
    private static final String MASTER = "master password of the IT";

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    /** settings-security.xml with {@link #MASTER}, and the token encrypted under it: made once, by the current Maven. */
    private static Path security;
    private static String encryptedToken;

    @BeforeAll
    static void encryptTheTokenOnce() throws Exception {
        security = settingsSecurity(shared, MASTER);
        encryptedToken = encrypt(shared, security, DraftScenario.TOKEN);
        assertTrue(encryptedToken.matches("\\{[A-Za-z0-9+/=]+\\}") && !encryptedToken.contains(DraftScenario.TOKEN), encryptedToken);
    }

    static Stream<MavenLine> oldestAndCurrent() {
        List<MavenLine> lines = MavenLine.supported();
        return Stream.of(lines.get(0), lines.get(lines.size() - 1));
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("oldestAndCurrent")
    void anEncryptedTokenInSettingsXmlReachesGitHubDecrypted(MavenLine maven) throws Exception {
        assertTrue(maven.present(), "no Maven in " + maven.home() + ": run the ITs through Maven (see MavenLinesIT)");
        Path settings = settingsWithGitHubPassword(encryptedToken);

        try (DraftScenario scenario = new DraftScenario(dir, DraftScenario.POM)) {
            List<String> args = new ArrayList<>(List.of(scenario.args(MavenRun.PLUGIN + ":draft")));
            args.addAll(List.of("--settings=" + settings, "-Dsettings.security=" + security));
            MavenRun.Result result = MavenRun.run(maven, scenario.dir(), envWithoutToken(), args.toArray(String[]::new));

            assertEquals(0, result.exitCode(), result::toString);
            assertFalse(result.output().contains(encryptedToken), "the encrypted token is not logged either");
            scenario.assertReleased(result);
        }
    }

    @Test
    void aTokenEncryptedWithAnotherMasterPasswordIsAOneLineRefusalBeforeAnythingIsWritten() throws Exception {
        Path settings = settingsWithGitHubPassword(encrypt(dir, settingsSecurity(dir, "another master password"), DraftScenario.TOKEN));

        try (DraftScenario scenario = new DraftScenario(dir, DraftScenario.POM)) {
            String head = scenario.repo.sha("HEAD");
            List<String> args = new ArrayList<>(List.of(scenario.args(MavenRun.PLUGIN + ":draft")));
            args.addAll(List.of("--settings=" + settings, "-Dsettings.security=" + security));
            MavenRun.Result result = MavenRun.run(scenario.dir(), envWithoutToken(), args.toArray(String[]::new));

            assertEquals(1, result.exitCode(), result::toString);
            assertTrue(result.output().contains("the password of settings.xml server 'github' cannot be decrypted ("),
                    result::toString);
            assertTrue(result.output().contains("): check the master password in ~/.m2/settings-security.xml"
                    + " (mvn --encrypt-master-password, or -Dsettings.security=FILE), or set GITHUB_TOKEN"), result::toString);
            assertFalse(result.output().contains(DraftScenario.TOKEN));
            assertEquals(head, scenario.repo.sha("HEAD"), "no release commit");
            assertEquals("v1.4.0", scenario.repo.git("tag", "-l"), "no tag");
            assertEquals(List.of(), scenario.github.releases());
        }
    }

    private Map<String, String> envWithoutToken() {
        Map<String, String> env = new HashMap<>();
        dev.llmproxy.release.git.TestRepos.isolate(env);
        return env;
    }

    /** @return a settings-security.xml holding {@code master} encrypted by {@code mvn --encrypt-master-password} */
    private static Path settingsSecurity(Path dir, String master) throws IOException, InterruptedException {
        String encryptedMaster = mvnEncrypt(dir, "--encrypt-master-password", master);
        Path file = Files.createTempFile(dir, "settings-security", ".xml");
        Files.writeString(file, "<settingsSecurity>\n  <master>" + encryptedMaster + "</master>\n</settingsSecurity>\n",
                StandardCharsets.UTF_8);
        return file;
    }

    private static String encrypt(Path dir, Path security, String password) throws IOException, InterruptedException {
        return mvnEncrypt(dir, "-Dsettings.security=" + security, "--encrypt-password", password);
    }

    private Path settingsWithGitHubPassword(String password) throws IOException {
        Path file = Files.createTempFile(dir, "settings", ".xml");
        Files.writeString(file, """
                <settings>
                  <servers>
                    <server>
                      <id>github</id>
                      <password>%s</password>
                    </server>
                  </servers>
                </settings>
                """.formatted(password), StandardCharsets.UTF_8);
        return file;
    }

    /** @return the {@code {...}} line that the current Maven prints for the encryption arguments */
    private static String mvnEncrypt(Path dir, String... args) throws IOException, InterruptedException {
        MavenRun.Result result = MavenRun.run(dir, Map.of(), args);
        assertEquals(0, result.exitCode(), result::toString);
        return result.output().lines().map(String::strip).filter(line -> line.matches("\\{.+\\}"))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError(result.toString()));
    }
}
