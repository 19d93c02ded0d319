package dev.llmproxy.release.commits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
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
