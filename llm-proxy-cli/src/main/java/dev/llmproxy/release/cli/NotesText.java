package dev.llmproxy.release.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders release notes Markdown (the subset the notes use: ATX headings, bullet lists, bold,
 * inline code, links, backslash escapes) for a terminal: headings bold, bullets as {@code •} or
 * {@code -}, links as their text, emphasis markers removed, and backslash escapes shown as the
 * character they escape ({@code draft\|bump} as {@code draft|bump}, CommonMark 0.31 §2.4), except
 * inside code spans, which are shown as written (§6.1). Line by line; anything else passes through.
 */
final class NotesText {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)[-*+]\\s+(.*)$");
    private static final Pattern LINK_DESTINATION = Pattern.compile("\\(([^)\\s]*)\\)");
    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final Style style;
    private final String bullet;

    /**
     * @param style colours (or none)
     * @param unicode whether the output can show {@code •}
     */
    NotesText(Style style, boolean unicode) {
        this.style = style;
        this.bullet = unicode ? "•" : "-";
    }

    /**
     * @param markdown the notes ({@code target/release/notes.md})
     * @param indent prefix of every output line
     * @return the text to print, lines ending in {@code \n}; blank lines stay empty
     */
    String render(String markdown, String indent) {
        StringBuilder text = new StringBuilder();
        for (String line : markdown.strip().split("\\R", -1)) {
            String rendered = renderLine(line);
            text.append(rendered.isBlank() ? "" : indent + rendered).append('\n');
        }
        return text.toString();
    }

    private String renderLine(String line) {
        Matcher heading = HEADING.matcher(line);
        if (heading.matches()) {
            return style.bold(inline(heading.group(2), false));
        }
        Matcher item = BULLET.matcher(line);
        if (item.matches()) {
            return item.group(1) + bullet + " " + inline(item.group(2), true);
        }
        return inline(line, true);
    }

    /**
     * One pass over inline Markdown: backslash escapes, code spans, {@code **bold**}/{@code __bold__}
     * and {@code [text](url)}; an opener without its closer is plain text.
     */
    private String inline(String text, boolean styled) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && ASCII_PUNCTUATION.indexOf(text.charAt(i + 1)) >= 0) {
                out.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                int run = runOf(text, i, '`');
                int close = closingBackticks(text, i + run, run);
                if (close < 0) {
                    out.append(text, i, i + run);
                } else {
                    String code = text.substring(i + run, close);
                    out.append(styled ? style.cyan(code) : code);
                }
                i = close < 0 ? i + run : close + run;
            } else if (text.startsWith("**", i) || text.startsWith("__", i)) {
                String marker = text.substring(i, i + 2);
                int close = unescaped(text, marker, i + 2);
                if (close > i + 2) {
                    String inner = inline(text.substring(i + 2, close), styled);
                    out.append(styled ? style.bold(inner) : inner);
                    i = close + 2;
                } else {
                    out.append(marker);
                    i += 2;
                }
            } else if (c == '[') {
                int close = unescaped(text, "]", i + 1);
                Matcher destination = close < 0 ? null : LINK_DESTINATION.matcher(text).region(close + 1, text.length());
                if (destination != null && destination.lookingAt()) {
                    out.append(inline(text.substring(i + 1, close), styled));
                    i = destination.end();
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int runOf(String text, int from, char c) {
        int end = from;
        while (end < text.length() && text.charAt(end) == c) {
            end++;
        }
        return end - from;
    }

    /** @return the start of the next run of exactly {@code length} backticks, or -1 */
    private static int closingBackticks(String text, int from, int length) {
        for (int i = text.indexOf('`', from); i >= 0; i = text.indexOf('`', i + runOf(text, i, '`'))) {
            if (runOf(text, i, '`') == length) {
                return i;
            }
        }
        return -1;
    }

    /** @return the next {@code marker} at or after {@code from} that no backslash escapes, or -1 */
    private static int unescaped(String text, String marker, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.startsWith(marker, i)) {
                return i;
            }
        }
        return -1;
    }
}
