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
 * matched, and after at most one page per 100 commits asked for (never the whole pull request history); the commits
 * still without a pull request are then looked up one by one ({@code GET /repos/{o}/{r}/commits/{sha}/pulls}), at
 * most {@value #MAX_SINGLE_LOOKUPS} of them (a warning names how many stay without one). So a release whose commits
 * all came through pull requests costs ⌈commits / 100⌉ requests.
 * Closed issues come from GitHub's closing keywords in the pull request body ({@code Closes #12}, {@code fixes: #3},
 * {@code Resolved #4}).
 */
public final class GitHubPullRequests implements PullRequestSource {
    private static final Pattern CLOSING = Pattern.compile(
            "(?i)(?<![\\w-])(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?\\s+#(\\d{1,9})\\b");
    private static final int PER_PAGE = 100;
    /** Commits looked up one by one, at most, after the listing. */
    static final int MAX_SINGLE_LOOKUPS = 20;

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
        int pages = Math.max(1, Math.min((wanted.size() + PER_PAGE - 1) / PER_PAGE,
                (maxPullRequests + PER_PAGE - 1) / PER_PAGE));
        int[] listed = {0};
        api.listAll("list closed pull requests",
                api.repoPath() + "/pulls?state=closed&sort=updated&direction=desc&per_page=" + PER_PAGE,
                page -> {
                    listed[0]++;
                    page.subList(Math.max(0, page.size() - PER_PAGE), page.size()).forEach(pr -> match(pr, wanted,
                            found));
                    return found.size() == wanted.size() || listed[0] >= pages;
                });
        List<String> missing = wanted.stream().filter(sha -> !found.containsKey(sha)).toList();
        for (String sha : missing.subList(0, Math.min(MAX_SINGLE_LOOKUPS, missing.size()))) {
            String what = "list pull requests of commit " + sha.substring(0, Math.min(7, sha.length()));
            JsonNode prs = api.call(what, "GET", api.repoPath() + "/commits/" + sha + "/pulls?per_page=100", null);
            GitHubApi.requireArray(prs, what);
            for (JsonNode pr : prs) {
                if (!pr.path("merged_at").isNull() && !pr.path("merged_at").isMissingNode()) {
                    found.put(sha, info(pr));
                    break;
                }
            }
        }
        if (missing.size() > MAX_SINGLE_LOOKUPS) {
            log.warn("GitHub: " + (missing.size() - MAX_SINGLE_LOOKUPS) + " commit(s) not among the " + listed[0] * PER_PAGE
                    + " most recently updated pull requests were not looked up one by one (at most "
                    + MAX_SINGLE_LOOKUPS + "); their notes show the commit without a pull request");
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
