package dev.llmproxy.release.image;

import dev.llmproxy.release.testsupport.LocalRegistry;
import dev.llmproxy.release.testsupport.TestBaseImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case W1 for real: release:image's engine computes name and tags, {@code jib:build} pushes the CLI's image to a
 * local registry, and the registry HTTP API shows tags, platforms and labels. The releases are pushed
 * in the order a project would make them (1.3.0, 1.4.0, 1.5.0-rc.1, then a late 1.3.1 patch).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JibRegistryTest {
    private static final String REPOSITORY = "example-org/app";
    private static final List<String> KNOWN = List.of("v1.3.0", "v1.4.0", "v1.5.0-rc.1", "v1.3.1");

    @TempDir
    static Path dir;

    private static LocalRegistry registry;
    private static String base;

    @BeforeAll
    static void startRegistryWithBase() throws Exception {
        registry = LocalRegistry.start(Files.createDirectories(dir.resolve("registry")));
        base = TestBaseImage.pushMultiPlatform(registry, "image-tests/base");
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (registry != null) {
            registry.close();
        }
    }

    private static String push(String version, Map<String, String> env) throws Exception {
        MavenRun.Result run = ReleaseImage.build(registry, base, version, KNOWN, env, dir);
        assertEquals(0, run.exitCode(), run.tail());
        return Files.readString(MavenRun.ROOT.resolve("llm-proxy-cli/target/jib-image.digest")).strip();
    }

    private static Set<String> tags() throws Exception {
        return StreamSupport.stream(registry.tags(REPOSITORY).get("tags").spliterator(), false)
                .map(JsonNode::asText).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    @Order(1)
    void olderStableThenHighestStableGetTheirTags() throws Exception {
        push("1.3.0", Map.of());
        // KNOWN holds 1.4.0, so 1.3.0 is an older stable release: its version only
        assertEquals(Set.of("1.3.0"), tags());

        String digest = push("1.4.0", Map.of());

        assertEquals(Set.of("1.3.0", "1.4.0", "1.4", "1", "latest"), tags());
        for (String tag : List.of("1.4.0", "1.4", "1", "latest")) {
            assertEquals(digest, registry.manifest(REPOSITORY, tag).digest(), tag);
        }
    }

    @Test
    @Order(2)
    void preReleaseGetsOnlyItsOwnTag() throws Exception {
        String latest = registry.manifest(REPOSITORY, "latest").digest();

        String digest = push("1.5.0-rc.1", Map.of());

        assertEquals(Set.of("1.3.0", "1.4.0", "1.4", "1", "latest", "1.5.0-rc.1"), tags());
        assertEquals(digest, registry.manifest(REPOSITORY, "1.5.0-rc.1").digest());
        assertEquals(latest, registry.manifest(REPOSITORY, "latest").digest());
    }

    @Test
    @Order(3)
    void latePatchOfAnOlderLineMovesNoFloatingTag() throws Exception {
        String latest = registry.manifest(REPOSITORY, "latest").digest();
        String one = registry.manifest(REPOSITORY, "1").digest();

        push("1.3.1", Map.of());

        assertTrue(tags().contains("1.3.1"));
        assertFalse(tags().contains("1.3"));
        assertEquals(latest, registry.manifest(REPOSITORY, "latest").digest());
        assertEquals(one, registry.manifest(REPOSITORY, "1").digest());
    }

    @Test
    @Order(4)
    void bothPlatformsWithLabelsFromTheCommit() throws Exception {
        LocalRegistry.Manifest index = registry.manifest(REPOSITORY, "1.4.0");
        assertTrue(Set.of(LocalRegistry.MANIFEST_LIST, LocalRegistry.OCI_INDEX).contains(index.mediaType()), index.mediaType());

        Set<String> platforms = new TreeSet<>();
        for (JsonNode entry : index.json().get("manifests")) {
            String platform = entry.at("/platform/os").asText() + "/" + entry.at("/platform/architecture").asText();
            platforms.add(platform);
            JsonNode manifest = registry.manifest(REPOSITORY, entry.get("digest").asText()).json();
            JsonNode config = registry.jsonBlob(REPOSITORY, manifest.at("/config/digest").asText());
            JsonNode labels = config.at("/config/Labels");

            assertEquals(entry.at("/platform/architecture").asText(), config.get("architecture").asText());
            assertEquals("https://github.com/example-org/app", labels.get("org.opencontainers.image.source").asText(), platform);
            assertEquals("1.4.0", labels.get("org.opencontainers.image.version").asText(), platform);
            assertEquals(ReleaseImage.REVISION, labels.get("org.opencontainers.image.revision").asText(), platform);
            assertEquals(ReleaseImage.CREATED, labels.get("org.opencontainers.image.created").asText(), platform);
            assertEquals(ReleaseImage.CREATED, config.get("created").asText(), platform);
            assertEquals("65532:65532", config.at("/config/User").asText(), platform);
            assertEquals("[\"/usr/local/bin/llm-proxy\"]", config.at("/config/Entrypoint").toString(), platform);
        }
        assertEquals(Set.of("linux/amd64", "linux/arm64"), platforms);
    }

    @Test
    @Order(5)
    void rebuildingTheSameCommitGivesTheSameDigestAndTokensStayHidden() throws Exception {
        String first = registry.manifest(REPOSITORY, "1.4.0").digest();
        // The credentials profile activates on GITHUB_TOKEN; this registry asks for none, so the push must
        // succeed either way and the values must never reach the output.
        Map<String, String> credentials = Map.of("GITHUB_ACTOR", "image-tests-actor", "GITHUB_TOKEN", "ghs_imageTestsSecretValue42");

        String again = push("1.4.0", credentials);

        assertEquals(first, again);
        assertFalse(Files.readString(ReleaseImage.lastLog).contains("ghs_imageTestsSecretValue42"), "Maven output shows the token");
        assertEquals(first, registry.manifest(REPOSITORY, "latest").digest());
        assertTrue(again.matches("sha256:[0-9a-f]{64}"), again);
    }
}
