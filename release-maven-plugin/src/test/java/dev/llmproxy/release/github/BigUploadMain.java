package dev.llmproxy.release.github;

import dev.llmproxy.release.ReleaseLog;

import dev.llmproxy.release.standin.GitHubStandIn;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Run in a forked JVM with a small heap by {@link BigUploadTest}: uploads a sparse file of {@code args[1]} bytes
 * from directory {@code args[0]} to an in-process stand-in and exits 0 when the stored size and SHA-256 match.
 */
public final class BigUploadMain {
    private BigUploadMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0], "big-1.0.0.bin");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(Long.parseLong(args[1]));
        }
        try (GitHubStandIn standIn = GitHubStandIn.start("example-org/app", "t")) {
            GitHubConfig config = new GitHubConfig(standIn.apiUrl(), "example-org", "app", Optional.of("t"));
            ReleaseOutcome outcome = new GitHubReleaser(config, RetryPolicy.defaults(), ReleaseLog.SILENT).sync(
                    new ReleaseRequest("v1.0.0", null, "", "a".repeat(40), true, false, "true", List.of(file), false),
                    false);
            var asset = standIn.release(outcome.releaseId()).orElseThrow().get("assets").get(0);
            boolean ok = asset.get("size").asLong() == Files.size(file)
                    && standIn.assetSha256(asset.get("id").asLong()).orElseThrow().equals(Checksums.sha256(file));
            System.out.println((ok ? "OK " : "MISMATCH ") + asset);
            System.exit(ok ? 0 : 1);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
