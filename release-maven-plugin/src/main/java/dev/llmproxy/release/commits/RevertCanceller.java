package dev.llmproxy.release.commits;

import dev.llmproxy.release.commits.ConventionalCommit.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
     * Linear in the range: a revert's target is looked up in an index of the commits that reverts
     * name, not found by scanning the older commits (a range of 300,000 commits with reverts of
     * commits outside it would otherwise be quadratic).
     *
     * @param newestFirst the commits of a range in git log order (newest first)
     * @return the same commits in the same order without cancelled pairs
     */
    public static List<ConventionalCommit> cancel(List<ConventionalCommit> newestFirst) {
        boolean[] cancelled = new boolean[newestFirst.size()];
        TargetIndex index = null;
        for (int i = 0; i < newestFirst.size(); i++) {
            ConventionalCommit revert = newestFirst.get(i);
            if (cancelled[i] || !reverts(revert)) {
                continue;
            }
            if (index == null) {
                index = new TargetIndex(newestFirst);
            }
            int target = index.firstOlder(revert.revertedSha(), i, cancelled);
            if (target >= 0) {
                cancelled[i] = true;
                cancelled[target] = true;
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

    /**
     * The positions of the commits whose SHA (lower case) starts with a target some revert names,
     * ascending: built in one pass over the range with one hash look-up per commit and distinct
     * target length, rather than by sorting every SHA of the range.
     */
    private static final class TargetIndex {
        private final Map<String, List<Integer>> positionsByTarget = new HashMap<>();

        TargetIndex(List<ConventionalCommit> newestFirst) {
            Set<Integer> lengths = new TreeSet<>();
            for (ConventionalCommit c : newestFirst) {
                if (reverts(c)) {
                    positionsByTarget.putIfAbsent(c.revertedSha(), new ArrayList<>());
                    lengths.add(c.revertedSha().length());
                }
            }
            for (int i = 0; i < newestFirst.size(); i++) {
                String sha = newestFirst.get(i).sha().toLowerCase(Locale.ROOT);
                for (int length : lengths) {
                    List<Integer> positions = sha.isEmpty() || sha.length() < length ? null
                            : positionsByTarget.get(sha.length() == length ? sha : sha.substring(0, length));
                    if (positions != null) {
                        positions.add(i);
                    }
                }
            }
        }

        /** @return the first position after {@code after}, not cancelled, whose SHA starts with {@code prefix}; -1 if none */
        int firstOlder(String prefix, int after, boolean[] cancelled) {
            for (int position : positionsByTarget.get(prefix)) {
                if (position > after && !cancelled[position]) {
                    return position;
                }
            }
            return -1;
        }
    }
}
