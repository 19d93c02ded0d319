package dev.llmproxy.release.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.junit.jupiter.api.Test;

/** Issue 10 item 5 (every entry that fits, a margin below 125,000) and item 7 (links from the server's web host). */
class ReleaseBodyLimitTest {
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(NotesConfig.GITHUB_BODY_LIMIT);
    private static final String CHANGELOG_LINK =
            "https://github.com/example-org/app/blob/v1.1.0/CHANGELOG.md#110---2026-03-01";

    private static ReleaseNotes.Entry entry(int n, String text) {
        return new ReleaseNotes.Entry(null, text, List.of(TestCommits.sha(n)), 0, null, List.of(), List.of());
    }

    private static ReleaseNotes notes(ReleaseInfo release, List<ReleaseNotes.Entry> entries) {
        return new ReleaseNotes(release, List.of(new ReleaseNotes.Section("Features", entries)), List.of(), List.of());
    }

    @Test
    void oneOverLongEntryIsShortenedAndTheShortOnesAreAllKept() {
        List<ReleaseNotes.Entry> entries = new ArrayList<>();
        entries.add(entry(1, "huge " + "word ".repeat(26_000)));
        for (int i = 2; i <= 6; i++) {
            entries.add(entry(i, "short change " + i));
        }
        List<String> warnings = new ArrayList<>();

        String body = RENDERER.releaseBody(notes(NotesBuilderTest.RELEASE, entries), warnings::add);

        for (int i = 2; i <= 6; i++) {
            assertTrue(body.contains("- short change " + i + " ("), body);
        }
        String first = body.lines().filter(l -> l.startsWith("- huge")).findFirst().orElseThrow();
        assertTrue(first.length() <= MarkdownRenderer.MAX_ENTRY_CHARS, "length " + first.length());
        assertTrue(first.endsWith("word … ([0000001](https://github.com/example-org/app/commit/" + TestCommits.sha(1)
                + "), [complete entry](" + CHANGELOG_LINK + "))"), first);
        assertTrue(!body.contains("did not fit"), body);
        assertEquals(List.of("release body: 1 entry longer than 2000 characters shortened, with a link to the "
                + "complete notes"), warnings);
    }

    @Test
    void everyEntryThatFitsIsKeptInOrderAndTheCountIsWarned() {
        List<ReleaseNotes.Entry> entries = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            entries.add(entry(i, (i <= 20 ? "long " + "y".repeat(1_500) : "small") + " change " + i));
        }
        List<String> warnings = new ArrayList<>();

        String body = new MarkdownRenderer(20_000).releaseBody(notes(NotesBuilderTest.RELEASE, entries), warnings::add);

        assertTrue(body.length() <= 20_000, "length " + body.length());
        long longKept = body.lines().filter(l -> l.startsWith("- long ")).count();
        assertTrue(!body.contains("- long " + "y".repeat(1_500) + " change " + (longKept + 1) + " ("),
                "the first long entry that did not fit is left out");
        assertTrue(body.contains("- small change 21 ("), "a later entry that fits is kept");
        long left = 25 - body.lines().filter(l -> l.startsWith("- ")).count();
        assertEquals(left + " more lines did not fit in this release body; see the full notes in "
                + "[CHANGELOG.md](" + CHANGELOG_LINK + ").", body.lines().filter(l -> l.contains("did not fit"))
                .findFirst().orElseThrow());
        assertEquals(List.of("release body: " + left + " of 25 lines did not fit in 20000 characters and "
                + "moved to the link to CHANGELOG.md; the complete notes are there"), warnings);
        assertTrue(longKept > 5 && longKept < 20, "long entries kept: " + longKept);
    }

    @Test
    void theBodyStaysAThousandCharactersBelowGitHubsLimit() {
        List<ReleaseNotes.Entry> entries = new ArrayList<>();
        for (int i = 1; i <= 734; i++) {
            entries.add(entry(i, "change " + "z".repeat(60) + " " + i));
        }
        ReleaseNotes notes = notes(NotesBuilderTest.RELEASE, entries);
        int whole = RENDERER.changelogSection(notes).length() - "## [1.1.0] - 2026-03-01\n\n".length()
                + "\n**Full changelog**: [v1.0.0...v1.1.0](https://github.com/example-org/app/compare/v1.0.0...v1.1.0)\n"
                        .length();
        List<String> warnings = new ArrayList<>();

        String body = RENDERER.releaseBody(notes, warnings::add);

        assertTrue(whole > 124_000 && whole < 125_000, "the complete notes are " + whole + " characters");
        assertTrue(body.length() <= 124_000, "length " + body.length());
        assertEquals(1, warnings.size(), warnings::toString);
    }

    @Test
    void everyLinkComesFromTheServersWebOrigin() {
        ReleaseInfo enterprise = new ReleaseInfo("example-org/app", "1.1.0", "v1.1.0", "v1.0.0",
                LocalDate.of(2026, 3, 1), "https://ghe.example.com/");
        ReleaseNotes.Entry entry = new ReleaseNotes.Entry(null, "stream " + "w ".repeat(1_200),
                List.of(TestCommits.sha(1)), 40, null, List.of(12), List.of());
        ReleaseNotes notes = new ReleaseNotes(enterprise, List.of(new ReleaseNotes.Section("Features",
                List.of(entry))), List.of(new ReleaseNotes.Contributor("ann", false),
                        new ReleaseNotes.Contributor("bot[bot]", false)), List.of(12));
        Set<String> links = new TreeSet<>();

        MarkdownRendererTest.PARSER.parse(RENDERER.releaseBody(notes)).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link.getDestination());
            }
        });

        assertEquals(new TreeSet<>(List.of(
                "https://ghe.example.com/apps/bot",
                "https://ghe.example.com/ann",
                "https://ghe.example.com/example-org/app/blob/v1.1.0/CHANGELOG.md#110---2026-03-01",
                "https://ghe.example.com/example-org/app/commit/" + TestCommits.sha(1),
                "https://ghe.example.com/example-org/app/compare/v1.0.0...v1.1.0",
                "https://ghe.example.com/example-org/app/issues/12",
                "https://ghe.example.com/example-org/app/pull/40")), links);
    }
}
