package dev.llmproxy.release.notes;

import dev.llmproxy.release.TextFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Renders {@link ReleaseNotes} as Markdown (CommonMark, as GitHub renders it): the GitHub release
 * body ({@code target/release/notes.md}) and the version section of {@code CHANGELOG.md}.
 *
 * <p>Output is deterministic: the same notes give the same characters; the only date is
 * {@link ReleaseInfo#date()}; lines end with LF.
 */
public final class MarkdownRenderer {

    private final int bodyLimit;

    /** @param bodyLimit maximum release body length in UTF-16 chars ({@link NotesConfig#bodyLimit()}) */
    public MarkdownRenderer(int bodyLimit) {
        if (bodyLimit < 1_000) {
            throw new IllegalArgumentException("release body limit " + bodyLimit + " is too small: use at least 1000 characters");
        }
        this.bodyLimit = bodyLimit;
    }

    /**
     * Characters kept free below GitHub's 125,000-character body limit ({@link NotesConfig#GITHUB_BODY_LIMIT}), for
     * the {@code release.notes.appendFile} text the engine appends and for edits on GitHub: a rendered body is at
     * most {@code min(bodyLimit, 125,000 - 1,000) = 124,000} characters by default.
     */
    public static final int BODY_MARGIN = 1_000;

    /** An entry line longer than this (in characters) is shortened in the release body, never in CHANGELOG.md. */
    public static final int MAX_ENTRY_CHARS = 2_000;

    /**
     * The GitHub release body: sections, contributors, closed issues, then the compare (or first
     * release: commits) link; no warning sink.
     *
     * @return Markdown, at most {@code min(bodyLimit, 124,000)} characters long
     * @see #releaseBody(ReleaseNotes, Consumer)
     */
    public String releaseBody(ReleaseNotes notes) {
        return releaseBody(notes, warning -> { });
    }

    /**
     * The GitHub release body: sections, contributors, closed issues, then the compare (or first
     * release: commits) link. It is at most {@code min(bodyLimit, 125,000 - }{@value #BODY_MARGIN}{@code )}
     * characters (UTF-16 chars, as GitHub counts): an entry line longer than {@value #MAX_ENTRY_CHARS} characters is
     * shortened to that length with a link to the complete notes; when the whole is still too long, every entry that
     * fits is kept in order, the others are left out, and a final line (instead of the compare link) says how many
     * lines moved to the complete section in {@code CHANGELOG.md} (linked). Each shortening and cut is reported to
     * {@code warnings}.
     *
     * @param notes the notes
     * @param warnings receives one line when entries were shortened and one when lines were left out, with counts
     * @return Markdown, within the limit above
     */
    public String releaseBody(ReleaseNotes notes, Consumer<String> warnings) {
        int limit = Math.min(bodyLimit, NotesConfig.GITHUB_BODY_LIMIT - BODY_MARGIN);
        ReleaseInfo release = notes.release();
        String changes = changesLine(release);
        // one pass, memory bounded by twice the limit: the whole text while it may still fit, and the greedy cut
        int reserve = cutLine(release, Integer.MAX_VALUE).length();
        StringBuilder whole = new StringBuilder();
        StringBuilder cut = new StringBuilder();
        String[] pendingHeading = {""};
        long[] total = {0};
        int[] counts = new int[3]; // items, left out, shortened
        forEachBlock(notes, block -> {
            String text = block.text;
            if (block.entry != null && text.length() > MAX_ENTRY_CHARS) {
                text = shorten(block, release);
                counts[2]++;
            }
            total[0] += text.length();
            if (total[0] + changes.length() <= limit) {
                whole.append(text);
            }
            if (!block.item) {
                pendingHeading[0] = text;
                return true;
            }
            counts[0]++;
            if (cut.length() + pendingHeading[0].length() + text.length() + reserve <= limit) {
                cut.append(pendingHeading[0]).append(text);
                pendingHeading[0] = "";
            } else {
                counts[1]++;
            }
            return true;
        });
        if (counts[2] > 0) {
            warnings.accept("release body: " + counts[2] + " entr" + (counts[2] == 1 ? "y" : "ies") + " longer than "
                    + MAX_ENTRY_CHARS + " characters shortened, with a link to the complete notes");
        }
        if (total[0] + changes.length() <= limit) {
            return whole + changes;
        }
        warnings.accept("release body: " + counts[1] + " of " + counts[0] + " lines did not fit in " + limit
                + " characters and moved to the link to CHANGELOG.md; the complete notes are there");
        return cut + cutLine(release, counts[1]);
    }

    private static String changesLine(ReleaseInfo release) {
        if (release.changesUrl() == null) {
            return "";
        }
        String text = release.previousTag() == null ? "commits of " + release.tag() : release.previousTag() + "..." + release.tag();
        return "\n**Full changelog**: [" + MarkdownText.escape(text) + "](" + release.changesUrl() + ")\n";
    }

    /**
     * @return the entry line with its text cut (at a space where possible) so that the line, its commit and pull
     *     request links and a link to the complete notes fit in {@link #MAX_ENTRY_CHARS}
     */
    private static String shorten(Block block, ReleaseInfo release) {
        String more = ", [complete entry](" + (release.repository() == null ? "CHANGELOG.md" : changelogUrl(release))
                + "))\n";
        ReleaseNotes.Entry entry = block.entry;
        String text = entry.text();
        for (int keep = Math.min(text.length(), MAX_ENTRY_CHARS); keep > 0; ) {
            int end = keep;
            int space = text.lastIndexOf(' ', end);
            end = space > end / 2 ? space : end;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            String line = entryLine(new ReleaseNotes.Entry(entry.scope(), text.substring(0, end) + " …",
                    entry.commits(), entry.pullRequest(), entry.pullRequestUrl(), entry.closes(), entry.refs()),
                    release.repositoryUrl());
            line = line.substring(0, line.length() - 2) + more;
            if (line.length() <= MAX_ENTRY_CHARS) {
                return line;
            }
            keep = Math.min(end - 1, keep - (line.length() - MAX_ENTRY_CHARS));
        }
        return block.text.substring(0, MAX_ENTRY_CHARS - 2) + "…\n";
    }

    /**
     * The section for {@code CHANGELOG.md} (Keep a Changelog 1.1.0): {@code ## [X.Y.Z] - YYYY-MM-DD}
     * (brackets only when the repository is known, so the link reference resolves), a blank line,
     * then every entry; never cut.
     */
    public String changelogSection(ReleaseNotes notes) {
        StringBuilder out = new StringBuilder("## ").append(changelogHeading(notes.release())).append("\n\n");
        forEachBlock(notes, block -> {
            out.append(block.text);
            return true;
        });
        return out.toString();
    }

    /** @return the heading text after {@code "## "}, e.g. {@code [1.5.0] - 2026-01-02} */
    static String changelogHeading(ReleaseInfo release) {
        String version = release.repository() == null ? release.version() : "[" + release.version() + "]";
        return version + " - " + release.date();
    }

    /** @return GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens */
    static String anchor(String heading) {
        StringBuilder out = new StringBuilder();
        for (char c : heading.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                out.append(c);
            } else if (c == ' ') {
                out.append('-');
            }
        }
        return out.toString();
    }

    /** Writes {@link #releaseBody} to {@code file} in UTF-8, atomically (a reader never sees half of it). */
    public void writeReleaseBody(Path file, ReleaseNotes notes) {
        TextFiles.writeAtomically(file, releaseBody(notes));
    }

    private static String changelogUrl(ReleaseInfo release) {
        return release.repositoryUrl() + "/blob/" + release.tag() + "/CHANGELOG.md#" + anchor(changelogHeading(release));
    }

    private static String cutLine(ReleaseInfo release, int remaining) {
        String where = release.repository() == null ? "CHANGELOG.md" : "[CHANGELOG.md](" + changelogUrl(release) + ")";
        return "\n" + remaining + " more lines did not fit in this release body; see the full notes in " + where + ".\n";
    }

    /** Hands each block to {@code sink} in order until it returns false; streams, so nothing is held. */
    private static void forEachBlock(ReleaseNotes notes, java.util.function.Predicate<Block> sink) {
        String repositoryUrl = notes.release().repositoryUrl();
        boolean first = true;
        for (ReleaseNotes.Section section : notes.sections()) {
            if (!sink.test(heading(first, section.title()))) {
                return;
            }
            first = false;
            for (ReleaseNotes.Entry entry : section.entries()) {
                if (!sink.test(new Block(entryLine(entry, repositoryUrl), true, entry))) {
                    return;
                }
            }
        }
        if (first) {
            first = false;
            if (!sink.test(new Block("No notable changes.\n", true))) {
                return;
            }
        }
        List<Block> blocks = new ArrayList<>();
        if (!notes.contributors().isEmpty()) {
            blocks.add(heading(false, "Contributors"));
            for (ReleaseNotes.Contributor person : notes.contributors()) {
                String login = person.login();
                String web = notes.release().webOrigin();
                String profile = login.endsWith("[bot]")
                        ? web + "/apps/" + login.substring(0, login.length() - "[bot]".length())
                        : web + "/" + login;
                blocks.add(new Block("- [@" + escapeLinkText(login) + "](" + profile + ")"
                        + (person.firstTime() ? " (first contribution)" : "") + "\n", true));
            }
        }
        if (!notes.closedIssues().isEmpty()) {
            blocks.add(heading(false, "Closed issues"));
            for (int issue : notes.closedIssues()) {
                blocks.add(new Block("- " + issueLink(issue, repositoryUrl) + "\n", true));
            }
        }
        for (Block block : blocks) {
            if (!sink.test(block)) {
                return;
            }
        }
    }

    private static Block heading(boolean first, String title) {
        return new Block((first ? "" : "\n") + "### " + MarkdownText.escape(title) + "\n\n", false);
    }

    private static String entryLine(ReleaseNotes.Entry entry, String repositoryUrl) {
        StringBuilder line = new StringBuilder("- ");
        if (entry.scope() != null && !entry.scope().isBlank()) {
            line.append("**").append(MarkdownText.escape(entry.scope())).append(":** ");
        }
        line.append(MarkdownText.escape(entry.text())).append(" (");
        List<String> links = new ArrayList<>();
        for (String sha : entry.commits()) {
            String shortSha = sha.length() > 7 ? sha.substring(0, 7) : sha;
            links.add(repositoryUrl == null ? shortSha : "[" + shortSha + "](" + repositoryUrl + "/commit/" + sha + ")");
        }
        if (entry.pullRequest() > 0) {
            String url = entry.pullRequestUrl() != null ? entry.pullRequestUrl()
                    : repositoryUrl == null ? null : repositoryUrl + "/pull/" + entry.pullRequest();
            links.add(url == null ? "#" + entry.pullRequest() : "[#" + entry.pullRequest() + "](" + url + ")");
        }
        issueLinks(links, "closes ", entry.closes(), repositoryUrl);
        issueLinks(links, "refs ", entry.refs(), repositoryUrl);
        return line.append(String.join(", ", links)).append(")\n").toString();
    }

    private static void issueLinks(List<String> links, String label, List<Integer> issues, String repositoryUrl) {
        if (issues.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(label);
        for (int i = 0; i < issues.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(issueLink(issues.get(i), repositoryUrl));
        }
        links.add(text.toString());
    }

    private static String issueLink(int number, String repositoryUrl) {
        return repositoryUrl == null ? "#" + number : "[#" + number + "](" + repositoryUrl + "/issues/" + number + ")";
    }

    private static String escapeLinkText(String text) {
        return text.replaceAll("([\\\\\\[\\]*_`<>&])", "\\\\$1");
    }

    private static String join(List<Block> blocks, int count) {
        int length = 0;
        for (int i = 0; i < count; i++) {
            length += blocks.get(i).text.length();
        }
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < count; i++) {
            out.append(blocks.get(i).text);
        }
        return out.toString();
    }

    private record Block(String text, boolean item, ReleaseNotes.Entry entry) {
        Block(String text, boolean item) {
            this(text, item, null);
        }
    }
}
