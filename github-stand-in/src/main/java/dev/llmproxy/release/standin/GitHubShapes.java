package dev.llmproxy.release.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds GitHub's resource objects with every field that GitHub's OpenAPI description (api.github.com, schemas
 * {@code simple-user}, {@code repository}, {@code full-repository}, {@code label}, {@code pull-request-simple},
 * {@code issue}, {@code issue-comment}) marks required, with plausible values for a repository served at
 * {@code htmlBase} and {@code apiBase}. Only documented fields are produced.
 */
final class GitHubShapes {
    /** Repository URL templates, as GitHub sends them: field name to suffix of the repository's API URL. */
    private static final Map<String, String> REPOSITORY_URLS = repositoryUrls();
    private static final String CREATED = "2020-01-01T00:00:00Z";

    private final ObjectMapper json;
    private final String htmlBase;
    private final String apiBase;
    private final String owner;
    private final String repo;

    /**
     * @param json the mapper that makes the nodes
     * @param htmlBase web root without trailing slash, e.g. {@code http://127.0.0.1:4000}
     * @param apiBase API root without trailing slash, e.g. {@code http://127.0.0.1:4000/api/v3}
     * @param owner repository owner login
     * @param repo repository name
     */
    GitHubShapes(ObjectMapper json, String htmlBase, String apiBase, String owner, String repo) {
        this.json = json;
        this.htmlBase = htmlBase;
        this.apiBase = apiBase;
        this.owner = owner;
        this.repo = repo;
    }

    /** @return the current time as GitHub writes it: ISO-8601 UTC, whole seconds */
    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** @return {@code /repos/owner/repo} */
    String repoPath() {
        return "/repos/" + owner + "/" + repo;
    }

    /** @return the repository's API URL */
    String repoApiUrl() {
        return apiBase + repoPath();
    }

    /** @return the repository's web page */
    String repoHtmlUrl() {
        return htmlBase + "/" + owner + "/" + repo;
    }

    /** A {@code simple-user}; the id is derived from the login. */
    ObjectNode user(String login) {
        long id = Math.abs((long) login.hashCode());
        String url = apiBase + "/users/" + login;
        return json.createObjectNode().put("login", login).put("id", id).put("node_id", "U_" + id)
                .put("avatar_url", htmlBase + "/avatars/" + login).put("gravatar_id", "")
                .put("url", url).put("html_url", htmlBase + "/" + login)
                .put("followers_url", url + "/followers").put("following_url", url + "/following{/other_user}")
                .put("gists_url", url + "/gists{/gist_id}").put("starred_url", url + "/starred{/owner}{/repo}")
                .put("subscriptions_url", url + "/subscriptions").put("organizations_url", url + "/orgs")
                .put("repos_url", url + "/repos").put("events_url", url + "/events{/privacy}")
                .put("received_events_url", url + "/received_events").put("type", "User").put("site_admin", false);
    }

    /**
     * @param push whether the token may push (a token with contents: write)
     * @return the {@code permissions} of {@code full-repository} for the token's user
     */
    ObjectNode permissions(boolean push) {
        return json.createObjectNode().put("admin", false).put("maintain", false).put("push", push)
                .put("triage", push).put("pull", true);
    }

    /**
     * @param full true: {@code full-repository} ({@code GET /repos/o/r}); false: {@code repository} (inside pulls)
     * @return the served repository
     */
    ObjectNode repository(boolean full) {
        String url = repoApiUrl();
        String html = repoHtmlUrl();
        ObjectNode node = json.createObjectNode().put("id", 1).put("node_id", "R_1").put("name", repo)
                .put("full_name", owner + "/" + repo).put("private", false).put("html_url", html)
                .putNull("description").put("fork", false).put("url", url);
        node.set("owner", user(owner));
        REPOSITORY_URLS.forEach((field, suffix) -> node.put(field, url + suffix));
        String host = java.net.URI.create(htmlBase).getHost();
        node.put("git_url", "git://" + host + "/" + owner + "/" + repo + ".git")
                .put("ssh_url", "git@" + host + ":" + owner + "/" + repo + ".git")
                .put("clone_url", html + ".git").put("svn_url", html).putNull("mirror_url").putNull("homepage")
                .putNull("language").put("forks_count", 0).put("forks", 0).put("stargazers_count", 0)
                .put("watchers_count", 0).put("watchers", 0).put("size", 0).put("default_branch", "main")
                .put("open_issues_count", 0).put("open_issues", 0).put("has_issues", true)
                .put("has_projects", false).put("has_wiki", false).put("has_pages", false)
                .put("has_downloads", true).put("archived", false).put("disabled", false).putNull("license")
                .put("pushed_at", CREATED).put("created_at", CREATED).put("updated_at", CREATED);
        if (full) {
            node.put("has_discussions", false).put("network_count", 0).put("subscribers_count", 0);
        }
        return node;
    }

    /** A {@code label} of a pull request or issue. */
    ObjectNode label(String name) {
        long id = Math.abs((long) name.hashCode());
        return json.createObjectNode().put("id", id).put("node_id", "LA_" + id)
                .put("url", repoApiUrl() + "/labels/" + name.replace(" ", "%20")).put("name", name)
                .put("description", "").put("color", "ededed").put("default", false);
    }

    /**
     * A {@code pull-request-simple} without title, body, user, labels, dates, SHAs and association, which the caller
     * adds from its seed.
     *
     * @param number pull request number
     * @param headRef head branch name
     * @param headSha head commit, 40 hex
     */
    ObjectNode pullRequest(int number, String headRef, String headSha) {
        String url = repoApiUrl() + "/pulls/" + number;
        String html = repoHtmlUrl() + "/pull/" + number;
        String issue = repoApiUrl() + "/issues/" + number;
        ObjectNode pr = json.createObjectNode().put("url", url).put("id", number * 1000L)
                .put("node_id", "PR_" + number).put("html_url", html).put("diff_url", html + ".diff")
                .put("patch_url", html + ".patch").put("issue_url", issue).put("commits_url", url + "/commits")
                .put("review_comments_url", url + "/comments")
                .put("review_comment_url", repoApiUrl() + "/pulls/comments{/number}")
                .put("comments_url", issue + "/comments")
                .put("statuses_url", repoApiUrl() + "/statuses/" + headSha).put("number", number)
                .put("state", "closed").put("locked", false).putNull("milestone").putNull("assignee")
                .putNull("auto_merge").put("draft", false);
        pr.putArray("assignees");
        pr.putArray("requested_reviewers");
        pr.putArray("requested_teams");
        pr.set("head", branch(headRef, headSha));
        pr.set("base", branch("main", "0".repeat(40)));
        ObjectNode links = pr.putObject("_links");
        Map<String, String> hrefs = new LinkedHashMap<>();
        hrefs.put("self", url);
        hrefs.put("html", html);
        hrefs.put("issue", issue);
        hrefs.put("comments", issue + "/comments");
        hrefs.put("review_comments", url + "/comments");
        hrefs.put("review_comment", repoApiUrl() + "/pulls/comments{/number}");
        hrefs.put("commits", url + "/commits");
        hrefs.put("statuses", repoApiUrl() + "/statuses/" + headSha);
        hrefs.forEach((rel, href) -> links.putObject(rel).put("href", href));
        return pr;
    }

    private ObjectNode branch(String ref, String sha) {
        ObjectNode branch = json.createObjectNode().put("label", owner + ":" + ref).put("ref", ref).put("sha", sha);
        branch.set("user", user(owner));
        branch.set("repo", repository(false));
        return branch;
    }

    /**
     * An {@code issue} with no labels, assignee or milestone.
     *
     * @param number issue number
     * @param title title
     * @param closedAt ISO-8601 instant when closed, or null when open
     * @param author login of its author
     */
    ObjectNode issue(int number, String title, String closedAt, String author) {
        String url = repoApiUrl() + "/issues/" + number;
        ObjectNode issue = json.createObjectNode().put("id", number * 1000L + 1).put("node_id", "I_" + number)
                .put("url", url).put("repository_url", repoApiUrl()).put("labels_url", url + "/labels{/name}")
                .put("comments_url", url + "/comments").put("events_url", url + "/events")
                .put("html_url", repoHtmlUrl() + "/issues/" + number).put("number", number)
                .put("state", closedAt == null ? "open" : "closed").put("title", title).put("locked", false)
                .putNull("assignee").putNull("milestone").put("comments", 0)
                .put("created_at", CREATED).put("updated_at", closedAt == null ? CREATED : closedAt)
                .put("closed_at", closedAt).put("author_association", "CONTRIBUTOR");
        issue.putArray("labels");
        issue.putArray("assignees");
        issue.set("user", user(author));
        return issue;
    }

    /**
     * An {@code issue-comment} by {@code stand-in-bot}.
     *
     * @param id comment id
     * @param issueNumber the issue or pull request commented on
     * @param issueHtmlUrl that issue's web page
     * @param body comment Markdown
     */
    ObjectNode comment(long id, int issueNumber, String issueHtmlUrl, String body) {
        String now = now();
        ObjectNode comment = json.createObjectNode().put("id", id).put("node_id", "IC_" + id)
                .put("url", repoApiUrl() + "/issues/comments/" + id)
                .put("html_url", issueHtmlUrl + "#issuecomment-" + id)
                .put("issue_url", repoApiUrl() + "/issues/" + issueNumber).put("body", body)
                .put("created_at", now).put("updated_at", now).put("author_association", "NONE");
        comment.set("user", user("stand-in-bot"));
        return comment;
    }

    private static Map<String, String> repositoryUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        String[][] pairs = {
            {"archive_url", "/{archive_format}{/ref}"}, {"assignees_url", "/assignees{/user}"},
            {"blobs_url", "/git/blobs{/sha}"}, {"branches_url", "/branches{/branch}"},
            {"collaborators_url", "/collaborators{/collaborator}"}, {"comments_url", "/comments{/number}"},
            {"commits_url", "/commits{/sha}"}, {"compare_url", "/compare/{base}...{head}"},
            {"contents_url", "/contents/{+path}"}, {"contributors_url", "/contributors"},
            {"deployments_url", "/deployments"}, {"downloads_url", "/downloads"}, {"events_url", "/events"},
            {"forks_url", "/forks"}, {"git_commits_url", "/git/commits{/sha}"}, {"git_refs_url", "/git/refs{/sha}"},
            {"git_tags_url", "/git/tags{/sha}"}, {"hooks_url", "/hooks"},
            {"issue_comment_url", "/issues/comments{/number}"}, {"issue_events_url", "/issues/events{/number}"},
            {"issues_url", "/issues{/number}"}, {"keys_url", "/keys{/key_id}"}, {"labels_url", "/labels{/name}"},
            {"languages_url", "/languages"}, {"merges_url", "/merges"}, {"milestones_url", "/milestones{/number}"},
            {"notifications_url", "/notifications{?since,all,participating}"}, {"pulls_url", "/pulls{/number}"},
            {"releases_url", "/releases{/id}"}, {"stargazers_url", "/stargazers"},
            {"statuses_url", "/statuses/{sha}"}, {"subscribers_url", "/subscribers"},
            {"subscription_url", "/subscription"}, {"tags_url", "/tags"}, {"teams_url", "/teams"},
            {"trees_url", "/git/trees{/sha}"},
        };
        for (String[] pair : pairs) {
            urls.put(pair[0], pair[1]);
        }
        return java.util.Collections.unmodifiableMap(urls);
    }
}
