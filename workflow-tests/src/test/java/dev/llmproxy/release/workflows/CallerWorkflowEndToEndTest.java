package dev.llmproxy.release.workflows;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmproxy.release.standin.GitHubStandIn;
import dev.llmproxy.release.testsupport.LocalRegistry;
import dev.llmproxy.release.testsupport.TestBaseImage;
import dev.llmproxy.release.workflows.JobRunner.JobResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * END-TO-END, SLOW (one to three minutes: five real Maven runs on a small project, among them jib:build and release:draft). Another
 * repository releases through the reusable workflow from a caller's seat: a small Maven project with a Jib module
 * {@code app} whose poms hold no credential configuration, and whose {@code .github/workflows/release.yml} is the
 * "Complete example" of {@code docs/release.md} itself ({@link DocsCallerExample}). Its {@code with:} and
 * {@code secrets:} are passed as written (only {@code image-registry} points at the local registry and
 * {@code plugin-version} at this build's plugin); the verify, image and release jobs run step by step on an imitated
 * runner ({@link RunnerSandbox#ofCallerProject}) against a {@code docker-registry} that requires a login (htpasswd)
 * and the {@link GitHubStandIn}; a dependency comes from a {@link PrivateMavenRepository} whose login is in the
 * {@code secrets:} of the example. What only a test needs (local repositories, plain-HTTP registry, base image) is in the
 * project's {@code .mvn/maven.config}.
 */
@Tag("end-to-end")
class CallerWorkflowEndToEndTest {
    private static final String ACTOR = "release-bot";
    private static final String VERSION = "1.0.0";
    private static final String TAG = "v" + VERSION;
    private static final Map<String, String> CALLER_SECRETS = Map.of(
            "MAVEN_REPOSITORY_USERNAME", "reader", "MAVEN_REPOSITORY_PASSWORD", "repository-secret-0123");
    /** What a pom would need to log Jib in by itself: none of it may appear in the caller's poms. */
    private static final List<String> CREDENTIAL_CONFIGURATION = List.of("<auth>", "jib.to.auth", "jib.from.auth", "<server",
            "credHelper", "password", "GITHUB_TOKEN");

    @TempDir
    Path temp;

    @Test
    void theDocumentedCallerReleasesWithAnImageOnARegistryThatRequiresALogin() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(Files.createDirectories(temp.resolve("registry")), ACTOR, RunnerSandbox.TOKEN);
             GitHubStandIn github = GitHubStandIn.start(RunnerSandbox.REPOSITORY, RunnerSandbox.TOKEN);
             PrivateMavenRepository privateRepository = PrivateMavenRepository.start(Files.createDirectories(temp.resolve("private")),
                     CALLER_SECRETS.get("MAVEN_REPOSITORY_USERNAME"), CALLER_SECRETS.get("MAVEN_REPOSITORY_PASSWORD"))) {
            assertEquals(401, anonymousStatus(registry), "the registry must refuse pushes without a login");
            String base = TestBaseImage.pushMultiPlatform(registry, "test/base");
            privateRepository.putJar("com.example.private", "private-lib", "1.0.0");
            Map<String, String> files = callerProject(base, privateRepository.url());
            for (Map.Entry<String, String> file : files.entrySet()) {
                if (file.getKey().endsWith("pom.xml")) {
                    CREDENTIAL_CONFIGURATION.forEach(text -> assertFalse(file.getValue().contains(text), file.getKey() + " holds " + text));
                }
            }
            RunnerSandbox sandbox = RunnerSandbox.ofCallerProject(temp.resolve("runner"), files, "v0.9.0", VERSION);
            sandbox.environment.put("GITHUB_API_URL", github.apiUrl().toString());
            sandbox.environment.put("MAVEN_USER_HOME", OuterMaven.userHome().toString());
            String pluginVersion = installReleasePlugin(sandbox);
            JsonNode caller = DocsCallerExample.workflow().path("jobs").path("release");
            assertTrue(caller.path("uses").asText().matches("[^/]+/[^/]+/\\.github/workflows/release-reusable\\.yml@.+"), caller.toString());
            Map<String, Object> inputs = callerInputs(caller);
            inputs.put("image-registry", registry.host());
            inputs.put("plugin-version", pluginVersion);
            sandbox.secrets.putAll(callerSecrets(caller));

            String ref = "refs/tags/" + TAG;
            JobResult verify = sandbox.runJob("release-reusable.yml", "verify", ref, inputs, sandbox.jobContext(), Map.of());
            assertEquals("success", verify.result(), verify.log());
            JobResult image = sandbox.runJob("release-reusable.yml", "image", ref, inputs, sandbox.jobContext(), Map.of("verify", verify));
            assertEquals("success", image.result(), image.log());
            JobResult release = sandbox.runJob("release-reusable.yml", "release", ref, inputs, sandbox.jobContext(),
                    Map.of("verify", verify, "image", image));
            assertEquals("success", release.result(), release.log());

            String repository = "example-org/my-app";
            String digest = image.outputs().get("digest");
            ReleasePipelineEndToEndTest.assertImageTagged(registry, repository, digest, Set.of(VERSION, "1.0", "1", "latest"));
            String imageName = registry.host() + "/" + repository;
            assertEquals(List.of(List.of(imageName + "@" + digest), List.of("app/target/app-" + VERSION + ".jar")), sandbox.attestedSubjects);
            assertEquals(List.of(new RunnerSandbox.RegistryLogin(registry.host(), ACTOR, RunnerSandbox.TOKEN)), sandbox.attestationLogins);
            assertPublishedRelease(github, imageName + "@" + digest);
            assertTrue(privateRepository.served().contains("/com/example/private/private-lib/1.0.0/private-lib-1.0.0.jar"),
                    "the private dependency came from elsewhere: " + privateRepository.served());
            assertEquals("https://github.com/" + RunnerSandbox.REPOSITORY + "/releases/tag/" + TAG, release.outputs().get("release-url"));
            for (JobResult job : List.of(verify, image, release)) {
                assertFalse(job.log().contains(RunnerSandbox.TOKEN), "the token was printed");
                assertFalse(job.log().contains(CALLER_SECRETS.get("MAVEN_REPOSITORY_PASSWORD")), "a caller's secret was printed");
            }
        }
    }

    /**
     * The caller's repository: a reactor {@code com.example:app-parent} with module {@code app} (a main class, a
     * dependency from the private repository {@code privateRepository} with id {@code private}, Jib with main class
     * only), the documented workflow, its settings file and the test's Maven config.
     */
    private Map<String, String> callerProject(String baseImage, String privateRepository) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(".gitignore", "target/\n");
        files.put(".github/workflows/release.yml", DocsCallerExample.yaml());
        files.put("pom.xml", """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>app-parent</artifactId>
                  <version>0.9.0</version>
                  <packaging>pom</packaging>
                  <modules>
                    <module>app</module>
                  </modules>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <build>
                    <pluginManagement>
                      <plugins>
                %s
                      </plugins>
                    </pluginManagement>
                  </build>
                </project>
                """.formatted(pluginVersionsOfThisBuild()));
        files.put("app/pom.xml", """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>com.example</groupId>
                    <artifactId>app-parent</artifactId>
                    <version>0.9.0</version>
                  </parent>
                  <artifactId>app</artifactId>
                  <repositories>
                    <repository>
                      <id>private</id>
                      <url>%s</url>
                    </repository>
                  </repositories>
                  <dependencies>
                    <dependency>
                      <groupId>com.example.private</groupId>
                      <artifactId>private-lib</artifactId>
                      <version>1.0.0</version>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>com.google.cloud.tools</groupId>
                        <artifactId>jib-maven-plugin</artifactId>
                        <configuration>
                          <container>
                            <mainClass>com.example.app.Main</mainClass>
                          </container>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(privateRepository));
        files.put("app/src/main/java/com/example/app/Main.java", """
                package com.example.app;

                public final class Main {
                    public static void main(String[] args) {
                        System.out.println("app");
                    }
                }
                """);
        // The caller's own settings (maven-args: -s .github/maven-settings.xml): the private repository's login from
        // the secrets; offline, also a mirror that cannot be reached for all other repositories, so that everything
        // else comes from the local repositories.
        files.put(".github/maven-settings.xml", """
                <settings>
                  <servers>
                    <server>
                      <id>private</id>
                      <username>${env.MAVEN_REPOSITORY_USERNAME}</username>
                      <password>${env.MAVEN_REPOSITORY_PASSWORD}</password>
                    </server>
                  </servers>
                %s</settings>
                """.formatted(OuterMaven.offline() ? OuterMaven.unreachableMirror("*,!private") : ""));
        files.put(".mvn/maven.config", String.join("\n",
                "-Dmaven.repo.local=" + temp.resolve("m2"),
                "-Dmaven.repo.local.tail=" + OuterMaven.localRepository(),
                "-Dmaven.test.skip=true",
                "-Djib.allowInsecureRegistries=true",
                "-DsendCredentialsOverHttp=true",
                "-Djib.disableUpdateChecks=true",
                "-Djib.from.image=" + baseImage) + "\n");
        return files;
    }

    /** The versions of the plugins this build uses (so that an offline run finds them), as pluginManagement entries. */
    private static String pluginVersionsOfThisBuild() throws Exception {
        String pom = Files.readString(Project.root().resolve("pom.xml"));
        Matcher jib = Pattern.compile("<jib.version>([^<]+)</jib.version>").matcher(pom);
        assertTrue(jib.find(), "no jib.version in the root pom");
        StringBuilder plugins = new StringBuilder(plugin("com.google.cloud.tools", "jib-maven-plugin", jib.group(1)));
        for (String artifactId : List.of("maven-clean-plugin", "maven-resources-plugin", "maven-compiler-plugin", "maven-surefire-plugin",
                "maven-jar-plugin", "maven-install-plugin")) {
            Matcher version = Pattern.compile("<artifactId>" + artifactId + "</artifactId>\\s*<version>([^<$]+)</version>").matcher(pom);
            assertTrue(version.find(), "no version of " + artifactId + " in the root pom");
            plugins.append(plugin("org.apache.maven.plugins", artifactId, version.group(1)));
        }
        return plugins.toString();
    }

    private static String plugin(String groupId, String artifactId, String version) {
        return "        <plugin><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version></plugin>\n"
                .formatted(groupId, artifactId, version);
    }

    /**
     * Puts this build's release plugin (jar, pom, parent pom) into the runner's Maven repository, where the
     * {@code plugin-version} input finds it.
     *
     * @return its version
     */
    private String installReleasePlugin(RunnerSandbox sandbox) throws Exception {
        String version = dev.llmproxy.release.pom.ReactorVersions.load(Project.root()).version();
        Path plugin = Files.createDirectories(temp.resolve("m2/dev/llmproxy/release-maven-plugin").resolve(version));
        Files.copy(sandbox.pluginJar(), plugin.resolve("release-maven-plugin-" + version + ".jar"));
        Files.copy(Project.root().resolve("release-maven-plugin/pom.xml"), plugin.resolve("release-maven-plugin-" + version + ".pom"));
        Path parent = Files.createDirectories(temp.resolve("m2/dev/llmproxy/llm-proxy-parent").resolve(version));
        Files.copy(Project.root().resolve("pom.xml"), parent.resolve("llm-proxy-parent-" + version + ".pom"));
        return version;
    }

    /** The caller job's {@code with:} as inputs: booleans stay booleans. */
    private static Map<String, Object> callerInputs(JsonNode caller) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        caller.path("with").fields().forEachRemaining(entry -> inputs.put(entry.getKey(),
                entry.getValue().isBoolean() ? (Object) entry.getValue().asBoolean() : entry.getValue().asText()));
        return inputs;
    }

    /** The caller job's {@code secrets:}, evaluated against the caller repository's secrets. */
    private static Map<String, String> callerSecrets(JsonNode caller) {
        Map<String, String> secrets = new LinkedHashMap<>();
        Map<String, Object> contexts = Map.of("secrets", Map.<String, Object>copyOf(CALLER_SECRETS));
        caller.path("secrets").fields().forEachRemaining(entry -> secrets.put(entry.getKey(),
                Expressions.interpolate(entry.getValue().asText(), contexts, function -> true)));
        assertEquals(Set.of("maven-repository-username", "maven-repository-password"), secrets.keySet());
        return secrets;
    }

    private static int anonymousStatus(LocalRegistry registry) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + registry.host() + "/v2/")).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void assertPublishedRelease(GitHubStandIn github, String imageWithDigest) throws Exception {
        List<JsonNode> releases = github.releases();
        assertEquals(1, releases.size(), releases.toString());
        JsonNode release = releases.get(0);
        Set<String> assets = new TreeSet<>();
        release.get("assets").forEach(asset -> assets.add(asset.get("name").asText()));
        String body = release.get("body").asText();
        assertAll(
                () -> assertEquals(TAG, release.get("tag_name").asText()),
                () -> assertFalse(release.get("draft").asBoolean(), "still a draft"),
                () -> assertEquals(Set.of("app-" + VERSION + ".jar", "SHA256SUMS"), assets),
                () -> assertTrue(body.contains("docker pull " + imageWithDigest), body));
    }
}
