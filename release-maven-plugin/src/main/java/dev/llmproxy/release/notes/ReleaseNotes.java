package dev.llmproxy.release.notes;

import java.util.List;

/**
 * The release notes as a value: what {@link NotesBuilder} decides and {@link MarkdownRenderer} prints.
 *
 * @param release the release described
 * @param sections the non-empty sections in rendering order
 * @param contributors pull-request authors, each login once, sorted case-insensitively
 * @param closedIssues numbers of the issues closed by the release's changes, ascending, each once
 */
public record ReleaseNotes(ReleaseInfo release, List<Section> sections, List<Contributor> contributors, List<Integer> closedIssues) {

    public ReleaseNotes {
        sections = List.copyOf(sections);
        contributors = List.copyOf(contributors);
        closedIssues = List.copyOf(closedIssues);
    }

    /** @return the number of entries over all sections */
    public int entryCount() {
        return sections.stream().mapToInt(s -> s.entries().size()).sum();
    }

    /**
     * One heading and its entries.
     *
     * @param title heading text
     * @param entries entries in notes order, never empty
     */
    public record Section(String title, List<Entry> entries) {
        public Section {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One change.
     *
     * @param scope the Conventional Commits scope as written, or null
     * @param text the description (or pull-request title), one line, not escaped
     * @param commits full SHAs of the commits of this change, at least one
     * @param pullRequest the pull request number, or 0 when unknown
     * @param pullRequestUrl the pull request's address from GitHub, or null to derive it
     * @param closes numbers of the issues this change closes, ascending
     * @param refs numbers of the issues it only references, ascending
     */
    public record Entry(String scope, String text, List<String> commits, int pullRequest, String pullRequestUrl,
            List<Integer> closes, List<Integer> refs) {
        public Entry {
            commits = List.copyOf(commits);
            closes = List.copyOf(closes);
            refs = List.copyOf(refs);
        }
    }

    /**
     * @param login the GitHub login
     * @param firstTime true when GitHub reports this as the author's first contribution
     */
    public record Contributor(String login, boolean firstTime) {}
}
