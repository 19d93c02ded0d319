package dev.llmproxy.release.github;

import dev.llmproxy.release.ReleaseLog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmproxy.release.notes.PullRequestInfo;
import dev.llmproxy.release.notes.PullRequestSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the merged pull request behind each commit of a release range in batches: closed pull requests are listed
 * newest-updated first, 100 per page ({@code GET /repos/{o}/{r}/pulls?state=closed&sort=updated&direction=desc}),
 * and a commit matches a merged pull request by its {@code merge_commit_sha} (squash, rebase and merge commits) or
 * its {@code head.sha} (the branch tip brought in by a merge commit). Listing stops as soon as every commit has
 * matched, or after {@code maxPullRequests}; so at most one call per 100 pull requests, never one per commit.
 * Closed issues come from GitHub's closing keywords in the pull request body ({@code Closes #12}, {@code fixes: #3},
 * {@code Resolved #4}).
 */
public final class GitHubPullRequests implements PullRequestSource {
    private static final Pattern CLOSING = Pattern.compile(
            "(?i)(?<![\\w-])(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?\\s+#(\\d{1,9})\\b");
    private static final int PER_PAGE = 100;

    private final GitHubApi api;
    private final ReleaseLog log;
    private final int maxPullRequests;

    /**
     * @param config API URL, repository and token (reads work anonymously for public repositories)
     * @param retry retry policy
     * @param log progress and warnings
     * @param maxPullRequests how many closed pull requests to scan at most (e.g. 1000), at least 1
     */
    public GitHubPullRequests(GitHubConfig config, RetryPolicy retry, ReleaseLog log, int maxPullRequests) {
        if (maxPullRequests < 1) {
            throw new IllegalArgumentException("maxPullRequests must be at least 1, got " + maxPullRequests);
        }
        this.api = new GitHubApi(config, retry, log);
        this.log = log;
        this.maxPullRequests = maxPullRequests;
    }

    /**
     * @param shas full 40-hex commit SHAs of the release range
     * @return sha to pull request for the commits that a merged pull request brought; others are absent
     * @throws dev.llmproxy.release.ReleaseException when GitHub cannot be read (names the cause)
     */
    @Override
    public Map<String, PullRequestInfo> forCommits(List<String> shas) {
        Set<String> wanted = new LinkedHashSet<>(shas);
        Map<String, PullRequestInfo> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        List<JsonNode> scanned = api.listAll("list closed pull requests",
                api.repoPath() + "/pulls?state=closed&sort=updated&direction=desc&per_page=" + PER_PAGE,
                page -> {
                    page.subList(Math.max(0, page.size() - PER_PAGE), page.size()).forEach(pr -> match(pr, wanted,
                            found));
                    return found.size() == wanted.size() || page.size() >= maxPullRequests;
                });
        if (found.size() < wanted.size() && scanned.size() >= maxPullRequests) {
            log.warn("GitHub: scanned " + scanned.size() + " closed pull requests; " + (wanted.size() - found.size())
                    + " commit(s) stay without a pull request");
        }
        Map<String, PullRequestInfo> ordered = new LinkedHashMap<>();
        wanted.stream().filter(found::containsKey).forEach(sha -> ordered.put(sha, found.get(sha)));
        return ordered;
    }

    private static void match(JsonNode pr, Set<String> wanted, Map<String, PullRequestInfo> found) {
        if (pr.path("merged_at").isNull() || pr.path("merged_at").isMissingNode()) {
            return;
        }
        for (String sha : List.of(pr.path("merge_commit_sha").asText(""), pr.path("head").path("sha").asText(""))) {
            if (wanted.contains(sha) && !found.containsKey(sha)) {
                found.put(sha, info(pr));
            }
        }
    }

    private static PullRequestInfo info(JsonNode pr) {
        List<String> labels = new ArrayList<>();
        pr.path("labels").forEach(label -> labels.add(label.path("name").asText()));
        String association = pr.path("author_association").asText("");
        return new PullRequestInfo(pr.path("number").asInt(), pr.path("title").asText(""), labels,
                pr.path("user").path("login").asText(null),
                association.equals("FIRST_TIME_CONTRIBUTOR") || association.equals("FIRST_TIMER"),
                closedIssues(pr.path("body").asText("")), pr.path("html_url").asText(null), pr.path("body").asText(""));
    }

    /**
     * @param body a pull request body
     * @return issue numbers named after a GitHub closing keyword, in order, without repeats
     */
    static List<Integer> closedIssues(String body) {
        Set<Integer> numbers = new LinkedHashSet<>();
        Matcher matcher = CLOSING.matcher(body);
        while (matcher.find()) {
            numbers.add(Integer.parseInt(matcher.group(1)));
        }
        return List.copyOf(numbers);
    }
}
