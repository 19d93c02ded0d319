package dev.llmproxy.release.notes;

import java.util.List;
import java.util.Map;

/**
 * Finds the pull request that brought each commit (GitHub REST "list pull requests associated with
 * a commit", batched by the implementation). Implemented by the {@code github} package; the notes
 * work without one (git only).
 */
public interface PullRequestSource {

    /**
     * @param shas full 40-hex commit SHAs, in notes order; may be empty
     * @return sha to pull request for the commits that have one; commits without a pull request are
     *     absent (never mapped to null)
     * @throws dev.llmproxy.release.ReleaseException when GitHub cannot be read (names the cause)
     */
    Map<String, PullRequestInfo> forCommits(List<String> shas);
}
