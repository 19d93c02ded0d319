package dev.llmproxy.release.commits;

import dev.llmproxy.release.commits.ConventionalCommit.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

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
     * Linear in the range apart from sorting the SHAs once when it has a revert (a revert's target
     * is found by binary search, not by scanning the older commits: a range of 300,000 commits with
     * reverts of commits outside it would otherwise be quadratic).
     *
     * @param newestFirst the commits of a range in git log order (newest first)
     * @return the same commits in the same order without cancelled pairs
     */
    public static List<ConventionalCommit> cancel(List<ConventionalCommit> newestFirst) {
        boolean[] cancelled = new boolean[newestFirst.size()];
        ShaIndex index = null;
        for (int i = 0; i < newestFirst.size(); i++) {
            ConventionalCommit revert = newestFirst.get(i);
            if (cancelled[i] || !reverts(revert)) {
                continue;
            }
            if (index == null) {
                index = new ShaIndex(newestFirst);
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

    /** The range's non-empty SHAs in lower case, sorted, with their positions (ascending among equal SHAs). */
    private static final class ShaIndex {
        private final String[] shas;
        private final int[] positions;

        ShaIndex(List<ConventionalCommit> newestFirst) {
            Integer[] order = IntStream.range(0, newestFirst.size())
                    .filter(i -> !newestFirst.get(i).sha().isEmpty())
                    .boxed()
                    .toArray(Integer[]::new);
            String[] lower = newestFirst.stream().map(c -> c.sha().toLowerCase(Locale.ROOT)).toArray(String[]::new);
            Arrays.sort(order, Comparator.comparing((Integer i) -> lower[i]));
            shas = new String[order.length];
            positions = new int[order.length];
            for (int k = 0; k < order.length; k++) {
                shas[k] = lower[order[k]];
                positions[k] = order[k];
            }
        }

        /** @return the first position after {@code after}, not cancelled, whose SHA starts with {@code prefix}; -1 if none */
        int firstOlder(String prefix, int after, boolean[] cancelled) {
            int low = 0;
            int high = shas.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (shas[mid].compareTo(prefix) < 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            int first = -1;
            for (int k = low; k < shas.length && shas[k].startsWith(prefix); k++) {
                int position = positions[k];
                if (position > after && !cancelled[position] && (first < 0 || position < first)) {
                    first = position;
                }
            }
            return first;
        }
    }
}
