package dev.llmproxy.release.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}
