package dev.llmproxy.release.notes;

import dev.llmproxy.release.TextFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
     * The GitHub release body: sections, contributors, closed issues, then the compare (or first
     * release: commits) link. When longer than the limit it is cut after the last entry that fits,
     * and a final line links the complete section in {@code CHANGELOG.md}.
     *
     * @return Markdown, at most the body limit long
     */
    public String releaseBody(ReleaseNotes notes) {
        List<Block> blocks = blocks(notes, bodyLimit);
        ReleaseInfo release = notes.release();
        if (release.changesUrl() != null) {
            String text = release.previousTag() == null ? "commits of " + release.tag() : release.previousTag() + "..." + release.tag();
            blocks.add(new Block("\n**Full changelog**: [" + MarkdownText.escape(text) + "](" + release.changesUrl() + ")\n", false));
        }
        int total = blocks.stream().mapToInt(b -> b.text.length()).sum();
        if (total <= bodyLimit) {
            return join(blocks, blocks.size());
        }
        int items = notes.entryCount() + notes.contributors().size() + notes.closedIssues().size();
        int reserve = cutLine(release, items).length();
        int length = 0;
        int cut = 0;
        int kept = 0;
        int itemsKept = 0;
        for (int i = 0; i < blocks.size(); i++) {
            length += blocks.get(i).text.length();
            if (length + reserve > bodyLimit) {
                break;
            }
            if (blocks.get(i).item) {
                itemsKept++;
                cut = i + 1;
                kept = itemsKept;
            }
        }
        return join(blocks, cut) + cutLine(release, items - kept);
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

    private static String cutLine(ReleaseInfo release, int remaining) {
        String where = release.repository() == null ? "CHANGELOG.md"
                : "[CHANGELOG.md](" + release.repositoryUrl() + "/blob/" + release.tag() + "/CHANGELOG.md#"
                        + anchor(changelogHeading(release)) + ")";
        return "\n" + remaining + " more lines did not fit in this release body; see the full notes in " + where + ".\n";
    }

    /** @return the blocks of the notes, stopping early once they are longer than {@code enough} */
    private static List<Block> blocks(ReleaseNotes notes, int enough) {
        List<Block> blocks = new ArrayList<>();
        long[] length = {0};
        forEachBlock(notes, block -> {
            blocks.add(block);
            length[0] += block.text.length();
            return length[0] <= enough;
        });
        return blocks;
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
                if (!sink.test(new Block(entryLine(entry, repositoryUrl), true))) {
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

    private record Block(String text, boolean item) {}
}
