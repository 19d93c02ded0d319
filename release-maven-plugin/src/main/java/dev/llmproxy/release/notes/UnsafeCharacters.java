package dev.llmproxy.release.notes;

/**
 * Removes characters from commit and pull-request text that change how the notes read without
 * being visible: control characters (C0 but line ends and tabs, DEL, C1; e.g. the terminal escape
 * {@code ESC}) and the Unicode bidirectional embeddings, overrides and isolates U+202A..U+202E and
 * U+2066..U+2069 (Unicode Standard Annex #9, the "Trojan Source" characters). Line ends and tabs
 * are left for the caller, which turns them into spaces inside a list item.
 */
public final class UnsafeCharacters {

    private UnsafeCharacters() {}

    /**
     * @param text any text, may be null
     * @return the text without the characters above; the same instance when it holds none; null for
     *     null
     */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        int first = 0;
        while (first < text.length() && !isUnsafe(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnsafe(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /**
     * @param c one UTF-16 unit (every character removed is in the Basic Multilingual Plane)
     * @return whether {@link #strip} removes it
     */
    public static boolean isUnsafe(char c) {
        if (c < ' ') {
            return c != '\n' && c != '\r' && c != '\t' && c != '\u000B' && c != '\f';
        }
        return (c >= '\u007F' && c <= '\u009F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
