package dev.llmproxy.release.commits;

import dev.llmproxy.release.commits.ConventionalCommit.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes a revert and the commit it reverts when both are in the same range (issue #2, item 4),
 * so that neither is counted for the bump nor listed in the notes.
 *
 * <p>A revert names its target by "This reverts commit X" ({@link ConventionalCommit#revertedSha()},
 * full or abbreviated, matched as a prefix of the target's full SHA). Commits are read newest first,
 * so a revert of a revert cancels that revert and the original commit stays (it was re-applied).
 * A revert whose target is outside the range stays: it changes released code.
 *
 * <p>A {@code Revert "..."} without that sentence (a squash-merged revert pull request, {@code
 * Revert "feat: x" (#190)}, whose body says "Reverts org/repo#189") names its target by subject: the
 * nearest older commit whose subject, without a trailing {@code (#N)}, is the quoted text without one.
 */
public final class RevertCanceller {

    private static final Pattern QUOTED_REVERT = Pattern.compile("Revert \"(.*)\"");
    private static final Pattern SQUASH_SUFFIX = Pattern.compile("\\s*\\(#(\\d{1,9})\\)$");

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
            if (cancelled[i]) {
                continue;
            }
            if (!reverts(revert)) {
                int target = bySubject(newestFirst, i, cancelled);
                if (target >= 0) {
                    cancelled[i] = true;
                    cancelled[target] = true;
                }
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

    /** @return the position of the older commit a revert without SHA names by subject, or -1 */
    private static int bySubject(List<ConventionalCommit> newestFirst, int revertAt, boolean[] cancelled) {
        String reverted = revertedSubject(newestFirst.get(revertAt));
        if (reverted == null) {
            return -1;
        }
        for (int i = revertAt + 1; i < newestFirst.size(); i++) {
            if (!cancelled[i] && withoutSquashSuffix(newestFirst.get(i).subject()).equals(reverted)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param c a commit
     * @return for a {@code Revert "x"} commit, {@code x} without a trailing {@code (#N)} (the revert's
     *     own suffix is dropped first); otherwise null. Used when the commit names no SHA.
     */
    public static String revertedSubject(ConventionalCommit c) {
        if (c.kind() != Kind.REVERT) {
            return null;
        }
        Matcher m = QUOTED_REVERT.matcher(withoutSquashSuffix(c.subject()));
        return m.matches() ? withoutSquashSuffix(m.group(1)) : null;
    }

    private static String withoutSquashSuffix(String subject) {
        return subject.endsWith(")") ? SQUASH_SUFFIX.matcher(subject).replaceFirst("") : subject;
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
