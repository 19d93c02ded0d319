package dev.llmproxy.release.version;

import java.util.Objects;

/**
 * A release tag: a git tag whose name is {@code <tagPrefix><SemVer>} (see {@link TagNaming}).
 *
 * @param name the tag name as in git, e.g. {@code "v1.4.0"}
 * @param version the version the name holds
 * @param commitSha the full 40-hex SHA-1 of the commit the tag points at (peeled for annotated tags)
 */
public record ReleaseTag(String name, SemVer version, String commitSha) {
    public ReleaseTag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commitSha, "commitSha");
    }
}
