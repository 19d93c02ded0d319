package dev.llmproxy.release.github;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The GitHub Release a run wants to exist (GitHub REST "releases": create/update fields).
 *
 * @param tag tag name, e.g. {@code v1.4.0}
 * @param name release title; null means the tag
 * @param body release notes Markdown (GitHub's limit is 125,000 characters; the notes enforce it); null means empty
 * @param targetSha full 40-hex SHA of the tagged commit ({@code target_commitish})
 * @param publish true: publish once every asset is present with the right size; false: leave a draft (an already
 *     published release stays published)
 * @param prerelease GitHub's {@code prerelease} flag (the version has pre-release identifiers)
 * @param makeLatest GitHub's {@code make_latest} string: {@code "true"} only for the highest stable version,
 *     {@code "false"} otherwise ({@code "legacy"} also accepted)
 * @param assets local files to attach (regular files, names unique once stored)
 * @param checksums whether to attach a generated {@value Checksums#FILE_NAME} over {@code assets}
 */
public record ReleaseRequest(String tag, String name, String body, String targetSha, boolean publish,
        boolean prerelease, String makeLatest, List<Path> assets, boolean checksums) {
    private static final Set<String> MAKE_LATEST = Set.of("true", "false", "legacy");

    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException naming the bad value: empty tag, a SHA that is not 40 hex, an unknown
     *     {@code makeLatest}
     */
    public ReleaseRequest {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("release tag is empty: pass the tag name, e.g. v1.4.0");
        }
        if (targetSha == null || !targetSha.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("target SHA '" + targetSha
                    + "' is not a full 40-hex commit SHA: pass the tagged commit's full SHA");
        }
        if (!MAKE_LATEST.contains(makeLatest)) {
            throw new IllegalArgumentException("make_latest '" + makeLatest + "' is not one of true, false, legacy");
        }
        name = name == null || name.isBlank() ? tag : name;
        body = Objects.requireNonNullElse(body, "");
        assets = List.copyOf(Objects.requireNonNullElse(assets, List.of()));
    }
}
