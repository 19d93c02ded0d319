package dev.llmproxy.release.standin;

import java.util.List;

/**
 * A pull request to seed into the stand-in (always {@code closed}; merged or not).
 *
 * @param number PR number (shares the number space with issues, as on GitHub)
 * @param title PR title
 * @param body PR body, may mention {@code Closes #n}
 * @param authorLogin {@code user.login}
 * @param authorAssociation GitHub's {@code author_association}, e.g. {@code CONTRIBUTOR}, {@code FIRST_TIME_CONTRIBUTOR}
 * @param labels label names
 * @param headSha {@code head.sha}, 40 hex
 * @param mergeCommitSha {@code merge_commit_sha}, 40 hex, or null
 * @param merged whether {@code merged_at} is set
 * @param updatedAt ISO-8601 instant for {@code updated_at} (and {@code closed_at}/{@code merged_at}), e.g. {@code 2026-01-02T03:04:05Z}
 */
public record PullRequestSeed(int number, String title, String body, String authorLogin, String authorAssociation,
        List<String> labels, String headSha, String mergeCommitSha, boolean merged, String updatedAt) {
}
