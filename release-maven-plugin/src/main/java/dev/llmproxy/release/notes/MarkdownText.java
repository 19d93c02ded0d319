package dev.llmproxy.release.notes;

import java.util.regex.Pattern;

/**
 * Escapes one line of commit or pull-request text so that CommonMark and GitHub render it
 * literally inside a list item (CommonMark 0.31 §2.4 backslash escapes, §6.1 code spans).
 *
 * <ul>
 *   <li>Code spans written by the author ({@code `List<T>`}) are kept untouched; an unbalanced
 *       backtick is escaped.</li>
 *   <li>{@code @Name} (an {@code @} not preceded by a letter or digit) becomes the code span
 *       {@code `@Name`}, so GitHub never turns it into a mention and shows no backslash.</li>
 *   <li>HTML ({@code <T>}), entities ({@code &amp;}), emphasis, links, tables, strikethrough,
 *       math ({@code $}) and backslashes are escaped; a leading {@code #}, {@code -}, {@code +},
 *       {@code =} or {@code 1.} cannot start a block.</li>
 *   <li>Line breaks become spaces. {@code C#} and {@code #12} are left as written.</li>
 *   <li>Other control characters and bidirectional overrides are removed ({@link UnsafeCharacters}).</li>
 * </ul>
 */
public final class MarkdownText {

    private static final String ESCAPED = "\\*_[]<>&|~$!";
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t\\u000B\\f]+");

    private MarkdownText() {}

    /**
     * @param text any text, possibly multi-line
     * @return one line of Markdown that renders as {@code text} (with author code spans as code)
     */
    public static String escape(String text) {
        text = UnsafeCharacters.strip(text);
        String line = hasControl(text) ? LINE_BREAKS.matcher(text).replaceAll(" ").strip() : text.strip();
        StringBuilder out = new StringBuilder(line.length() + 16);
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '`') {
                int run = runLength(line, i);
                int close = closingRun(line, i + run, run);
                if (close >= 0) {
                    out.append(line, i, close + run);
                    i = close + run;
                } else {
                    out.append("\\`".repeat(run));
                    i += run;
                }
            } else if (c == '@' && isMentionStart(line, i)) {
                int end = mentionEnd(line, i + 1);
                out.append('`').append(line, i, end).append('`');
                i = end;
            } else {
                if (ESCAPED.indexOf(c) >= 0 || (i == 0 && "#-+=".indexOf(c) >= 0)) {
                    out.append('\\');
                }
                out.append(c);
                i++;
            }
        }
        escapeOrderedListMarker(out);
        return out.toString();
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < ' ') {
                return true;
            }
        }
        return false;
    }

    private static int runLength(String s, int from) {
        int end = from;
        while (end < s.length() && s.charAt(end) == '`') {
            end++;
        }
        return end - from;
    }

    private static int closingRun(String s, int from, int length) {
        int i = s.indexOf('`', from);
        while (i >= 0) {
            int run = runLength(s, i);
            if (run == length) {
                return i;
            }
            i = s.indexOf('`', i + run);
        }
        return -1;
    }

    private static boolean isMentionStart(String s, int at) {
        boolean afterWord = at > 0 && (Character.isLetterOrDigit(s.charAt(at - 1)) || s.charAt(at - 1) == '_');
        return !afterWord && at + 1 < s.length() && Character.isLetterOrDigit(s.charAt(at + 1));
    }

    private static int mentionEnd(String s, int from) {
        int end = from;
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || "-_./".indexOf(s.charAt(end)) >= 0)) {
            end++;
        }
        while ("-_./".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private static void escapeOrderedListMarker(StringBuilder out) {
        int digits = 0;
        while (digits < out.length() && digits < 10 && Character.isDigit(out.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < out.length() && (out.charAt(digits) == '.' || out.charAt(digits) == ')')) {
            out.insert(digits, '\\');
        }
    }
}
