package dev.llmproxy.release.git;

/**
 * One tag of the repository, peeled to the commit it names.
 *
 * @param name the short tag name without {@code refs/tags/} ({@code "v1.2.0"})
 * @param commitSha the full 40-hex SHA-1 of the commit the tag points at, after peeling an annotated
 *     tag (and tags of tags) to its commit
 * @param annotated true for an annotated tag (a tag object), false for a lightweight tag (a ref
 *     straight to the commit)
 */
public record TagRef(String name, String commitSha, boolean annotated) {}
