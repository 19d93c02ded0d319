package dev.llmproxy.release.history;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entries of one version's section of an existing {@code CHANGELOG.md}, as a maintainer or
 * another tool wrote it (issue #12, item 6: what was released, to compare our notes with).
 *
 * <p>The section starts at a heading of level 1 to 3 whose text is the version, optionally in
 * brackets and with a {@code v} ({@code ## [1.2.0](...) (2024-01-02)}, {@code ### 1.2.0},
 * {@code ## v1.2.0 - 2024-01-02}); it ends at the next heading that starts with a version or at a
 * heading of a higher level. Its entries are the top-level list items ({@code *}, {@code -} or
 * {@code +}, indented at most one space); indented lines that are not list items continue the
 * entry before them, nested list items are not entries.
 */
public final class ReleasedEntries {

    /**
     * One entry as released.
     *
     * @param text the entry's text as written (one line, list marker dropped)
     * @param shas commit SHAs it links (7 to 40 hex digits, lower case)
     * @param pullRequests pull request or issue numbers it links ({@code /pull/N}, {@code /issues/N},
     *     {@code #N})
     * @param normalised the text for matching ({@link #normalise})
     */
    public record Entry(String text, Set<String> shas, Set<Integer> pullRequests, String normalised) {}

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*)$");
    private static final Pattern VERSION_START = Pattern.compile("^\\[?v?\\d+\\.\\d+");
    private static final Pattern ITEM = Pattern.compile("^ ?[*+-]\\s+(.*)$");
    private static final Pattern COMMIT_LINK = Pattern.compile("/commits?/([0-9a-f]{7,40})\\b|[\\[(]([0-9a-f]{7,40})[\\])]");
    private static final Pattern NUMBER_LINK = Pattern.compile("/(?:pull|issues)/(\\d{1,9})\\b|#(\\d{1,9})\\b");
    private static final Pattern LINK_GROUP = Pattern.compile("\\(\\s*\\[[^\\]]*\\]\\([^)]*\\)(?:\\s*,\\s*\\[[^\\]]*\\]\\([^)]*\\))*\\s*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern BOLD_SCOPE = Pattern.compile("^\\*\\*[^*]+:?\\*\\*:?\\s*");
    private static final Pattern REFERENCE_GROUP = Pattern.compile("\\((?:[^()]*?(?:#\\d+|\\b[0-9a-f]{7,40}\\b)[^()]*?)\\)");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ReleasedEntries() {}

    /**
     * @param changelog the file's text
     * @param version the version without prefix ({@code "1.2.0"})
     * @return the section's entries (possibly none), or empty when the file has no such section
     */
    public static Optional<List<Entry>> of(String changelog, String version) {
        Matcher heading = Pattern.compile("^ {0,3}(#{1,3})[ \\t]+\\[?v?" + Pattern.quote(version) + "(?:\\]|[\\s(]|$)",
                Pattern.MULTILINE).matcher(changelog);
        if (!heading.find()) {
            return Optional.empty();
        }
        int level = heading.group(1).length();
        List<StringBuilder> texts = new ArrayList<>();
        boolean inFence = false;
        int next = changelog.indexOf('\n', heading.end() - 1);
        while (next >= 0 && next < changelog.length()) {
            int from = next + 1;
            next = changelog.indexOf('\n', from);
            String line = changelog.substring(from, next < 0 ? changelog.length() : next).stripTrailing();
            if (line.stripLeading().startsWith("```") || line.stripLeading().startsWith("~~~")) {
                inFence = !inFence;
                continue;
            }
            Matcher h = HEADING.matcher(line);
            if (!inFence && h.matches()
                    && (h.group(1).length() < level || (h.group(1).length() <= 3 && VERSION_START.matcher(h.group(2).strip()).find()))) {
                break;
            }
            Matcher item = ITEM.matcher(line);
            if (inFence || h.matches()) {
                continue;
            }
            if (item.matches()) {
                texts.add(new StringBuilder(item.group(1).strip()));
            } else if (!texts.isEmpty() && line.startsWith("  ") && !line.strip().isEmpty()
                    && !ITEM.matcher(line.stripLeading()).matches()) {
                texts.get(texts.size() - 1).append(' ').append(line.strip());
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (StringBuilder text : texts) {
            entries.add(entry(text.toString()));
        }
        return Optional.of(entries);
    }

    /**
     * Like {@link #of(String, String)} on a UTF-8 file, decoding only the section: changelogs of
     * long-lived projects are hundreds of kilobytes, read once per replayed release.
     *
     * @param utf8 the file's bytes
     * @param version the version without prefix
     * @return the section's entries, or empty when the file has no such section
     */
    public static Optional<List<Entry>> of(byte[] utf8, String version) {
        byte[] needle = version.getBytes(StandardCharsets.US_ASCII);
        for (int hit = indexOf(utf8, needle, 0); hit >= 0; hit = indexOf(utf8, needle, hit + 1)) {
            int start = hit;
            while (start > 0 && utf8[start - 1] != '\n') {
                start--;
            }
            int end = lineEnd(utf8, hit);
            String line = new String(utf8, start, end - start, StandardCharsets.UTF_8);
            Optional<List<Entry>> own = of(line, version);
            if (own.isPresent()) {
                while (end < utf8.length && !isVersionHeading(utf8, end + 1)) {
                    end = lineEnd(utf8, end + 1);
                }
                return of(new String(utf8, start, Math.min(end, utf8.length) - start, StandardCharsets.UTF_8), version);
            }
        }
        return Optional.empty();
    }

    /** @return whether the line at {@code from} is a heading of level 1 to 3 that starts with a version */
    private static boolean isVersionHeading(byte[] text, int from) {
        int i = from;
        while (i < text.length && i - from < 3 && text[i] == ' ') {
            i++;
        }
        if (i >= text.length || text[i] != '#') {
            return false;
        }
        Matcher h = HEADING.matcher(new String(text, from, lineEnd(text, from) - from, StandardCharsets.UTF_8));
        return h.matches() && h.group(1).length() <= 3 && VERSION_START.matcher(h.group(2).strip()).find();
    }

    private static int lineEnd(byte[] text, int from) {
        int i = from;
        while (i < text.length && text[i] != '\n') {
            i++;
        }
        return i;
    }

    private static int indexOf(byte[] text, byte[] needle, int from) {
        outer:
        for (int i = from; i <= text.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (text[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static Entry entry(String text) {
        Set<String> shas = new LinkedHashSet<>();
        Matcher c = COMMIT_LINK.matcher(text);
        while (c.find()) {
            shas.add((c.group(1) != null ? c.group(1) : c.group(2)).toLowerCase(Locale.ROOT));
        }
        Set<Integer> numbers = new LinkedHashSet<>();
        Matcher n = NUMBER_LINK.matcher(text);
        while (n.find()) {
            numbers.add(Integer.parseInt(n.group(1) != null ? n.group(1) : n.group(2)));
        }
        return new Entry(text, shas, numbers, normalise(text));
    }

    /**
     * The text for matching entries whose links differ: link groups such as {@code ([#12](...))}
     * and reference groups such as {@code (#12)} or {@code (abc1234)} dropped, links reduced to their
     * text, a bold scope prefix dropped, lower case, every run of punctuation one space.
     *
     * @param text an entry's text
     * @return the normalised text
     */
    public static String normalise(String text) {
        String t = LINK_GROUP.matcher(text).replaceAll(" ");
        t = LINK.matcher(t).replaceAll("$1");
        t = REFERENCE_GROUP.matcher(t).replaceAll(" ");
        t = BOLD_SCOPE.matcher(t.strip()).replaceFirst("");
        return NON_WORD.matcher(t.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
