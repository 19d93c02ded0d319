package dev.llmproxy.release.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders release notes Markdown (the subset the notes use: ATX headings, bullet lists, bold,
 * inline code, links) for a terminal: headings bold, bullets as {@code •} or {@code -}, links as
 * their text, emphasis markers removed. Line by line; anything else passes through.
 */
final class NotesText {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)[-*+]\\s+(.*)$");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)\\s]*)\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*|__(.+?)__");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

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

    private String inline(String text, boolean styled) {
        String result = LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        result = BOLD.matcher(result).replaceAll(m -> Matcher.quoteReplacement(
                styled ? style.bold(m.group(1) != null ? m.group(1) : m.group(2)) : (m.group(1) != null ? m.group(1) : m.group(2))));
        return CODE.matcher(result).replaceAll(m -> Matcher.quoteReplacement(styled ? style.cyan(m.group(1)) : m.group(1)));
    }
}
