package dev.llmproxy.release.commits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The warnings about messages that probably do not mean what the spec reads in them. */
class CommitLintTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private static List<CommitLint.Warning> check(String message) {
        return CommitLint.check(CommitParser.parse(SHA, message, 1), message);
    }

    private static List<String> kinds(String message) {
        return check(message).stream().map(CommitLint.Warning::kind).toList();
    }

    @Test
    void anEmptyBreakingFooterIsAWarningNotABreakingChange() {
        String message = "feat: add x\n\nBREAKING CHANGE: \n";
        ConventionalCommit commit = CommitParser.parse(SHA, message, 1);
        assertFalse(commit.breaking());
        assertEquals(List.of(), commit.breakingNotes());
        assertEquals(List.of(new CommitLint.Warning(CommitLint.EMPTY_BREAKING_FOOTER,
                "commit 0123456 'feat: add x' has an empty BREAKING CHANGE footer, which is not counted as a breaking"
                        + " change: describe the change after \"BREAKING CHANGE: \" (or mark the header with \"!\"), or"
                        + " release with -Drelease.bump=major if it is one; see docs/release.md, \"Commit messages\"")),
                check(message));
    }

    @Test
    void anEmptyFooterWithoutItsSpaceAsGitStoresItIsWarnedToo() {
        assertEquals(List.of(CommitLint.EMPTY_BREAKING_FOOTER), kinds("fix: y\n\nBREAKING CHANGE:\n"));
        assertEquals(List.of(CommitLint.EMPTY_BREAKING_FOOTER), kinds("fix: y\r\n\r\nBREAKING-CHANGE: \r\n"));
    }

    @Test
    void aBangHeaderWithAnEmptyFooterStaysBreakingWithItsDescription() {
        ConventionalCommit commit = CommitParser.parse(SHA, "feat!: drop v1\n\nBREAKING CHANGE: \n", 1);
        assertTrue(commit.breaking());
        assertEquals(List.of("drop v1"), commit.breakingNotes());
    }

    @Test
    void aFooterValueOnTheNextLineIsNotEmpty() {
        String message = "feat: z\n\nBREAKING CHANGE: \n  the config key moved\n";
        assertTrue(CommitParser.parse(SHA, message, 1).breaking());
        assertEquals(List.of(), kinds(message));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "feat: a\\n\\nbreaking change: drops Java 8|breaking change",
        "feat: a\\n\\nBreaking Change: drops Java 8|Breaking Change",
        "feat: a\\n\\nBREAKING CHANGES: drops Java 8|BREAKING CHANGES",
        "feat: a\\n\\nbreaking-change: drops Java 8|breaking-change",
        "Add thing\\n\\nbreaking changes: all of them|breaking changes",
    })
    void lowerCaseOrPluralFootersAreNotBreakingAndAreWarnedNamingTheCommit(String escaped, String token) {
        String message = escaped.replace("\\n", "\n");
        assertFalse(CommitParser.parse(SHA, message, 1).breaking());
        List<CommitLint.Warning> warnings = check(message);
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(CommitLint.BREAKING_FOOTER_VARIANT, warnings.get(0).kind());
        String subject = message.substring(0, message.indexOf('\n'));
        assertEquals("commit 0123456 '" + subject + "' has a \"" + token + ":\" footer, which Conventional Commits 1.0.0"
                + " does not read as a breaking change (only upper-case \"BREAKING CHANGE:\" or \"BREAKING-CHANGE:\"),"
                + " so it is not counted as one: if it is, release with -Drelease.bump=major; see docs/release.md,"
                + " \"Commit messages\"", warnings.get(0).message());
    }

    @Test
    void anExactBreakingLineInsideABodyParagraphIsNoFooterAndIsWarned() {
        String message = "feat: x\n\nSome context.\nBREAKING CHANGE: removed y\n";
        assertFalse(CommitParser.parse(SHA, message, 1).breaking());
        assertEquals(List.of(new CommitLint.Warning(CommitLint.BREAKING_FOOTER_IN_BODY, "commit 0123456 'feat: x' has a"
                + " \"BREAKING CHANGE:\" line inside a paragraph of its body, where it is no footer (footers start after a"
                + " blank line), so it is not counted as a breaking change: if it is, release with -Drelease.bump=major;"
                + " see docs/release.md, \"Commit messages\"")), check(message));
        assertEquals(List.of(), check("feat!: x\n\nSome context.\nBREAKING CHANGE: removed y\n"), "breaking anyway");
        assertEquals(List.of(), check("chore: squash\n\nBEGIN_COMMIT_OVERRIDE\nfeat: a\nBREAKING CHANGE: b\n"
                + "END_COMMIT_OVERRIDE\n"), "an override block is read as whole messages");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        ":sparkles: add x", ":bug: fix the crash", "\u2728 add x", "\uD83D\uDC1B fix the crash", "\u26A1\uFE0F faster",
    })
    void gitmojiSubjectsAreWarnedWithAPointerToTheDocs(String subject) {
        List<CommitLint.Warning> warnings = check(subject + "\n");
        assertEquals(List.of(new CommitLint.Warning(CommitLint.GITMOJI, "commit 0123456 '" + subject + "' starts with a"
                + " gitmoji instead of a Conventional Commits type and is counted as \"other\": write the type first"
                + " (e.g. \"feat: :sparkles: add x\"); see docs/release.md, \"Commit messages\"")), warnings);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "feat: :sparkles: add x", "feat: \u2728 add x", "Update README", ": not a code", "\u00C9t\u00E9 fix",
        "feat: x\\n\\nBREAKING CHANGE: real", "docs: explain what a breaking change: is",
        "Merge branch 'x'\\n\\nbreaking change: in a merge body", "fixup! feat: x\\n\\nBREAKING CHANGE: ",
        "fix: mention breaking change: in the subject only",
    })
    void ordinaryMessagesGiveNoWarning(String escaped) {
        assertEquals(List.of(), check(escaped.replace("\\n", "\n")));
    }

    @Test
    void anInvalidHeaderKeepsItsWarning() {
        assertEquals(List.of(new CommitLint.Warning(CommitLint.INVALID_HEADER,
                "commit 0123456 'feat!(api): x' is not a valid Conventional Commits header and is not counted")),
                check("feat!(api): x"));
    }

    @Test
    void oneCommitCanHaveSeveralKinds() {
        assertEquals(List.of(CommitLint.EMPTY_BREAKING_FOOTER, CommitLint.BREAKING_FOOTER_VARIANT, CommitLint.GITMOJI),
                kinds(":boom: rework\n\nbreaking changes: many\nBREAKING CHANGE: \n"));
    }
}
