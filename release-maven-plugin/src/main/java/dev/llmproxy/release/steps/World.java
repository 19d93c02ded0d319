package dev.llmproxy.release.steps;

import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.git.GitRepo;
import dev.llmproxy.release.notes.MarkdownRenderer;
import dev.llmproxy.release.notes.ReleaseNotes;
import dev.llmproxy.release.plan.ReleaseSettings;
import dev.llmproxy.release.pom.VersionFiles;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The handles the steps read and change (docs/architecture.md, "The engine as steps"): the repository, the reactor's
 * version files, the settings, GitHub, the rendered notes and the log. The world is the state: a step finds what an
 * earlier step or an earlier run did by reading it again. The one exception is {@link #tagCreatedByThisRun}: after a
 * rejected push only this run's own tag may be removed, and the repository cannot tell whose a tag is.
 */
public final class World {
    private final ReleaseSettings settings;
    private final GitRepo git;
    private VersionFiles reactor;
    private final ReleaseNotes notes;
    private final MarkdownRenderer renderer;
    private final GitHubHandle github;
    private final ReleaseLog log;
    private final Set<String> tagsCreated = new HashSet<>();

    /**
     * @param settings the goal's settings (root, push, commit, remote, token, ...)
     * @param git the open repository at {@code settings.root()}
     * @param reactor the version files as read when planning
     * @param notes the release's notes, or null when there is nothing to release
     * @param renderer renders the notes (changelog section)
     * @param github the GitHub Release of the plan, or null when the goal does not touch GitHub
     * @param log progress and warnings
     */
    public World(ReleaseSettings settings, GitRepo git, VersionFiles reactor, ReleaseNotes notes,
            MarkdownRenderer renderer, GitHubHandle github, ReleaseLog log) {
        this.settings = settings;
        this.git = git;
        this.reactor = reactor;
        this.notes = notes;
        this.renderer = renderer;
        this.github = github;
        this.log = log;
    }

    /** @return the goal's settings */
    public ReleaseSettings settings() {
        return settings;
    }

    /** @return the repository */
    public GitRepo git() {
        return git;
    }

    /** @return the version files as last read (see {@link #rereadReactor()}) */
    public VersionFiles reactor() {
        return reactor;
    }

    /**
     * Reads the version files again: a {@link VersionFiles} holds the bytes it read, so after a write the old value
     * describes the old files.
     *
     * @return the version files as they are now on disk
     */
    public VersionFiles rereadReactor() {
        reactor = VersionFiles.load(settings.root(), settings.versionFile());
        return reactor;
    }

    /** @return the release's notes, or null when there is nothing to release */
    public ReleaseNotes notes() {
        return notes;
    }

    /** @return the renderer of the notes */
    public MarkdownRenderer renderer() {
        return renderer;
    }

    /** @return the GitHub Release handle, or null when the goal does not touch GitHub */
    public GitHubHandle github() {
        return github;
    }

    /** @return the log */
    public ReleaseLog log() {
        return log;
    }

    /** @return the token for git and GitHub, if any (never logged) */
    public Optional<String> token() {
        return Optional.ofNullable(settings.github().token());
    }

    /** Records that this run created the tag (so that a rejected push may remove it again). */
    void tagCreated(String tag) {
        tagsCreated.add(tag);
    }

    /** @return whether this run created the tag */
    boolean tagCreatedByThisRun(String tag) {
        return tagsCreated.contains(tag);
    }
}
