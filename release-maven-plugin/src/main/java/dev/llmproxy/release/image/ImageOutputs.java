package dev.llmproxy.release.image;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.git.GitRepo;
import dev.llmproxy.release.git.TagRef;
import dev.llmproxy.release.version.SemVer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;

/**
 * The name, tags and source label of a release's image, as the image job hands them to Jib.
 *
 * @param image {@code registry/owner/name}, lower case, no tag
 * @param reference the image with its version tag: pass it as {@code jib.to.image}, so Jib never adds {@code latest}
 *     on its own
 * @param additionalTags {@code X.Y}, {@code X}, {@code latest} when they apply, else empty: pass them as
 *     {@code jib.to.tags} when not empty
 * @param tags every tag, the version tag first
 * @param source the OCI label {@code org.opencontainers.image.source}
 */
public record ImageOutputs(String image, String reference, List<String> additionalTags, List<String> tags, String source) {

    /**
     * Reads the release tags of the repository in {@code git} (every tag; those that are not {@code tagPrefix} + a
     * SemVer version are ignored) and computes the outputs.
     *
     * @param request the version, registry and names
     * @param git the project's repository, whole history and tags
     * @return the outputs
     * @throws ReleaseException when the clone is shallow or fetched without tags (the floating
     *     tags would be wrong)
     * @throws IllegalArgumentException when the version is not SemVer, or a name cannot be part of an image name
     */
    public static ImageOutputs of(ImageRequest request, GitRepo git) {
        git.requireCompleteHistory();
        return of(request, git.tags().stream().map(TagRef::name).toList());
    }

    /**
     * @param request the version, registry and names
     * @param releaseTagNames the repository's tag names, e.g. {@code v1.3.0}; names that are not {@code tagPrefix} + a
     *     SemVer version are ignored
     * @return the outputs, after {@link ImageTags#tags} and {@link ImageName}
     * @throws IllegalArgumentException when the version is not SemVer, or a name cannot be part of an image name
     */
    public static ImageOutputs of(ImageRequest request, Collection<String> releaseTagNames) {
        ImageName image = ImageName.of(request.registry(), request.owner(), request.name());
        List<SemVer> known = releaseTagNames.stream()
                .filter(tag -> tag.startsWith(request.tagPrefix()))
                .flatMap(tag -> SemVer.tryParse(tag.substring(request.tagPrefix().length())).stream())
                .toList();
        List<String> tags = ImageTags.tags(SemVer.parse(request.version()), known);
        return new ImageOutputs(image.repository(), image.reference(tags.get(0)), tags.subList(1, tags.size()), tags,
                ImageName.sourceUrl(request.owner(), request.repository()));
    }

    /**
     * @return the {@code key=value} lines of {@code $GITHUB_OUTPUT}, each ending with a newline: {@code image},
     *     {@code reference}, {@code additional-tags} (comma-separated, maybe empty), {@code tags}, {@code source}
     */
    public String lines() {
        return "image=" + image + "\n"
                + "reference=" + reference + "\n"
                + "additional-tags=" + String.join(",", additionalTags) + "\n"
                + "tags=" + String.join(",", tags) + "\n"
                + "source=" + source + "\n";
    }

    /**
     * Appends {@link #lines()} to {@code file}, creating it if needed, as {@code >> "$GITHUB_OUTPUT"} does.
     *
     * @param file e.g. the file named by {@code GITHUB_OUTPUT}
     * @throws ReleaseException when the file cannot be written (names it)
     */
    public void appendTo(Path file) {
        try {
            Files.writeString(file, lines(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ReleaseException("cannot write the image outputs to " + file + ": " + e.getMessage()
                    + " (check release.image.output names a writable file)", e);
        }
    }
}
