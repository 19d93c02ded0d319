package dev.llmproxy.release.pom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files that carry a project's version and how the release rewrites them: the Maven reactor
 * ({@link ReactorVersions}) or, in a repository without {@code pom.xml}, at most one version file
 * named by the user ({@link TagsOnlyVersion}; the version then lives in the tags).
 */
public interface VersionFiles {
    /** {@link #mode()} of a Maven reactor. */
    String MAVEN = "maven";
    /** {@link #mode()} of a repository without {@code pom.xml}. */
    String TAGS = "tags";

    /**
     * @param root the reactor root, or the git work tree's top directory
     * @param versionFile tags-only mode: the version file relative to {@code root}, or {@code null}
     * @return the reactor when {@code root/pom.xml} exists, else the tags-only version file
     * @throws dev.llmproxy.release.ReleaseException as {@link ReactorVersions#load} or {@link
     *     TagsOnlyVersion#load} do
     */
    static VersionFiles load(Path root, String versionFile) {
        return Files.isRegularFile(root.resolve("pom.xml"))
                ? ReactorVersions.load(root)
                : TagsOnlyVersion.load(root, versionFile);
    }

    /** @return the root project's artifactId, or {@code null} without a pom (names look-alike tags) */
    default String artifactId() {
        return null;
    }

    /** @return the poms a version change leaves alone, relative path → reason; empty without a reactor */
    default Map<String, String> skippedPoms() {
        return Map.of();
    }

    /** @return a warning about CI-friendly versions without the flatten plugin, or empty */
    default Optional<String> ciFriendlyWarning() {
        return Optional.empty();
    }

    /** @return {@link #MAVEN} or {@link #TAGS}, as plan.json's {@code mode} */
    String mode();

    /** @return the version the files hold now (the root pom's), or {@code null} when none does */
    String version();

    /** @return relative paths (forward slashes) of every file a version change may edit */
    List<String> files();

    /**
     * @param newVersion the version to move to
     * @return the relative paths {@link #apply} would change; empty when already there
     */
    List<String> changesFor(String newVersion);

    /**
     * @param newVersion the version to move to
     * @return the relative paths written
     */
    List<String> apply(String newVersion);
}
