package dev.llmproxy.release.commits;

import dev.llmproxy.release.commits.ConventionalCommit.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Removes a revert and the commit it reverts when both are in the same range (issue #2, item 4),
 * so that neither is counted for the bump nor listed in the notes.
 *
 * <p>A revert names its target by "This reverts commit X" ({@link ConventionalCommit#revertedSha()},
 * full or abbreviated, matched as a prefix of the target's full SHA). Commits are read newest first,
 * so a revert of a revert cancels that revert and the original commit stays (it was re-applied).
 * A revert whose target is outside the range stays: it changes released code.
 */
public final class RevertCanceller {

    private RevertCanceller() {}

    /**
     * @param newestFirst the commits of a range in git log order (newest first)
     * @return the same commits in the same order without cancelled pairs
     */
    public static List<ConventionalCommit> cancel(List<ConventionalCommit> newestFirst) {
        boolean[] cancelled = new boolean[newestFirst.size()];
        for (int i = 0; i < newestFirst.size(); i++) {
            ConventionalCommit revert = newestFirst.get(i);
            if (cancelled[i] || !reverts(revert)) {
                continue;
            }
            for (int j = i + 1; j < newestFirst.size(); j++) {
                String target = newestFirst.get(j).sha().toLowerCase(Locale.ROOT);
                if (!cancelled[j] && !target.isEmpty() && target.startsWith(revert.revertedSha())) {
                    cancelled[i] = true;
                    cancelled[j] = true;
                    break;
                }
            }
        }
        List<ConventionalCommit> kept = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            if (!cancelled[i]) {
                kept.add(newestFirst.get(i));
            }
        }
        return kept;
    }

    private static boolean reverts(ConventionalCommit c) {
        return c.revertedSha() != null && (c.kind() == Kind.REVERT || c.kind() == Kind.CONVENTIONAL);
    }
}
