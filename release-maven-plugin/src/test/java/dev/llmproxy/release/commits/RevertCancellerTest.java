package dev.llmproxy.release.commits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RevertCancellerTest {

    private static String sha(String name) {
        return (name + "0000000000").substring(0, 7) + "f".repeat(33);
    }

    /**
     * Each commit is {@code name} (a feature) or {@code name>target} (a revert of target, the SHA
     * written in full, or abbreviated to 7 characters with {@code ~}); newest first.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "b>a a            | ''",
        "b~>a a           | ''",
        "c b>a a          | c",
        "b>x a            | b a",
        "c>b b>a a        | a",
        "d>c c>b b>a a    | ''",
        "b>a c>a a        | c",
        "b>a a a          | a",
        "c>a b>a a a      | ''",
        "a b>a            | a b",
        "c b~>a a d       | c d",
        "b>A A            | ''",
        "''               | ''"
    })
    void revertAndTargetInTheRangeCancelOut(String newestFirst, String expected) {
        List<ConventionalCommit> commits = Arrays.stream(newestFirst.split(" "))
                .filter(s -> !s.isEmpty())
                .map(RevertCancellerTest::commit)
                .toList();
        List<String> kept = RevertCanceller.cancel(commits).stream().map(c -> c.sha().substring(0, 1)).toList();
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(" ")), kept);
    }

    @Test
    void aSquashMergedRevertWithoutShaCancelsTheNearestOlderCommitOfItsSubject() {
        List<ConventionalCommit> commits = List.of(
                CommitParser.parse(sha("r"), "Revert \"feat: x\" (#190)\n\nReverts example-org/app#189", 1),
                CommitParser.parse(sha("a"), "feat: x (#189)", 1),
                CommitParser.parse(sha("b"), "feat: x", 1),
                CommitParser.parse(sha("c"), "Revert \"feat: gone\"", 1));
        assertEquals(List.of(sha("b"), sha("c")), RevertCanceller.cancel(commits).stream().map(ConventionalCommit::sha).toList());
        assertEquals("feat: x", RevertCanceller.revertedSubject(commits.get(0)));
        assertEquals("a", RevertCanceller.revertedSubject(CommitParser.parse(sha("d"), "Revert \"a (#3)\" (#4)", 1)));
        assertEquals(null, RevertCanceller.revertedSubject(CommitParser.parse(sha("e"), "revert: a", 1)));
    }

    /**
     * A long range: every 10th commit reverts the one 5 older (cancelled pairs), every 1000th
     * reverts a commit outside the range (kept), newest first.
     */
    @Test
    void longRangeWithRevertsNearAndOutside() {
        List<ConventionalCommit> commits = new ArrayList<>();
        for (int i = 100_000; i >= 1; i--) {
            String hex = String.format(Locale.ROOT, "%040x", i);
            String message = i % 1000 == 3 ? "Revert \"x\"\n\nThis reverts commit " + "e".repeat(40) + "."
                    : i % 10 == 6 ? "Revert \"x\"\n\nThis reverts commit " + String.format(Locale.ROOT, "%040x", i - 5) + "."
                    : "feat: " + i;
            commits.add(CommitParser.parse(hex, message, 1));
        }
        List<ConventionalCommit> kept = RevertCanceller.cancel(commits);
        assertEquals(100_000 - 2 * 10_000, kept.size());
        assertTrue(kept.stream().map(c -> Integer.parseInt(c.sha().substring(30), 16) % 10).noneMatch(d -> d == 6 || d == 1));
        assertEquals(100, kept.stream().filter(c -> c.kind() == ConventionalCommit.Kind.REVERT).count());
    }

    private static ConventionalCommit commit(String spec) {
        String[] parts = spec.split("~?>");
        String name = parts[0];
        if (parts.length == 1) {
            return CommitParser.parse(sha(name), "feat: " + name, 1);
        }
        String target = spec.contains("~>") ? sha(parts[1]).substring(0, 7) : sha(parts[1]);
        return CommitParser.parse(sha(name), "Revert \"something\"\n\nThis reverts commit " + target + ".", 1);
    }
}
