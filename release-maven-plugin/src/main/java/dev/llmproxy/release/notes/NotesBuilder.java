package dev.llmproxy.release.notes;

import dev.llmproxy.release.commits.ConventionalCommit;
import dev.llmproxy.release.commits.ConventionalCommit.Kind;
import dev.llmproxy.release.commits.MessageSplitter;
import dev.llmproxy.release.commits.RevertCanceller;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the Conventional Commits of a release range, and the pull requests found for them, into
 * {@link ReleaseNotes}. Feed commits one at a time with {@link #add} (streaming: only what an entry
 * needs is kept, never message bodies), then call {@link #build}.
 *
 * <p>Rules (issue #3, items 2-3): merge and fixup commits never make entries (a merge with a
 * Conventional subject is added as that commit, see {@link #standFor}); a pull request that
 * is found for a commit, named by a squash title's {@code (#40)} or by a
 * {@code Merge pull request #40} commit repeating the subject becomes one link on one entry;
 * footers and trailers ({@code Co-authored-by:}) are never entries; a {@code Revert "..."} and the
 * commit it reverts, both in the range, cancel out (by SHA, or by subject for a squash-merged revert).
 * A breaking change is listed under "Breaking changes" and in its own section (issue #12, item 3).
 * Entries keep the order commits were added in.
 * Not thread-safe.
 */
public final class NotesBuilder {

    private static final Pattern MERGE_PULL = Pattern.compile("^Merge pull request #(\\d{1,9}) from ");
    private static final Pattern HEADER_PREFIX = Pattern.compile("^\\w[\\w-]*(?:\\(([^()]*)\\))?!?:\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int[] NONE = new int[0];

    private final NotesConfig config;
    private final boolean keepUnmapped;
    private final List<Change> changes = new ArrayList<>();
    private final Map<String, Integer> mergedPullRequests = new HashMap<>();
    private final Set<String> revertTargets = new HashSet<>();
    private final List<String> abbreviatedRevertTargets = new ArrayList<>();
    private final Set<String> revertedInRange = new HashSet<>();
    private final Set<String> coveredByMerges = new HashSet<>();

    /** @param config sections, hidden types and lists to apply */
    public NotesBuilder(NotesConfig config) {
        this.config = config;
        this.keepUnmapped = !config.labelCategories().isEmpty() || config.otherTitle() != null;
    }

    /**
     * Notes straight from a list of commits.
     *
     * @param commits the range's commits, newest first as git walks them
     * @param source where pull requests come from, or null for notes from git alone
     */
    public static ReleaseNotes build(NotesConfig config, ReleaseInfo release, List<ConventionalCommit> commits, PullRequestSource source) {
        NotesBuilder builder = new NotesBuilder(config);
        commits.forEach(builder::add);
        return builder.build(release, source);
    }

    /** @param commit one commit of the range (any kind; merges and fixups are only noted) */
    public void add(ConventionalCommit commit) {
        String sha = commit.sha();
        if (revertTargets.contains(sha) || abbreviatedRevertTargets.stream().anyMatch(sha::startsWith)) {
            revertedInRange.add(sha);
        }
        switch (commit.kind()) {
            case MERGE -> noteMerge(commit);
            case FIXUP -> { }
            case REVERT -> {
                Change change = new Change(commit, commit.subject());
                String target = commit.revertedSha();
                if (target != null && target.length() >= 7) {
                    change.revertTarget = target;
                    (target.length() == 40 ? revertTargets : abbreviatedRevertTargets).add(target);
                } else {
                    // a squash-merged revert ends in " (#190)", and its quoted subject may too
                    change.revertSubject = RevertCanceller.revertedSubject(commit);
                }
                changes.add(change);
            }
            case CONVENTIONAL -> {
                if (commit.breaking() || keepUnmapped || config.titleForType(commit.type(), commit.scope()) != null) {
                    changes.add(new Change(commit, commit.description()));
                } else {
                    addOverrideCandidate(commit, commit.description());
                }
            }
            default -> {
                if (keepUnmapped) {
                    changes.add(new Change(commit, commit.subject()));
                } else {
                    addOverrideCandidate(commit, commit.subject());
                }
            }
        }
    }

    /**
     * A squash-merged commit that makes no entry may still be the merge of a pull request whose body
     * holds a release-please override: it is looked up, and listed only when that override replaces it.
     */
    private void addOverrideCandidate(ConventionalCommit commit, String text) {
        if (commit.kind() != Kind.MERGE && IssueReferences.squashPullRequest(commit.subject()) != 0) {
            Change change = new Change(commit, text);
            change.onlyIfOverridden = true;
            changes.add(change);
        }
    }

    /**
     * The changes with release-please's {@code BEGIN_COMMIT_OVERRIDE} blocks of merged pull request
     * bodies applied: every change of a commit whose pull request has one is replaced by the changes
     * of the block (issue #12, item 1).
     */
    private List<Change> withPullRequestOverrides(Map<String, PullRequestInfo> pullRequests) {
        List<Change> effective = new ArrayList<>(changes.size());
        Set<String> replaced = new HashSet<>();
        for (Change change : changes) {
            PullRequestInfo pr = pullRequests.get(change.sha);
            String block = pr == null ? null : MessageSplitter.overrideBlock(pr.body());
            if (block == null) {
                if (!change.onlyIfOverridden) {
                    effective.add(change);
                }
            } else if (replaced.add(change.sha)) {
                for (ConventionalCommit c : MessageSplitter.parse(change.sha, block, 1)) {
                    Change overridden = new Change(c, c.kind() == Kind.CONVENTIONAL ? c.description() : c.subject());
                    overridden.fromOverride = true;
                    effective.add(overridden);
                }
            }
        }
        return effective;
    }

    /**
     * A merge commit whose own subject is a Conventional Commit stands for its branch (issue #12,
     * item 3): add that merge with {@link #add} (as the conventional commit its subject is), and name
     * here the commits it brought; they make no entry of their own, but their breaking notes stay in
     * "Breaking changes" (they still count for the bump, which is decided elsewhere).
     *
     * @param branchShas full SHAs of the commits reachable from the merge's second parent but not its
     *     first
     */
    public void standFor(java.util.Collection<String> branchShas) {
        coveredByMerges.addAll(branchShas);
    }

    /** @return full SHAs of the commits that may make entries, for {@link PullRequestSource#forCommits} */
    public List<String> shas() {
        return changes.stream().map(c -> c.sha).toList();
    }

    /**
     * @param release the release described
     * @param source where pull requests come from, or null for notes from git alone
     */
    public ReleaseNotes build(ReleaseInfo release, PullRequestSource source) {
        return build(release, source == null || changes.isEmpty() ? Map.of() : source.forCommits(shas()));
    }

    /**
     * @param release the release described
     * @param pullRequests sha to pull request, for any subset of {@link #shas()}; empty for git alone
     * @return the notes; the builder may be built again with other pull requests
     */
    public ReleaseNotes build(ReleaseInfo release, Map<String, PullRequestInfo> pullRequests) {
        Set<Change> cancelled = cancelledReverts();
        Map<String, List<Draft>> bySection = new LinkedHashMap<>();
        Map<String, Draft> byPullRequest = new HashMap<>();
        Map<String, Boolean> contributors = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Change change : withPullRequestOverrides(pullRequests)) {
            if (cancelled.contains(change)) {
                continue;
            }
            PullRequestInfo pr = pullRequests.get(change.sha);
            if (pr != null && config.excludes(pr)) {
                continue;
            }
            List<String> titles = sectionsOf(change, pr);
            if (titles.isEmpty()) {
                continue;
            }
            if (pr != null && pr.authorLogin() != null && config.contributors()) {
                contributors.merge(pr.authorLogin(), pr.firstTimeContributor(), Boolean::logicalOr);
            }
            String text = change.text;
            String scope = change.scope;
            if (pr != null && config.pullRequestTitles() && !pr.title().isBlank() && !change.fromOverride) {
                Matcher m = HEADER_PREFIX.matcher(pr.title());
                text = IssueReferences.withoutSquashSuffix(m.lookingAt() ? pr.title().substring(m.end()) : pr.title());
                if (scope == null && m.lookingAt() && m.group(1) != null && !m.group(1).isBlank()) {
                    scope = m.group(1);
                }
            }
            int number = pr != null ? pr.number() : change.squashPr != 0 ? change.squashPr
                    : mergedPullRequests.getOrDefault(change.subject, 0);
            for (String title : titles) {
                for (String entryText : entryTexts(change, normalise(text), title)) {
                    String key = title + '\u0000' + number + '\u0000' + entryText;
                    Draft draft = number != 0 && config.pullRequestTitles() ? byPullRequest.get(key) : null;
                    if (draft == null) {
                        draft = new Draft(scope, entryText, number, pr == null ? null : pr.url());
                        bySection.computeIfAbsent(title, t -> new ArrayList<>()).add(draft);
                        if (number != 0) {
                            byPullRequest.put(key, draft);
                        }
                    }
                    draft.commits.add(change.sha);
                    for (int issue : change.closes) {
                        draft.closes.add(issue);
                    }
                    for (int issue : change.refs) {
                        draft.refs.add(issue);
                    }
                    if (pr != null) {
                        draft.closes.addAll(pr.closedIssues());
                    }
                }
            }
        }
        List<ReleaseNotes.Section> sections = new ArrayList<>();
        Set<Integer> closed = new TreeSet<>();
        for (String title : config.sectionOrder()) {
            List<Draft> drafts = bySection.get(title);
            if (drafts == null) {
                continue;
            }
            if (config.groupByScope()) {
                drafts.sort(Comparator.comparing((Draft d) -> d.scope == null ? "" : d.scope, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(d -> d.scope == null ? "" : d.scope));
            }
            List<ReleaseNotes.Entry> entries = new ArrayList<>();
            for (Draft d : drafts) {
                d.refs.removeAll(d.closes);
                d.refs.remove(d.number);
                closed.addAll(d.closes);
                entries.add(new ReleaseNotes.Entry(d.scope, d.text, d.commits, d.number, d.url,
                        List.copyOf(d.closes), List.copyOf(d.refs)));
            }
            sections.add(new ReleaseNotes.Section(title, entries));
        }
        List<ReleaseNotes.Contributor> people = new ArrayList<>();
        contributors.forEach((login, first) -> people.add(new ReleaseNotes.Contributor(login, first)));
        return new ReleaseNotes(release, sections, people, config.closedIssues() ? List.copyOf(closed) : List.of());
    }

    private void noteMerge(ConventionalCommit merge) {
        Matcher m = MERGE_PULL.matcher(merge.subject());
        if (m.find() && merge.body() != null && !merge.body().isEmpty()) {
            int newline = merge.body().indexOf('\n');
            String repeated = newline < 0 ? merge.body() : merge.body().substring(0, newline);
            mergedPullRequests.putIfAbsent(IssueReferences.withoutSquashSuffix(repeated.strip()), Integer.parseInt(m.group(1)));
        }
    }

    private Set<Change> cancelledReverts() {
        Set<Change> cancelled = new HashSet<>();
        List<Change> reverts = changes.stream().filter(c -> c.revertTarget != null || c.revertSubject != null).toList();
        if (reverts.isEmpty()) {
            return cancelled;
        }
        // indexed by what the reverts name only, not the whole range
        Set<String> namedShas = new HashSet<>();
        Set<String> namedSubjects = new HashSet<>();
        for (Change revert : reverts) {
            if (revert.revertTarget != null) {
                namedShas.add(revert.revertTarget);
            } else {
                namedSubjects.add(revert.revertSubject);
            }
        }
        Map<String, Change> bySha = new HashMap<>();
        Map<String, Change> bySubject = new HashMap<>();
        for (Change c : changes) {
            if (namedShas.contains(c.sha)) {
                bySha.put(c.sha, c);
            }
            if (namedSubjects.contains(c.subject)) {
                bySubject.putIfAbsent(c.subject, c);
            }
        }
        for (Change revert : reverts) {
            if (revert.revertTarget != null) {
                Change target = revert.revertTarget.length() == 40 ? bySha.get(revert.revertTarget)
                        : changes.stream().filter(c -> c.sha.startsWith(revert.revertTarget)).findFirst().orElse(null);
                if (target != null) {
                    cancelled.add(target);
                    cancelled.add(revert);
                } else if (revertedInRange.contains(revert.revertTarget)
                        || revertedInRange.stream().anyMatch(s -> s.startsWith(revert.revertTarget))) {
                    cancelled.add(revert);
                }
            } else if (revert.revertSubject != null) {
                Change target = bySubject.get(revert.revertSubject);
                if (target != null && target != revert && !cancelled.contains(target)) {
                    cancelled.add(target);
                    cancelled.add(revert);
                }
            }
        }
        return cancelled;
    }

    /**
     * A breaking change is listed under "Breaking changes" and in its own section (issue #12, item
     * 3); a commit a merge stands for keeps only its breaking notes.
     */
    private List<String> sectionsOf(Change change, PullRequestInfo pr) {
        List<String> titles = new ArrayList<>(2);
        if (change.breaking) {
            titles.add(NotesConfig.BREAKING_TITLE);
        }
        if (coveredByMerges.contains(change.sha)) {
            return titles;
        }
        String own = sectionOf(change, pr);
        if (own != null) {
            titles.add(own);
        }
        return titles;
    }

    private String sectionOf(Change change, PullRequestInfo pr) {
        if (pr != null) {
            for (NotesConfig.LabelCategory category : config.labelCategories()) {
                if (category.accepts(pr)) {
                    return category.title();
                }
            }
        }
        String title = switch (change.kind) {
            case REVERT -> config.titleForType("revert", null);
            case CONVENTIONAL -> config.titleForType(change.type, change.scope);
            default -> null;
        };
        if (title != null) {
            return title;
        }
        boolean hidden = change.kind == Kind.CONVENTIONAL && config.hides(change.type, change.scope);
        return hidden ? null : config.otherTitle();
    }

    private static List<String> entryTexts(Change change, String text, String title) {
        if (!title.equals(NotesConfig.BREAKING_TITLE) || change.breakingNotes.isEmpty()) {
            return List.of(text);
        }
        List<String> texts = new ArrayList<>();
        for (String note : change.breakingNotes) {
            // a squash-merged "type!: x (#12)" without footer has its description, suffix and all, as note
            String plain = IssueReferences.withoutSquashSuffix(normalise(note));
            String entry = plain.equals(text) || plain.equals(change.text) || plain.isEmpty() ? text : text + " — " + plain;
            if (!texts.contains(entry)) {
                texts.add(entry);
            }
        }
        return texts;
    }

    private static String normalise(String text) {
        boolean plain = !text.isEmpty() && !Character.isWhitespace(text.charAt(0)) && !Character.isWhitespace(text.charAt(text.length() - 1))
                && text.indexOf('\n') < 0 && text.indexOf('\t') < 0 && text.indexOf("  ") < 0 && text.indexOf('\r') < 0;
        return plain ? text : WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private static int[] toArray(Set<Integer> numbers) {
        return numbers.isEmpty() ? NONE : numbers.stream().mapToInt(Integer::intValue).toArray();
    }

    /** What one commit contributes, without its body. */
    private static final class Change {
        final String sha;
        final Kind kind;
        final String type;
        final String scope;
        final String subject;
        final String text;
        final boolean breaking;
        final List<String> breakingNotes;
        final int squashPr;
        final int[] closes;
        final int[] refs;
        String revertTarget;
        String revertSubject;
        boolean onlyIfOverridden;
        boolean fromOverride;

        Change(ConventionalCommit commit, String text) {
            IssueReferences references = IssueReferences.of(commit);
            this.sha = commit.sha();
            this.kind = commit.kind();
            this.type = commit.type();
            this.scope = commit.scope();
            this.subject = IssueReferences.withoutSquashSuffix(commit.subject());
            this.squashPr = IssueReferences.squashPullRequest(text);
            this.text = IssueReferences.withoutSquashSuffix(text);
            this.breaking = commit.kind() == Kind.CONVENTIONAL && commit.breaking();
            this.breakingNotes = breaking ? commit.breakingNotes() : List.of();
            this.closes = toArray(references.closes);
            this.refs = toArray(references.refs);
        }
    }

    /** An entry being assembled. */
    private static final class Draft {
        final String scope;
        final String text;
        final int number;
        final String url;
        final List<String> commits = new ArrayList<>(1);
        final Set<Integer> closes = new TreeSet<>();
        final Set<Integer> refs = new TreeSet<>();

        Draft(String scope, String text, int number, String url) {
            this.scope = scope;
            this.text = text;
            this.number = number;
            this.url = url;
        }
    }
}
