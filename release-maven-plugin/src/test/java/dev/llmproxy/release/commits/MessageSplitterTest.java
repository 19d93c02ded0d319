package dev.llmproxy.release.commits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.llmproxy.release.commits.ConventionalCommit.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private static List<String> headers(List<ConventionalCommit> commits) {
        return commits.stream().map(c -> c.kind() + " " + c.subject() + (c.breaking() ? " !" + c.breakingNotes() : "")).toList();
    }

    @Test
    void aPlainMessageIsOneCommit() {
        List<ConventionalCommit> commits = MessageSplitter.parse(SHA, "feat: a\n\nsome body\n\nRefs: #3", 1);
        assertEquals(List.of("CONVENTIONAL feat: a"), headers(commits));
        assertEquals("some body", commits.get(0).body());
    }

    @Test
    void anOverrideBlockReplacesTheMessage() {
        String message = "chore: update things (#12)\n\nBEGIN_COMMIT_OVERRIDE\nfeat(api): widgets\n\nfix: gadgets\nEND_COMMIT_OVERRIDE\n";
        assertEquals(List.of("CONVENTIONAL feat(api): widgets", "CONVENTIONAL fix: gadgets"),
                headers(MessageSplitter.parse(SHA, message, 1)));
    }

    @Test
    void anOverrideWithoutEndRunsToTheEndAndABlankOneIsIgnored() {
        assertEquals(List.of("CONVENTIONAL fix: only this"),
                headers(MessageSplitter.parse(SHA, "feat: x\n\nBEGIN_COMMIT_OVERRIDE\nfix: only this", 1)));
        assertEquals(List.of("CONVENTIONAL feat: x"),
                headers(MessageSplitter.parse(SHA, "feat: x\n\nBEGIN_COMMIT_OVERRIDE\n\nEND_COMMIT_OVERRIDE", 1)));
    }

    @Test
    void nestedCommitsMakeOneCommitEachAndTheTextAroundStaysTheMain() {
        String message = "chore: regenerate (#7)\n\nBEGIN_NESTED_COMMIT\nfeat: add a\nEND_NESTED_COMMIT\n"
                + "BEGIN_NESTED_COMMIT\nfix(b)!: change b\n\nBREAKING CHANGE: b is gone\nEND_NESTED_COMMIT\nafter";
        List<ConventionalCommit> commits = MessageSplitter.parse(SHA, message, 1);
        assertEquals(List.of("CONVENTIONAL chore: regenerate (#7)", "CONVENTIONAL feat: add a",
                "CONVENTIONAL fix(b)!: change b ![b is gone]"), headers(commits));
        assertEquals("after", commits.get(0).body());
        assertEquals(List.of(SHA, SHA, SHA), commits.stream().map(ConventionalCommit::sha).toList());
    }

    @Test
    void anOverrideOfNestedCommitsOnlyHasNoMainMessage() {
        String message = "Update deps\n\nBEGIN_COMMIT_OVERRIDE\nBEGIN_NESTED_COMMIT\nfix(deps): a\nEND_NESTED_COMMIT\n"
                + "BEGIN_NESTED_COMMIT\nfix(deps): b\nEND_NESTED_COMMIT\nEND_COMMIT_OVERRIDE";
        assertEquals(List.of("CONVENTIONAL fix(deps): a", "CONVENTIONAL fix(deps): b"),
                headers(MessageSplitter.parse(SHA, message, 1)));
    }

    @Test
    void nestedTextThatIsNotAConventionalCommitIsDropped() {
        String message = "fix: a\n\nBEGIN_NESTED_COMMIT\njust words\nEND_NESTED_COMMIT";
        assertEquals(List.of("CONVENTIONAL fix: a"), headers(MessageSplitter.parse(SHA, message, 1)));
    }

    @Test
    void stackedMessagesWithIndentedFootersAreSeveralCommits() {
        String message = "feat: adds v9 ids\n\nThis adds support for v9 ids.\n\n"
                + "fix(utils): unicode no longer throws\n  Source-Ref: 111\n  BREAKING-CHANGE: encode no longer throws.\n\n"
                + "feat(utils): encode supports unicode\n  Source-Ref: 222\n";
        List<ConventionalCommit> commits = MessageSplitter.parse(SHA, message, 1);
        assertEquals(List.of("CONVENTIONAL feat: adds v9 ids",
                "CONVENTIONAL fix(utils): unicode no longer throws ![encode no longer throws.]",
                "CONVENTIONAL feat(utils): encode supports unicode"), headers(commits));
        assertEquals("This adds support for v9 ids.", commits.get(0).body());
        assertEquals("222", commits.get(2).footers().get(0).value());
    }

    @Test
    void aStackedHeaderRightAfterIndentedFootersStartsAnotherCommit() {
        String message = "chore: several\n\nfix(a): one\n  Source-Ref: 1\nfeat(b)!: two\n  Source-Ref: 2\n"
                + "not a header: after an unindented line\nfix: three is body";
        assertEquals(List.of("CONVENTIONAL chore: several", "CONVENTIONAL fix(a): one",
                "CONVENTIONAL feat(b)!: two ![two]"), headers(MessageSplitter.parse(SHA, message, 1)));
    }

    @Test
    void aBangOrAnUnknownTypeAfterABlankLineDoesNotSplitAsInReleasePlease() {
        assertEquals(1, MessageSplitter.parse(SHA, "feat: a\n\nfeat!: b", 1).size());
        assertEquals(1, MessageSplitter.parse(SHA, "feat: a\n\ndeps: b", 1).size());
    }

    @Test
    void aFreeTextMainMessageIsKeptAndMergesAreNeverSplit() {
        assertEquals(List.of("FREE_TEXT Update all", "CONVENTIONAL fix: b"),
                headers(MessageSplitter.parse(SHA, "Update all\n\nfix: b", 1)));
        assertEquals(List.of("MERGE Merge branch 'x'"),
                headers(MessageSplitter.parse(SHA, "Merge branch 'x'\n\nfeat: y\n\nBEGIN_NESTED_COMMIT\nfix: z\nEND_NESTED_COMMIT", 2)));
        assertEquals(Kind.FREE_TEXT, MessageSplitter.parse(SHA, null, 1).get(0).kind());
    }

    @Test
    void overrideBlockOfAPullRequestBody() {
        assertEquals("fix: x", MessageSplitter.overrideBlock("desc\r\nBEGIN_COMMIT_OVERRIDE\r\nfix: x\r\nEND_COMMIT_OVERRIDE"));
        assertNull(MessageSplitter.overrideBlock("no block"));
        assertNull(MessageSplitter.overrideBlock(null));
    }
}
