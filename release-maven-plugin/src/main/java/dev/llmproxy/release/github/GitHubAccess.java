package dev.llmproxy.release.github;

import dev.llmproxy.release.ReleaseLog;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What the token may do on the repository and whether a tag is free there: the checks a preview
 * runs so that it refuses what the real run would refuse (issue 11, "honest preview").
 */
public final class GitHubAccess {
    private final GitHubApi api;

    /**
     * @param config API root, repository and token
     * @param retry retry budget
     * @param log where retries are reported
     */
    public GitHubAccess(GitHubConfig config, RetryPolicy retry, ReleaseLog log) {
        this.api = new GitHubApi(config, retry, log);
    }

    /**
     * @return {@code GET /repos/{owner}/{repo}} {@code permissions.push}: true or false, or empty
     *     when the answer has no {@code permissions} (e.g. a token GitHub does not describe)
     * @throws dev.llmproxy.release.ReleaseException when the repository cannot be read (404: unknown
     *     or not visible to the token; 401: bad token)
     */
    public Optional<Boolean> canPush() {
        JsonNode push = api.repository().path("permissions").path("push");
        return push.isBoolean() ? Optional.of(push.asBoolean()) : Optional.empty();
    }

    /**
     * @param tag a tag name, e.g. {@code v1.5.0}
     * @return the SHA the tag's ref points at on GitHub ({@code GET /repos/{owner}/{repo}/git/ref/tags/{tag}};
     *     an annotated tag's tag object SHA), or empty when GitHub has no such tag (404)
     */
    public Optional<String> tagRef(String tag) {
        try {
            JsonNode ref = api.call("read tag " + tag, "GET", api.repoPath() + "/git/ref/tags/" + tag, null);
            return Optional.of(ref.path("object").path("sha").asText());
        } catch (GitHubApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
