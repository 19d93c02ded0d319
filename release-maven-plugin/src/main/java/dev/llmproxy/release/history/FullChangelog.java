package dev.llmproxy.release.history;

import dev.llmproxy.release.commits.ConventionalCommit;
import dev.llmproxy.release.notes.ChangelogUpdater;
import dev.llmproxy.release.notes.NotesBuilder;
import dev.llmproxy.release.notes.NotesConfig;
import dev.llmproxy.release.notes.ReleaseInfo;
import dev.llmproxy.release.notes.ReleaseNotes;
import dev.llmproxy.release.version.ReleaseTag;
import java.util.ArrayList;
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
        List<ReleaseNotes> out = new ArrayList<>();
        for (RepositoryHistory.Release release : history.releases()) {
            ReleaseTag tag = release.tag();
            RepositoryHistory.HistoryView view = history.asOf(release.commit(), t -> t.commit() != release.commit()
                    && history.release(t.name()).map(r -> r.tag().version().compareTo(tag.version()) < 0).orElse(false));
            Optional<ReleaseTag> since = history.notesSince(view, tag.version());
            List<ConventionalCommit> commits = history.commitsSince(view, since);
            out.add(NotesBuilder.build(config,
                    new ReleaseInfo(repository, tag.version().toString(), tag.name(), since.map(ReleaseTag::name).orElse(null),
                            release.date()),
                    commits, null));
        }
        return out;
    }
}
