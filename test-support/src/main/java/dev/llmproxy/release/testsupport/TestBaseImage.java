package dev.llmproxy.release.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny base image made without Docker: one layer holding a marker file per platform, so the
 * image of each platform has its own digest. Stands in for the JRE base (the image entrypoint is a
 * launcher script, so building needs no java inside the base).
 */
public final class TestBaseImage {
    /** The linux architectures of the multi-platform base, in index order. */
    public static final List<String> ARCHITECTURES = List.of("amd64", "arm64");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestBaseImage() {}

    private record Platform(byte[] layer, byte[] config) {}

    private static Platform platform(String architecture) throws Exception {
        byte[] tar = Tar.of(Map.of("etc/image-tests-base", ("test base for linux/" + architecture + "\n").getBytes(StandardCharsets.UTF_8)), 0644);
        ObjectNode config = JSON.createObjectNode().put("architecture", architecture).put("os", "linux");
        config.putObject("config").putArray("Env").add("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        ObjectNode rootfs = config.putObject("rootfs").put("type", "layers");
        rootfs.putArray("diff_ids").add(LocalRegistry.digest(tar));
        config.putArray("history").addObject().put("created", "1970-01-01T00:00:00Z").put("created_by", "image-tests");
        return new Platform(Tar.gzip(tar), JSON.writeValueAsBytes(config));
    }

    /**
     * Pushes a two-platform (linux/amd64, linux/arm64) base as a Docker manifest list.
     *
     * @return the reference pinned by digest, {@code host/repository@sha256:...}
     */
    public static String pushMultiPlatform(LocalRegistry registry, String repository) throws Exception {
        var list = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", LocalRegistry.MANIFEST_LIST);
        var entries = list.putArray("manifests");
        for (String architecture : ARCHITECTURES) {
            Platform platform = platform(architecture);
            var manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", LocalRegistry.MANIFEST);
            manifest.putObject("config").put("mediaType", "application/vnd.docker.container.image.v1+json")
                    .put("size", platform.config().length).put("digest", registry.pushBlob(repository, platform.config()));
            manifest.putArray("layers").addObject().put("mediaType", "application/vnd.docker.image.rootfs.diff.tar.gzip")
                    .put("size", platform.layer().length).put("digest", registry.pushBlob(repository, platform.layer()));
            byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
            String digest = registry.putManifest(repository, LocalRegistry.digest(manifestBytes), LocalRegistry.MANIFEST, manifestBytes);
            entries.addObject().put("mediaType", LocalRegistry.MANIFEST).put("size", manifestBytes.length).put("digest", digest)
                    .putObject("platform").put("architecture", architecture).put("os", "linux");
        }
        byte[] listBytes = JSON.writeValueAsBytes(list);
        return registry.host() + "/" + repository + "@" + registry.putManifest(repository, "latest", LocalRegistry.MANIFEST_LIST, listBytes);
    }

    /**
     * Writes the linux/amd64 base as a {@code docker save} archive, for Jib's {@code tar://} base.
     *
     * @return the archive path
     */
    public static Path writeDockerArchive(Path dir) throws Exception {
        Platform platform = platform("amd64");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("config.json", platform.config());
        entries.put("layer.tar.gz", platform.layer());
        List<Map<String, Object>> manifest = new ArrayList<>();
        manifest.add(Map.of("Config", "config.json", "RepoTags", List.of("image-tests/base:latest"), "Layers", List.of("layer.tar.gz")));
        entries.put("manifest.json", JSON.writeValueAsBytes(manifest));
        Path archive = dir.resolve("base.tar");
        Files.write(archive, Tar.of(entries, 0644));
        return archive;
    }
}
