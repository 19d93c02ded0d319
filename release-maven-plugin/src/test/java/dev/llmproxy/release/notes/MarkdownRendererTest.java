package dev.llmproxy.release.notes;

import static dev.llmproxy.release.notes.TestCommits.commit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    static final Parser PARSER = Parser.builder().build();
    static final MarkdownRenderer RENDERER = new MarkdownRenderer(NotesConfig.GITHUB_BODY_LIMIT);

    static final List<String> ODD_SUBJECTS = List.of(
            "support List<String> and <script>alert(1)</script>",
            "keep `List<T>` as code",
            "honour @Transactional on package-private methods",
            "keep C# and F# samples",
            "fix *bold* and _under_ and [link](http://x) and ![img](y)",
            "# not a heading",
            "- not a nested item",
            "1. not an ordered list",
            "a | b | c table-ish",
            "unbalanced ` backtick and ``double",
            "back\\slash and &amp; entity and ~~strike~~ and $x$ math",
            "> not a quote",
            "mail me at dev@example.org or @octo-org/team now",
            "multi\nline\r\ntext");

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "honour @Transactional here | honour `@Transactional` here",
            "List<String> | List\\<String\\>",
            "keep `List<T>` | keep `List<T>`",
            "C# and F# | C# and F#",
            "# title | \\# title",
            "1. item | 1\\. item",
            "a_b*c | a\\_b\\*c",
            "a ` b | a \\` b",
            "dev@example.org | dev@example.org",
            "(@scope/pkg). | (`@scope/pkg`).",
    })
    void escapesAsDocumented(String text, String markdown) {
        assertEquals(markdown, MarkdownText.escape(text));
    }

    @Test
    void everyEntryRendersLiterallyAndNothingBreaksTheList() {
        List<ReleaseNotes.Entry> entries = new ArrayList<>();
        for (int i = 0; i < ODD_SUBJECTS.size(); i++) {
            entries.add(new ReleaseNotes.Entry(i % 2 == 0 ? "@example/ui" : "my_scope", ODD_SUBJECTS.get(i),
                    List.of(TestCommits.sha(i + 1)), i, null, List.of(), List.of()));
        }
        ReleaseNotes notes = new ReleaseNotes(NotesBuilderTest.RELEASE, List.of(new ReleaseNotes.Section("Features", entries)), List.of(), List.of());
        String markdown = RENDERER.releaseBody(notes);
        Node document = PARSER.parse(markdown);
        String text = plainText(document);
        for (String subject : ODD_SUBJECTS) {
            String expected = subject.replaceAll("\\s+", " ").replace("`List<T>`", "List<T>");
            assertTrue(text.contains(expected), () -> "rendered text lacks '" + expected + "':\n" + text);
        }
        assertTrue(text.contains("@example/ui: support"), text);
        String html = HtmlRenderer.builder().build().render(document);
        assertEquals(ODD_SUBJECTS.size(), count(html, "<li>"), html);
        assertFalse(html.contains("<script>") || html.contains("<em>") || html.contains("<h1>") || html.contains("<ol>"), html);
        assertFalse(html.contains("\\@") || markdown.contains("\\@"), markdown);
        assertEquals(List.of(), bareMentions(document), markdown);
    }

    /** notes.md N1. */
    @Test
    void mentionsBecomeCodeAndCSharpIsNoIssueLink() {
        ReleaseNotes notes = NotesBuilder.build(NotesConfig.defaults(), NotesBuilderTest.RELEASE, List.of(
                commit(1, "fix: honour @Transactional on package-private methods"),
                commit(2, "feat: support @ConfigurationProperties records"),
                commit(3, "fix: keep C# and F# samples"),
                commit(4, "chore: init")), null);
        String body = RENDERER.releaseBody(notes);
        assertTrue(body.contains("- support `@ConfigurationProperties` records ("), body);
        assertTrue(body.contains("- honour `@Transactional` on package-private methods ("), body);
        Node document = PARSER.parse(body);
        assertEquals(List.of(), bareMentions(document));
        List<String> codes = new ArrayList<>();
        List<String> links = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Code code) {
                codes.add(code.getLiteral());
            }

            @Override
            public void visit(Link link) {
                links.add(link.getDestination());
                visitChildren(link);
            }
        });
        assertEquals(List.of("@ConfigurationProperties", "@Transactional"), codes);
        assertTrue(links.stream().noneMatch(l -> l.contains("/issues/") || l.contains("/pull/")), links::toString);
        assertTrue(body.contains("keep C# and F# samples"));
    }

    @Test
    void entriesLinkCommitPullRequestAndIssues() {
        ReleaseNotes.Entry entry = new ReleaseNotes.Entry("api", "stream", List.of(TestCommits.sha(1)), 40, null, List.of(12), List.of(7));
        ReleaseNotes notes = new ReleaseNotes(NotesBuilderTest.RELEASE, List.of(new ReleaseNotes.Section("Features", List.of(entry))),
                List.of(new ReleaseNotes.Contributor("dependabot[bot]", false), new ReleaseNotes.Contributor("ann", true)), List.of(12));
        String sha = TestCommits.sha(1);
        assertEquals("""
                ### Features

                - **api:** stream ([0000001](https://github.com/example-org/app/commit/%s), [#40](https://github.com/example-org/app/pull/40), closes [#12](https://github.com/example-org/app/issues/12), refs [#7](https://github.com/example-org/app/issues/7))

                ### Contributors

                - [@dependabot\\[bot\\]](https://github.com/apps/dependabot)
                - [@ann](https://github.com/ann) (first contribution)

                ### Closed issues

                - [#12](https://github.com/example-org/app/issues/12)

                **Full changelog**: [v1.0.0...v1.1.0](https://github.com/example-org/app/compare/v1.0.0...v1.1.0)
                """.formatted(sha), RENDERER.releaseBody(notes));
        ReleaseInfo first = new ReleaseInfo(null, "1.0.0", "v1.0.0", null, LocalDate.of(2026, 1, 2));
        assertEquals("### Features\n\n- **api:** stream (0000001, #40, closes #12, refs #7)\n",
                RENDERER.releaseBody(new ReleaseNotes(first, notes.sections(), List.of(), List.of())));
    }

    @Test
    void aLongBodyIsCutAtAnEntryWithALinkToTheChangelog() {
        List<ReleaseNotes.Entry> entries = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            entries.add(new ReleaseNotes.Entry(null, "change number " + i + " " + "x".repeat(40), List.of(TestCommits.sha(i)), 0, null, List.of(), List.of()));
        }
        ReleaseNotes notes = new ReleaseNotes(NotesBuilderTest.RELEASE,
                List.of(new ReleaseNotes.Section("Features", entries.subList(0, 200)), new ReleaseNotes.Section("Bug fixes", entries.subList(200, 400))),
                List.of(), List.of());
        MarkdownRenderer small = new MarkdownRenderer(20_000);
        String body = small.releaseBody(notes);
        assertTrue(body.length() <= 20_000, () -> "length " + body.length());
        String[] lines = body.split("\n");
        String last = lines[lines.length - 1];
        int kept = count(body, "\n- ");
        assertEquals((400 - kept) + " more lines did not fit in this release body; see the full notes in "
                + "[CHANGELOG.md](https://github.com/example-org/app/blob/v1.1.0/CHANGELOG.md#110---2026-03-01).", last);
        assertTrue(lines[lines.length - 3].startsWith("- change number " + kept + " "), lines[lines.length - 3]);
        assertTrue(kept > 100, "kept " + kept);
        String section = small.changelogSection(notes);
        assertEquals(400, count(section, "\n- "));
        assertEquals(RENDERER.releaseBody(notes), new MarkdownRenderer(NotesConfig.GITHUB_BODY_LIMIT).releaseBody(notes));
    }

    /** @return the text GitHub shows: text and code literals, line breaks as spaces */
    static String plainText(Node document) {
        StringBuilder out = new StringBuilder();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.SoftLineBreak lineBreak) {
                out.append(' ');
            }

            @Override
            public void visit(org.commonmark.node.Paragraph paragraph) {
                visitChildren(paragraph);
                out.append('\n');
            }
        });
        return out.toString();
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** @return texts outside code spans and links that GitHub would read as an @-mention */
    static List<String> bareMentions(Node document) {
        List<String> found = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                if (text.getLiteral().matches("(?s).*(^|[^\\w])@\\w.*")) {
                    found.add(text.getLiteral());
                }
            }

            @Override
            public void visit(Link link) {
                // link text never becomes a mention on GitHub
            }
        });
        return found;
    }
}
