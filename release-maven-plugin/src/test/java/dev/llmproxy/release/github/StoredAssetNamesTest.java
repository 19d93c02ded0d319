package dev.llmproxy.release.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmproxy.release.github.ReleaseOutcome.AssetAction;
import dev.llmproxy.release.github.ReleaseOutcome.AssetOutcome;
import dev.llmproxy.release.standin.GitHubStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 3: the name GitHub stores is the truth. The stand-in renames by the literal reading of GitHub's
 * documentation, where {@code +} is "non-alphanumeric" too, so our prediction ({@link AssetNames}) is wrong for it.
 */
class StoredAssetNamesTest {
    private static final String TOKEN = "ghp_names";
    private static final String SHA = "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0";

    @TempDir
    Path dir;

    private final GitHubStandIn standIn = GitHubStandIn.builder().repository("example-org/app").token(TOKEN)
            .strictAssetNames().start();
    private final RecordingLog log = new RecordingLog();

    @AfterEach
    void stop() {
        standIn.close();
    }

    private ReleaseOutcome run(List<Path> assets) {
        return new GitHubReleaser(new GitHubConfig(standIn.apiUrl(), "example-org", "app", Optional.of(TOKEN)),
                new FakeTime().policy(), log).sync(new ReleaseRequest("v1.0.0", null, "notes", SHA, true, false,
                        "true", assets, true), false);
    }

    private Map<String, String> storedAssets(long releaseId) {
        Map<String, String> assets = new TreeMap<>();
        for (JsonNode asset : standIn.release(releaseId).orElseThrow().get("assets")) {
            assets.put(asset.get("name").asText(), standIn.assetSha256(asset.get("id").asLong()).orElseThrow());
        }
        return assets;
    }

    @Test
    void aNameGitHubRenamedUnpredictablyIsVerifiedListedInChecksumsAndLogged() throws IOException {
        Path zip = Files.write(dir.resolve("app-1.0.0+linux.zip"), new byte[]{1, 2, 3, 4});
        Path jar = Files.write(dir.resolve("app.jar"), new byte[]{5, 6});

        ReleaseOutcome outcome = run(List.of(zip, jar));

        assertTrue(outcome.publishedNow(), log::all);
        assertEquals(List.of("app-1.0.0.linux.zip", "app.jar", "SHA256SUMS"),
                outcome.assets().stream().map(AssetOutcome::storedName).toList());
        String sums = Checksums.sha256(zip) + "  app-1.0.0.linux.zip\n" + Checksums.sha256(jar) + "  app.jar\n";
        Path expected = Files.writeString(dir.resolve("expected"), sums);
        assertEquals(Map.of("app-1.0.0.linux.zip", Checksums.sha256(zip), "app.jar", Checksums.sha256(jar),
                "SHA256SUMS", Checksums.sha256(expected)), storedAssets(outcome.releaseId()));
        assertTrue(log.lines.contains("WARN GitHub: asset app-1.0.0+linux.zip was stored by GitHub as "
                + "app-1.0.0.linux.zip, not app-1.0.0+linux.zip; SHA256SUMS and the checks use app-1.0.0.linux.zip"),
                log::all);
    }

    @Test
    void aRerunKeepsTheRenamedAssetAndWritesNothing() throws IOException {
        List<Path> assets = List.of(Files.write(dir.resolve("app-1.0.0+linux.zip"), new byte[]{1, 2, 3, 4}));
        run(assets);
        standIn.clearRequests();

        ReleaseOutcome again = run(assets);

        assertEquals(List.of(AssetAction.KEEP, AssetAction.KEEP),
                again.assets().stream().map(AssetOutcome::action).toList());
        assertEquals(0, standIn.writeCount(), () -> standIn.requests().toString());
    }

    @Test
    void aRerunWithNewContentReplacesTheRenamedAssetWithoutAlreadyExists() throws IOException {
        Path zip = Files.write(dir.resolve("app-1.0.0+linux.zip"), new byte[]{1, 2, 3, 4});
        ReleaseOutcome first = new GitHubReleaser(new GitHubConfig(standIn.apiUrl(), "example-org", "app",
                Optional.of(TOKEN)), new FakeTime().policy(), log).sync(new ReleaseRequest("v1.0.0", null, "notes",
                        SHA, false, false, "true", List.of(zip), true), false);
        Files.write(zip, new byte[]{9, 9, 9, 9, 9});

        ReleaseOutcome second = run(List.of(zip));

        assertEquals(List.of(AssetAction.REPLACE, AssetAction.REPLACE),
                second.assets().stream().map(AssetOutcome::action).toList());
        assertEquals(Checksums.sha256(zip), storedAssets(first.releaseId()).get("app-1.0.0.linux.zip"));
        assertEquals(2, storedAssets(first.releaseId()).size());
        assertFalse(log.all().contains("already_exists"), log::all);
        assertEquals(0, standIn.requests().stream().filter(r -> r.status() == 422).count());
    }
}
