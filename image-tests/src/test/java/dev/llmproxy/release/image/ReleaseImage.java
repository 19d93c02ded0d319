package dev.llmproxy.release.image;

import dev.llmproxy.release.testsupport.LocalRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The release image step as CI runs it: release:image's engine computes name and tags, then {@code jib:build}. */
final class ReleaseImage {
    static final String REVISION = "89abcdef0123456789abcdef0123456789abcdef";
    static final String CREATED = "2026-11-30T10:15:30Z";
    static Path lastLog;

    private ReleaseImage() {}

    /**
     * @param base the base image reference pinned by digest
     * @param knownTags the repository's release tags ({@code v1.4.0}, ...)
     * @param env extra environment for Maven (credentials)
     * @param dir where the Maven log goes
     */
    static MavenRun.Result build(LocalRegistry registry, String base, String version, List<String> knownTags,
            Map<String, String> env, Path dir, String... extraArgs) throws Exception {
        ImageRequest request = ImageRequest.resolve(version, registry.host(), null, null, null,
                Map.of("GITHUB_REPOSITORY_OWNER", "Example-Org", "GITHUB_REPOSITORY", "Example-Org/app"), null);
        ImageOutputs image = ImageOutputs.of(request, knownTags);
        List<String> mvn = new ArrayList<>(List.of("jib:build",
                "-Djib.allowInsecureRegistries=true",
                "-Djib.from.image=" + base,
                "-Djib.to.image=" + image.reference(),
                "-Dimage.version=" + version,
                "-Dimage.revision=" + REVISION,
                "-Dimage.created=" + CREATED,
                "-Dimage.source=" + image.source()));
        if (!image.additionalTags().isEmpty()) {
            mvn.add("-Djib.to.tags=" + String.join(",", image.additionalTags()));
        }
        mvn.addAll(List.of(extraArgs));
        lastLog = dir.resolve("mvn-" + version + "-" + System.nanoTime() + ".log");
        return MavenRun.llmProxyCli(lastLog, env, mvn);
    }
}
