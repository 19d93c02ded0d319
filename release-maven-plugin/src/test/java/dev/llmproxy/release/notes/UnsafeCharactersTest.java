package dev.llmproxy.release.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Control characters and bidirectional overrides never reach the notes or CHANGELOG.md. */
class UnsafeCharactersTest {

    @Test
    void removesControlsAndBidiOverridesAndIsolatesButKeepsLineEndsAndTabs() {
        assertEquals("admin only\n\tok", UnsafeCharacters.strip("admin\u202E only\u2066\n\t\u0000ok\u0007"));
        assertEquals("[31mred[0m", UnsafeCharacters.strip("\u001B[31mred\u001B[0m"));
        assertEquals("ab", UnsafeCharacters.strip("a\u007F\u0085\u009Fb"));
        assertEquals("xy", UnsafeCharacters.strip("\u202Ax\u202B\u202C\u202D\u2067\u2068\u2069y"));
    }

    @Test
    void keepsEverythingElseAndReturnsTheSameStringWhenClean() {
        String text = "caf\u00E9 \u05E9\u05DC\u05D5\u05DD \u2728 \u200F C# \uD83D\uDC1B";
        assertSame(text, UnsafeCharacters.strip(text));
        assertEquals("\u2065\u206A", UnsafeCharacters.strip("\u2065\u206A"), "the neighbours of the isolates stay");
        assertEquals("\u2029\u202F", UnsafeCharacters.strip("\u2029\u202F"), "the neighbours of the overrides stay");
    }

    @Test
    void markdownTextStripsThemFromEveryRenderedLine() {
        assertEquals("fix the check for admins \\[31m", MarkdownText.escape("fix the check\u202E for admins\u2069 \u001B[31m"));
        assertEquals("a b", MarkdownText.escape("a\r\n\u0000b"));
    }

    @Test
    void neitherTheReleaseBodyNorTheChangelogCarriesThem() {
        ReleaseNotes notes = NotesBuilderTest.notes(NotesConfig.defaults(), Map.of(),
                "feat(a\u202Edmin): allow \u2066users\u2069 in\u001B[0m",
                "fix!: drop\u0007 v1\n\nBREAKING CHANGE: the \u202Dold\u202C API\u0000 is gone");
        MarkdownRenderer renderer = new MarkdownRenderer(NotesConfig.GITHUB_BODY_LIMIT);
        String body = renderer.releaseBody(notes);
        String section = renderer.changelogSection(notes);
        for (String text : new String[] {body, section}) {
            assertEquals(-1, firstUnsafe(text), text);
            assertTrue(text.contains("- **admin:** allow users in\\[0m ("), text);
            assertTrue(text.contains("the old API is gone ("), text);
        }
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n' && UnsafeCharacters.isUnsafe(c)) {
                return i;
            }
        }
        return -1;
    }
}
