package dev.llmproxy.release.history;

import dev.llmproxy.release.commits.CommitParser;
import dev.llmproxy.release.commits.ConventionalCommit;
import dev.llmproxy.release.git.HistoryGraph;
import dev.llmproxy.release.version.ReleaseHistory;
import dev.llmproxy.release.version.ReleaseTag;
import dev.llmproxy.release.version.SemVer;
import dev.llmproxy.release.version.TagNaming;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A repository's whole history read once ({@link HistoryGraph}: one walk, every message parsed
 * once), and read-only views of it "as of" any commit ({@link #asOf}) that answer what the planner
 * asks of a repository: which release tags exist and which one is the last release reachable
 * ({@link ReleaseHistory}), and the commits of a range, newest first. Nothing is checked out or
 * written (issue #12, items 6-7).
 */
public final class RepositoryHistory implements AutoCloseable {

    /**
     * One release tag of the repository.
     *
     * @param tag the tag as a release ({@link ReleaseTag}: name, version, commit SHA)
     * @param commit the index of the tagged commit in the graph
     * @param epochSeconds when the tag was made (tagger time, else the commit's time)
     */
    public record Release(ReleaseTag tag, int commit, long epochSeconds) {
        /** @return the release date in UTC */
        public LocalDate date() {
            return LocalDate.ofInstant(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
        }
    }

    /** Newest first: by tag time, then by precedence, then by name (so the order never depends on the input). */
    static final Comparator<Release> NEWEST_FIRST = Comparator.comparingLong(Release::epochSeconds)
            .thenComparing(r -> r.tag().version())
            .thenComparing(r -> r.tag().name())
            .reversed();

    private final HistoryGraph graph;
    private final ConventionalCommit[] commits;
    private final TagNaming naming;
    private final List<Release> releases;
    private final Map<String, Release> byName = new HashMap<>();

    private RepositoryHistory(HistoryGraph graph, ConventionalCommit[] commits, TagNaming naming) {
        this.graph = graph;
        this.commits = commits;
        this.naming = naming;
        List<Release> found = new ArrayList<>();
        for (HistoryGraph.Tag t : graph.tags()) {
            naming.versionOf(t.name()).ifPresent(v ->
                    found.add(new Release(new ReleaseTag(t.name(), v, graph.sha(t.commit())), t.commit(), t.epochSeconds())));
        }
        found.sort(NEWEST_FIRST);
        this.releases = List.copyOf(found);
        found.forEach(r -> byName.put(r.tag().name(), r));
    }

    /**
     * Reads the repository containing {@code dir}.
     *
     * @param dir a directory inside the work tree
     * @param naming which tags are release tags
     * @return the history; close it when done
     * @throws dev.llmproxy.release.ReleaseException when there is no repository or history is incomplete
     */
    public static RepositoryHistory load(Path dir, TagNaming naming) {
        List<ConventionalCommit> parsed = new ArrayList<>();
        HistoryGraph graph = HistoryGraph.load(dir, (i, raw) -> parsed.add(CommitParser.parse(raw.sha(), raw.message(), raw.parentCount())));
        return new RepositoryHistory(graph, parsed.toArray(ConventionalCommit[]::new), naming);
    }

    /** @return the graph, for files at a commit and the remote's URL */
    public HistoryGraph graph() {
        return graph;
    }

    /** @return every release tag, newest first ({@link #NEWEST_FIRST}) */
    public List<Release> releases() {
        return releases;
    }

    /** @param tagName a tag name; @return the release of that tag, or empty when it is not a release tag */
    public Optional<Release> release(String tagName) {
        return Optional.ofNullable(byName.get(tagName));
    }

    /** @param commit an index; @return the commit parsed */
    public ConventionalCommit commit(int commit) {
        return commits[commit];
    }

    /**
     * The repository as it looked at {@code commit} with only some tags made yet.
     *
     * @param commit the index of the commit that plays HEAD
     * @param visibleTags which tags existed then
     * @return the view
     */
    public HistoryView asOf(int commit, Predicate<HistoryGraph.Tag> visibleTags) {
        boolean[] reachable = graph.ancestors(commit);
        Map<String, String> tagCommits = new LinkedHashMap<>();
        for (HistoryGraph.Tag t : graph.tags()) {
            if (visibleTags.test(t)) {
                tagCommits.put(t.name(), graph.sha(t.commit()));
            }
        }
        ReleaseHistory history = ReleaseHistory.of(tagCommits, naming,
                sha -> graph.indexOf(sha).map(i -> reachable[i]).orElse(false));
        return new HistoryView(commit, reachable, history);
    }

    /**
     * The view as of a commit and its tags; what the planner reads of a repository.
     *
     * @param commit the index of the commit that plays HEAD
     * @param reachable the ancestors of {@code commit}, itself included
     * @param history the release tags then, with the last release reachable from {@code commit}
     */
    public record HistoryView(int commit, boolean[] reachable, ReleaseHistory history) {}

    /**
     * @param view a view
     * @param since the release the range starts after, or empty for the whole history
     * @return the commits of {@code git log since..view}, newest first
     */
    public List<ConventionalCommit> commitsSince(HistoryView view, Optional<ReleaseTag> since) {
        return commitsBetween(view.reachable(), since);
    }

    /**
     * @param reachable the ancestors of the range's end ({@link HistoryGraph#ancestors})
     * @param since the release the range starts after, or empty for the whole history
     * @return the commits of {@code git log since..end}, newest first
     */
    public List<ConventionalCommit> commitsBetween(boolean[] reachable, Optional<ReleaseTag> since) {
        boolean[] excluded = graph.ancestors(since.flatMap(t -> graph.indexOf(t.commitSha())).orElse(-1));
        List<ConventionalCommit> out = new ArrayList<>();
        for (int i : graph.range(reachable, excluded)) {
            out.add(commits[i]);
        }
        return out;
    }

    /**
     * Where the notes of a release start: the last release, except that a stable release after
     * pre-releases lists everything since the last stable release below it (as the goals do).
     *
     * @param view the view of the release's commit
     * @param version the version released
     * @return the release the notes start after, or empty for the whole history
     */
    public Optional<ReleaseTag> notesSince(HistoryView view, SemVer version) {
        Optional<ReleaseTag> last = view.history().lastRelease();
        if (last.isEmpty() || !last.get().version().isPreRelease() || version.isPreRelease()) {
            return last;
        }
        return view.history().releases().stream()
                .filter(t -> !t.version().isPreRelease() && t.version().compareTo(version) < 0)
                .filter(t -> graph.indexOf(t.commitSha()).map(i -> view.reachable()[i]).orElse(false))
                .findFirst();
    }

    @Override
    public void close() {
        graph.close();
    }
}
