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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * END-TO-END, SLOW (two to three minutes: two full builds of this repository, jib:build and release:draft). The image and release jobs of the reusable
 * workflow, with the inputs of this repository's {@code release.yml}, run step by step on an imitated runner
 * ({@link RunnerSandbox#ofThisRepository}) against a copy of this repository tagged {@code v1.2.3}: the real
 * {@code ./mvnw} (offline when this build is, through an unreachable mirror; {@code -Dmaven.test.skip=true} through
 * the {@code maven-args} input; the verify job, a plain {@code ./mvnw verify}, is not run), the release plugin from the reactor build
 * ({@code plugin-version}), the {@link GitHubStandIn} as GitHub and a local {@code docker-registry} as the registry.
 */
@Tag("end-to-end")
class ReleasePipelineEndToEndTest {
    private static final String VERSION = "1.2.3";
    private static final String TAG = "v" + VERSION;
    private static final List<String> ASSETS = List.of(
            "llm-proxy-" + VERSION + ".jar", "llm-proxy-" + VERSION + ".tar.gz", "llm-proxy-" + VERSION + ".zip",
            "llm-proxy-" + VERSION + ".cdx.json");

    @TempDir
    Path temp;

    @Test
    void aPushedTagBecomesAPublishedReleaseWithAssetsNotesAndATaggedImage() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(Files.createDirectories(temp.resolve("registry")));
             GitHubStandIn github = GitHubStandIn.start(RunnerSandbox.REPOSITORY, RunnerSandbox.TOKEN)) {
            String base = TestBaseImage.pushMultiPlatform(registry, "test/base");
            RunnerSandbox sandbox = RunnerSandbox.ofThisRepository(temp.resolve("runner"), "v1.1.0", VERSION);
            sandbox.environment.put("GITHUB_API_URL", github.apiUrl().toString());
            sandbox.environment.put("MAVEN_USER_HOME", OuterMaven.userHome().toString());
            Map<String, Object> inputs = releaseYmlInputs();
            inputs.put("image-registry", registry.host());
            // The plugin comes from the reactor build: the image job's install puts release-maven-plugin 1.2.3 into the
            // runner's Maven repository, which both jobs share here (as setup-java's Maven cache would).
            inputs.put("plugin-version", VERSION);
            List<String> mavenArgs = new ArrayList<>(List.of("-Dmaven.test.skip=true",
                    "-Dmaven.repo.local=" + temp.resolve("m2"), "-Dmaven.repo.local.tail=" + OuterMaven.localRepository(),
                    "-Djib.allowInsecureRegistries=true", "-Djib.disableUpdateChecks=true", "-Djib.from.image=" + base));
            if (OuterMaven.offline()) {
                mavenArgs.addAll(0, List.of("-s", offlineSettings().toString()));
            }
            inputs.put("maven-args", String.join(" ", mavenArgs));
            JobResult verify = new JobResult("success", Map.of("tag", TAG, "version", VERSION), List.of(), "");

            JobResult image = sandbox.runJob("release-reusable.yml", "image", "refs/tags/" + TAG, inputs, sandbox.jobContext(),
                    Map.of("verify", verify));
            assertEquals("success", image.result(), image.log());
            JobResult release = sandbox.runJob("release-reusable.yml", "release", "refs/tags/" + TAG, inputs, sandbox.jobContext(),
                    Map.of("verify", verify, "image", image));
            assertEquals("success", release.result(), release.log());

            String imageName = registry.host() + "/example-org/llm-proxy";
            String digest = image.outputs().get("digest");
            Path workspace = sandbox.root.resolve("job2/workspace");
            assertImageTagged(registry, "example-org/llm-proxy", digest, Set.of(VERSION, "1.2", "1", "latest"));
            assertPublishedRelease(github, workspace, imageName + "@" + digest);
            assertArchiveHoldsTheLauncher(workspace);
            assertSummary(release.summary(), workspace, imageName + "@" + digest);
            for (JobResult job : List.of(image, release)) {
                assertFalse(job.log().contains(RunnerSandbox.TOKEN), "the token was printed");
            }
        }
    }

    /** Asserts that {@code repository} holds exactly {@code expectedTags}, each on the image {@code digest}. */
    static void assertImageTagged(LocalRegistry registry, String repository, String digest, Set<String> expectedTags) throws Exception {
        assertTrue(digest.matches("sha256:[0-9a-f]{64}"), digest);
        Set<String> tags = StreamSupport.stream(registry.tags(repository).get("tags").spliterator(), false)
                .map(JsonNode::asText).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expectedTags, tags);
        for (String tag : tags) {
            assertEquals(digest, registry.manifest(repository, tag).digest(), tag);
        }
    }

    private static void assertPublishedRelease(GitHubStandIn github, Path workspace, String imageWithDigest) throws Exception {
        List<JsonNode> releases = github.releases();
        assertEquals(1, releases.size(), releases.toString());
        JsonNode release = releases.get(0);
        Map<String, String> assetSums = new TreeMap<>();
        for (JsonNode asset : release.get("assets")) {
            assetSums.put(asset.get("name").asText(), github.assetSha256(asset.get("id").asLong()).orElseThrow());
        }
        Map<String, String> expected = new TreeMap<>();
        for (String asset : ASSETS) {
            expected.put(asset, sha256(workspace.resolve("llm-proxy-cli/target").resolve(asset)));
        }
        // the same executable jar under a name without the version, for the JBang catalog (releases/latest/download)
        expected.put("llm-proxy.jar", sha256(workspace.resolve("llm-proxy-cli/target/jbang/llm-proxy.jar")));
        String body = release.get("body").asText();
        assertAll(
                () -> assertEquals(TAG, release.get("tag_name").asText()),
                () -> assertFalse(release.get("draft").asBoolean(), "still a draft"),
                () -> assertEquals(expected, withoutKey(assetSums, "SHA256SUMS")),
                () -> assertTrue(assetSums.containsKey("SHA256SUMS"), assetSums.toString()),
                () -> assertTrue(body.contains("release from the reusable workflow"), body),
                () -> assertTrue(body.contains("docker pull " + imageWithDigest), body));
    }

    private static void assertArchiveHoldsTheLauncher(Path workspace) {
        Processes.Result list = Processes.run(List.of("tar", "-tzf", "llm-proxy-cli/target/llm-proxy-" + VERSION + ".tar.gz"), workspace, null);
        assertEquals(0, list.exitCode(), list.output());
        assertTrue(list.stdout().lines().anyMatch(("llm-proxy-" + VERSION + "/bin/llm-proxy")::equals), list.stdout());
    }

    private static void assertSummary(String summary, Path workspace, String imageWithDigest) throws Exception {
        String notes = Files.readString(workspace.resolve("target/release/notes.md"));
        assertAll(
                () -> assertTrue(summary.startsWith("# Release " + VERSION + "\n"), summary),
                () -> assertTrue(summary.contains("- Release: https://github.com/" + RunnerSandbox.REPOSITORY + "/releases/tag/" + TAG + "\n"), summary),
                () -> assertTrue(summary.contains("- Image: `" + imageWithDigest + "`\n"), summary),
                () -> assertTrue(summary.contains(sha256(workspace.resolve("llm-proxy-cli/target/" + ASSETS.get(1)))
                        + "  llm-proxy-cli/target/" + ASSETS.get(1) + "\n"), summary),
                () -> assertTrue(notes.contains("docker pull " + imageWithDigest), notes),
                () -> assertTrue(summary.endsWith("## Notes\n\n" + notes), summary));
    }

    /** The {@code with:} values {@code release.yml} passes to the reusable workflow (its tag input aside). */
    private static Map<String, Object> releaseYmlInputs() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        Project.workflow("release.yml").path("jobs").path("release").path("with").fields().forEachRemaining(entry -> {
            if (!entry.getKey().equals("tag")) {
                inputs.put(entry.getKey(), entry.getValue().isBoolean() ? (Object) entry.getValue().asBoolean() : entry.getValue().asText());
            }
        });
        return inputs;
    }

    /**
     * Maven settings whose only repository is an unreachable mirror, used when the Maven running this test is offline
     * ({@code -o}): then everything must come from the local repositories. An online build may download what
     * it has not used itself (e.g. maven-install-plugin and maven-dependency-plugin on a clean clone).
     */
    private Path offlineSettings() throws Exception {
        return Files.writeString(temp.resolve("offline-settings.xml"), "<settings>\n" + OuterMaven.unreachableMirror("*") + "</settings>\n");
    }

    private static Map<String, String> withoutKey(Map<String, String> map, String key) {
        Map<String, String> copy = new TreeMap<>(map);
        copy.remove(key);
        return copy;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
