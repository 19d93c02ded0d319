package dev.llmproxy.release.plan;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.git.GitRepo;
import dev.llmproxy.release.version.ReleaseHistory;
import dev.llmproxy.release.version.ReleaseTag;
import dev.llmproxy.release.version.SemVer;
import java.util.Map;
import java.util.Optional;

/**
 * {@code release.previousTag} (issue #10 item 10): the previous release named by a tag or a commit
 * when the history has no release tag reachable from HEAD.
 *
 * <ul>
 *   <li>A tag whose name holds a version after any prefix ({@code 1.3.0}, {@code rel-1.3.0}) becomes
 *       the last release: the bump starts from its version, the range after its commit.
 *   <li>Any other tag, or a commit SHA (full or abbreviated): the range starts after that commit;
 *       the version is the first-release rule ({@code release.initialVersion}, else the pom's);
 *       plan.json's {@code previousTag} stays null.
 *   <li>A release tag reachable from HEAD wins: the setting is ignored with a warning.
 * </ul>
 *
 * @param history the history the decision uses
 * @param rangeStart the commit the range starts after, or null for the whole history
 * @param reasonSuffix appended to the decision's reason, or empty
 */
record PreviousRelease(ReleaseHistory history, String rangeStart, String reasonSuffix) {

    /**
     * @param previousTag {@code release.previousTag}, or null/blank
     * @param read the history as the tags say it
     * @param tagCommits tag name → commit SHA
     * @param git the repository
     * @param head HEAD's SHA
     * @param log for the warning when the setting is ignored
     * @return the previous release
     * @throws ReleaseException when the setting names neither a tag nor a commit, or one HEAD cannot
     *     reach
     */
    static PreviousRelease resolve(
            String previousTag, ReleaseHistory read, Map<String, String> tagCommits, GitRepo git, String head, ReleaseLog log) {
        String fromTags = read.lastRelease().map(ReleaseTag::commitSha).orElse(null);
        if (previousTag == null || previousTag.isBlank()) {
            return new PreviousRelease(read, fromTags, "");
        }
        String value = previousTag.strip();
        if (read.lastRelease().isPresent()) {
            log.warn("release.previousTag " + value + " is ignored: the history has the release tag "
                    + read.lastRelease().get().name() + "; drop the setting");
            return new PreviousRelease(read, fromTags, "");
        }
        String sha = tagCommits.get(value);
        boolean reachable;
        try {
            sha = sha != null ? sha : git.resolveCommitSha(value);
            reachable = git.isAncestor(sha, head);
        } catch (ReleaseException e) {
            throw new ReleaseException("release.previousTag '" + value + "' is neither a tag nor a commit of this"
                    + " repository: name an existing tag or commit SHA (fetch tags with git fetch --tags)", e);
        }
        if (!reachable) {
            throw new ReleaseException("release.previousTag '" + value + "' (commit " + sha.substring(0, 7)
                    + ") is not reachable from HEAD: name a tag or commit of this branch's history");
        }
        Optional<SemVer> version = tagCommits.containsKey(value) ? versionInName(value) : Optional.empty();
        if (version.isPresent()) {
            ReleaseTag previous = new ReleaseTag(value, version.get(), sha);
            return new PreviousRelease(read.withLastRelease(previous).withUsedTag(value), sha,
                    " (previous release from release.previousTag)");
        }
        return new PreviousRelease(read.withUsedTag(value), sha, "; commits after " + sha.substring(0, 7) + " (release.previousTag)");
    }

    /** The version after the first digit's prefix: {@code release-1.3.0} → 1.3.0. */
    private static Optional<SemVer> versionInName(String tagName) {
        for (int i = 0; i < tagName.length(); i++) {
            if (Character.isDigit(tagName.charAt(i))) {
                return SemVer.tryParse(tagName.substring(i));
            }
        }
        return Optional.empty();
    }
}
