package dev.llmproxy.release.history;

import dev.llmproxy.release.commits.ConventionalCommit;
import dev.llmproxy.release.notes.ChangelogUpdater;
import dev.llmproxy.release.notes.NotesBuilder;
import dev.llmproxy.release.notes.NotesConfig;
import dev.llmproxy.release.notes.ReleaseInfo;
import dev.llmproxy.release.notes.ReleaseNotes;
import dev.llmproxy.release.version.ReleaseTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The changelog of the whole history (issue #12, item 7): one section per release tag, newest
 * first (by tag time), in the layout {@code release:changelog} writes ({@link ChangelogUpdater}).
 * Each section holds what {@code release:changelog -Drelease.tag=<tag>} would print for that tag:
 * the commits after the highest lower release the tag reaches (for a stable release after
 * pre-releases: after the last stable one), as {@link NotesBuilder} lists them. History is read
 * once ({@link RepositoryHistory}); ranges are computed in memory.
 */
public final class FullChangelog {

    private final NotesConfig config;
    private final ChangelogUpdater updater;
    private final String repository;

    /**
     * @param config the notes configuration of the goals
     * @param updater renders the file
     * @param repository {@code owner/name} for links, or null for none
     */
    public FullChangelog(NotesConfig config, ChangelogUpdater updater, String repository) {
        this.config = config;
        this.updater = updater;
        this.repository = repository;
    }

    /**
     * @param history the repository's history
     * @return the whole {@code CHANGELOG.md} text
     */
    public String render(RepositoryHistory history) {
        return updater.whole(notes(history));
    }

    /**
     * @param history the repository's history
     * @return the notes of every release, newest first
     */
    public List<ReleaseNotes> notes(RepositoryHistory history) {
        List<RepositoryHistory.Release> highestFirst = new ArrayList<>(history.releases());
        highestFirst.sort(Comparator.comparing((RepositoryHistory.Release r) -> r.tag().version()).reversed());
        List<ReleaseNotes> out = new ArrayList<>();
        for (RepositoryHistory.Release release : history.releases()) {
            ReleaseTag tag = release.tag();
            boolean[] reachable = history.graph().ancestors(release.commit());
            Optional<ReleaseTag> since = previous(highestFirst, release, reachable, false);
            if (since.isPresent() && since.get().version().isPreRelease() && !tag.version().isPreRelease()) {
                since = previous(highestFirst, release, reachable, true);
            }
            List<ConventionalCommit> commits = history.commitsBetween(reachable, since);
            out.add(NotesBuilder.build(config,
                    new ReleaseInfo(repository, tag.version().toString(), tag.name(), since.map(ReleaseTag::name).orElse(null),
                            release.date()),
                    commits, null));
        }
        return out;
    }

    /**
     * The release a tag's notes start after, as {@code release:changelog -Drelease.tag} finds it: the
     * highest lower release on another commit that the tag reaches; for a stable release after
     * pre-releases, the highest lower stable one ({@link RepositoryHistory#notesSince}).
     */
    private static Optional<ReleaseTag> previous(List<RepositoryHistory.Release> highestFirst, RepositoryHistory.Release release,
            boolean[] reachable, boolean stableOnly) {
        for (RepositoryHistory.Release r : highestFirst) {
            if (r.tag().version().compareTo(release.tag().version()) < 0 && r.commit() != release.commit() && reachable[r.commit()]
                    && (!stableOnly || !r.tag().version().isPreRelease())) {
                return Optional.of(r.tag());
            }
        }
        return Optional.empty();
    }
}
