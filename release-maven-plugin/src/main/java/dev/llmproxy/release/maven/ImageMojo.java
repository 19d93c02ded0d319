package dev.llmproxy.release.maven;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.git.GitRepo;
import dev.llmproxy.release.image.ImageOutputs;
import dev.llmproxy.release.image.ImageRequest;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Goal {@code release:image}: names and tags the release's container image from the version, the registry, the
 * repository and the repository's release tags (issue #11, item 8; docs/release.md "Container image"). Logs the
 * {@code key=value} lines of {@link ImageOutputs#lines()} and appends them to {@code release.image.output} (the
 * release workflow passes {@code $GITHUB_OUTPUT}). Changes nothing in the project.
 */
@Mojo(name = "image", aggregator = true, threadSafe = true, requiresProject = false)
public class ImageMojo extends AbstractMojo {

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** The released version, without the tag prefix, e.g. {@code 1.4.0}. */
    @Parameter(property = "release.image.version")
    String version;

    /** Registry host, optionally with a port. */
    @Parameter(property = "release.image.registry", defaultValue = "ghcr.io")
    String registry;

    /** {@code owner/name} on GitHub; default {@code GITHUB_REPOSITORY}, else the {@code origin} remote. */
    @Parameter(property = "release.image.repository")
    String repository;

    /** The image name; default the repository name. */
    @Parameter(property = "release.image.name")
    String name;

    /** The release tags' prefix. */
    @Parameter(property = "release.tagPrefix", defaultValue = "v")
    String tagPrefix;

    /** A file the {@code key=value} lines are appended to, e.g. {@code $GITHUB_OUTPUT}. */
    @Parameter(property = "release.image.output")
    String output;

    @Override
    public void execute() throws MojoFailureException {
        try (GitRepo git = GitRepo.open(Path.of(session.getExecutionRootDirectory()))) {
            ImageOutputs outputs = ImageOutputs.of(
                    ImageRequest.resolve(version, registry, repository, name, tagPrefix, System.getenv(), git), git);
            outputs.lines().lines().forEach(getLog()::info);
            if (output != null && !output.isBlank()) {
                outputs.appendTo(Path.of(output));
            }
        } catch (ReleaseException | IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
