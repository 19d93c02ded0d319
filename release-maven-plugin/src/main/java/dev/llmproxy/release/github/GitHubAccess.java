package dev.llmproxy.release.github;

import dev.llmproxy.release.ReleaseLog;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What the token may do on the repository: the check a preview runs so that it refuses what the real
 * run would refuse (issue 11, "honest preview"). Whether the tag is free on GitHub is {@link GitHubReleaser}'s
 * own check.
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
}
