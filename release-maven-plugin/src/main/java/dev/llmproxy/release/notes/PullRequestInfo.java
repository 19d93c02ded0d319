package dev.llmproxy.release.notes;

import java.util.List;
import java.util.Objects;

/**
 * What the notes need to know about one GitHub pull request (GitHub REST "pulls" and "issues"
 * resources, reduced to these fields).
 *
 * @param number the pull request number ({@code 40} for {@code #40}), positive
 * @param title the title as shown on GitHub; may be a Conventional Commits header
 * @param labels the label names in GitHub's order, never null
 * @param authorLogin the author's login ({@code "octocat"}, {@code "dependabot[bot]"}), or null
 *     when unknown (deleted account)
 * @param firstTimeContributor true when this is the author's first contribution to the repository
 * @param closedIssues numbers of the issues the pull request closes, never null
 * @param url the pull request's web address, or null to build it from the repository
 * @param body the description as written (Markdown), never null; read for release-please's {@code
 *     BEGIN_COMMIT_OVERRIDE} block
 */
public record PullRequestInfo(
        int number,
        String title,
        List<String> labels,
        String authorLogin,
        boolean firstTimeContributor,
        List<Integer> closedIssues,
        String url,
        String body) {

    /** Without a body (empty). */
    public PullRequestInfo(int number, String title, List<String> labels, String authorLogin,
            boolean firstTimeContributor, List<Integer> closedIssues, String url) {
        this(number, title, labels, authorLogin, firstTimeContributor, closedIssues, url, "");
    }

    public PullRequestInfo {
        if (number <= 0) {
            throw new IllegalArgumentException("pull request number " + number + " is not positive: pass GitHub's number");
        }
        title = Objects.requireNonNullElse(title, "");
        body = Objects.requireNonNullElse(body, "");
        labels = List.copyOf(Objects.requireNonNullElse(labels, List.of()));
        closedIssues = List.copyOf(Objects.requireNonNullElse(closedIssues, List.of()));
    }
}
