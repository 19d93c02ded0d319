package dev.llmproxy.release.notes;

import dev.llmproxy.release.TextFiles;
import dev.llmproxy.release.ReleaseException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Puts a release's section into {@code CHANGELOG.md} (Keep a Changelog 1.1.0 layout): a new
 * version goes below {@code ## [Unreleased]} (when present) and above older versions; a rerun for
 * the same version replaces that version's section; the link reference {@code [X.Y.Z]: <compare
 * or commits link>} is added or replaced. Every other byte (header, hand-written text, other
 * sections, CRLF line ends) stays as it was. Headings inside fenced code blocks are ignored.
 */
public final class ChangelogUpdater {

    private static final String NEW_FILE_HEADER = """
            # Changelog

            All notable changes to this project will be documented in this file.

            The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
            and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

            """;
    private static final Pattern LEVEL_TWO = Pattern.compile("^ {0,3}## ");
    private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[([^\\]]+)\\]:\\s*\\S.*");
    private static final Pattern VERSION_LABEL = Pattern.compile("v?\\d+\\.\\d+\\.\\d+.*");

    private final MarkdownRenderer renderer;

    /** @param renderer renders the section text */
    public ChangelogUpdater(MarkdownRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * @param existing the current file text, or null when there is no file
     * @param notes the release to put in
     * @return the new file text, in the line-end style of {@code existing} (CRLF if its first line
     *     ends so, else LF)
     */
    public String update(String existing, ReleaseNotes notes) {
        String text = existing == null || existing.isEmpty() ? NEW_FILE_HEADER : existing;
        String eol = lineEnd(text);
        String section = renderer.changelogSection(notes).replace("\n", eol);
        List<String> lines = splitKeepingEnds(text);
        lines = putSection(lines, section, notes.release().version(), eol);
        ReleaseInfo release = notes.release();
        if (release.changesUrl() != null) {
            lines = putReference(lines, "[" + release.version() + "]: " + release.changesUrl() + eol, release.version(), eol);
        }
        return String.join("", lines);
    }

    /**
     * Reads {@code file} (absent = new), updates it and writes it back in UTF-8 atomically.
     *
     * @throws ReleaseException when the file is not UTF-8 or cannot be read or written
     */
    public void updateFile(Path file, ReleaseNotes notes) {
        String existing = null;
        if (Files.exists(file)) {
            try {
                existing = Files.readString(file, StandardCharsets.UTF_8);
            } catch (CharacterCodingException e) {
                throw new ReleaseException(file + " is not UTF-8: convert it to UTF-8, then rerun", e);
            } catch (IOException e) {
                throw new ReleaseException("cannot read " + file + ": " + e.getMessage() + "; check its permissions", e);
            }
        }
        TextFiles.writeAtomically(file, update(existing, notes));
    }

    /**
     * A whole new {@code CHANGELOG.md} holding every release at once (issue #12, item 7), in one
     * pass: the same text as {@link #update} applied to an empty file once per release, oldest
     * first, gives, without re-reading the growing file each time.
     *
     * @param newestFirst the releases, newest first
     * @return the file text with LF line ends: header, sections newest first, link references
     */
    public String whole(List<ReleaseNotes> newestFirst) {
        StringBuilder sections = new StringBuilder(NEW_FILE_HEADER);
        StringBuilder references = new StringBuilder();
        for (int i = 0; i < newestFirst.size(); i++) {
            ReleaseNotes notes = newestFirst.get(i);
            sections.append(i == 0 ? "" : "\n").append(renderer.changelogSection(notes));
            if (notes.release().changesUrl() != null) {
                references.append('[').append(notes.release().version()).append("]: ")
                        .append(notes.release().changesUrl()).append('\n');
            }
        }
        return references.isEmpty() ? sections.toString() : sections.append('\n').append(references).toString();
    }

    private static List<String> putSection(List<String> lines, String section, String version, String eol) {
        Pattern ownHeading = Pattern.compile("^ {0,3}## +\\[?v?" + Pattern.quote(version) + "\\]?(?:[ \\t].*)?\\R?$");
        Pattern unreleased = Pattern.compile("^ {0,3}## +\\[?unreleased\\]?.*\\R?$", Pattern.CASE_INSENSITIVE);
        boolean[] fenced = fencedLines(lines);
        int own = -1;
        int firstRelease = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (fenced[i] || !LEVEL_TWO.matcher(lines.get(i)).find()) {
                continue;
            }
            if (own < 0 && ownHeading.matcher(lines.get(i)).matches()) {
                own = i;
            }
            if (firstRelease < 0 && !unreleased.matcher(lines.get(i)).matches()) {
                firstRelease = i;
            }
        }
        int references = trailingReferences(lines, fenced);
        List<String> out = new ArrayList<>(lines);
        if (own >= 0) {
            int end = own + 1;
            while (end < lines.size() && end != references && (fenced[end] || !LEVEL_TWO.matcher(lines.get(end)).find())) {
                end++;
            }
            out.subList(own, end).clear();
            out.add(own, end < lines.size() ? section + eol : section);
        } else if (firstRelease >= 0) {
            out.add(firstRelease, section + eol);
        } else {
            int at = references >= 0 ? references : out.size();
            String block = section;
            if (at > 0) {
                ensureLineEnd(out, at - 1, eol);
                if (!out.get(at - 1).isBlank()) {
                    block = eol + block;
                }
            }
            out.add(at, at < out.size() ? block + eol : block);
        }
        return out;
    }

    private static List<String> putReference(List<String> lines, String reference, String version, String eol) {
        boolean[] fenced = fencedLines(lines);
        int firstVersion = -1;
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            var m = REFERENCE.matcher(lines.get(i).stripTrailing());
            if (fenced[i] || !m.matches()) {
                continue;
            }
            String label = m.group(1).strip();
            if (label.equalsIgnoreCase(version) || label.equalsIgnoreCase("v" + version)) {
                List<String> out = new ArrayList<>(lines);
                String end = lines.get(i).substring(lines.get(i).stripTrailing().length());
                out.set(i, reference.substring(0, reference.length() - eol.length()) + end);
                return out;
            }
            if (firstVersion < 0 && VERSION_LABEL.matcher(label).matches()) {
                firstVersion = i;
            }
            last = i;
        }
        List<String> out = new ArrayList<>(lines);
        if (firstVersion >= 0) {
            out.add(firstVersion, reference);
        } else if (last >= 0) {
            ensureLineEnd(out, last, eol);
            out.add(last + 1, reference);
        } else {
            ensureLineEnd(out, out.size() - 1, eol);
            if (!out.get(out.size() - 1).isBlank()) {
                out.add(eol);
            }
            out.add(reference);
        }
        return out;
    }

    /** @return index of the first line of the link-reference block that ends the file, or -1 */
    private static int trailingReferences(List<String> lines, boolean[] fenced) {
        int i = lines.size() - 1;
        while (i >= 0 && lines.get(i).isBlank()) {
            i--;
        }
        int start = -1;
        while (i >= 0 && !fenced[i] && REFERENCE.matcher(lines.get(i).stripTrailing()).matches()) {
            start = i;
            i--;
        }
        return start;
    }

    private static boolean[] fencedLines(List<String> lines) {
        boolean[] fenced = new boolean[lines.size()];
        String fence = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            String trimmed = line.stripLeading();
            boolean indentOk = line.length() - trimmed.length() <= 3;
            if (fence == null) {
                if (indentOk && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                    fence = trimmed.substring(0, runOf(trimmed, trimmed.charAt(0)));
                    fenced[i] = true;
                }
            } else {
                fenced[i] = true;
                char mark = fence.charAt(0);
                if (indentOk && trimmed.startsWith(fence) && trimmed.chars().allMatch(c -> c == mark)) {
                    fence = null;
                }
            }
        }
        return fenced;
    }

    private static int runOf(String s, char c) {
        int n = 0;
        while (n < s.length() && s.charAt(n) == c) {
            n++;
        }
        return n;
    }

    private static void ensureLineEnd(List<String> lines, int index, String eol) {
        if (index >= 0 && !lines.get(index).endsWith("\n") && !lines.get(index).endsWith("\r")) {
            lines.set(index, lines.get(index) + eol);
        }
    }

    private static String lineEnd(String text) {
        int lf = text.indexOf('\n');
        return lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
    }

    /** Splits after each LF (or lone CR), keeping the line ends, so joining gives the input back. */
    static List<String> splitKeepingEnds(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
