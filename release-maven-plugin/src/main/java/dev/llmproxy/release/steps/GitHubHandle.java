package dev.llmproxy.release.steps;

import dev.llmproxy.release.github.GitHubReleaser;
import dev.llmproxy.release.github.ReleaseNotifier;
import dev.llmproxy.release.github.ReleaseOutcome;
import dev.llmproxy.release.github.ReleaseRequest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The GitHub side of the world: one {@link GitHubReleaser} per run (its release list is read once, docs/performance.md
 * "request budget"), the refusal found while planning, the dry-run preview shared by the planner and the checks, and
 * the outcome of this run's real sync (what {@link NotifyReleased} announces).
 */
public final class GitHubHandle {
    private final Supplier<Optional<String>> refusal;
    private final Supplier<GitHubReleaser> releaserFactory;
    private final Supplier<ReleaseRequest> request;
    private final Supplier<ReleaseNotifier> notifier;
    private Optional<String> knownRefusal;
    private GitHubReleaser releaser;
    private ReleaseOutcome preview;
    private ReleaseOutcome released;

    /**
     * @param refusal why GitHub cannot take this release (no repository, no token, no write access), one line with the
     *     fix; empty when it can; asked at most once
     * @param releaser makes the run's releaser; called at most once
     * @param request the wanted release, asked anew before each sync (the release commit may be new)
     * @param notifier makes a notifier for the release's pull requests, issues and webhook
     */
    public GitHubHandle(Supplier<Optional<String>> refusal, Supplier<GitHubReleaser> releaser,
            Supplier<ReleaseRequest> request, Supplier<ReleaseNotifier> notifier) {
        this.refusal = refusal;
        this.releaserFactory = releaser;
        this.request = request;
        this.notifier = notifier;
    }

    /** @return why GitHub cannot take this release, with the fix; empty when it can */
    public Optional<String> refusal() {
        if (knownRefusal == null) {
            knownRefusal = refusal.get();
        }
        return knownRefusal;
    }

    /**
     * @return what a sync would do now, read without writing; the same answer until {@link #release()} writes
     * @throws dev.llmproxy.release.ReleaseException as {@link GitHubReleaser#sync} in a dry run
     */
    public ReleaseOutcome preview() {
        if (preview == null) {
            preview = releaser().sync(request.get(), true);
        }
        return preview;
    }

    /**
     * Creates or updates the release, uploads its assets and publishes it as asked.
     *
     * @return what was done
     * @throws dev.llmproxy.release.ReleaseException as {@link GitHubReleaser#sync}
     */
    public ReleaseOutcome release() {
        preview = null;
        released = releaser().sync(request.get(), false);
        return released;
    }

    /** @return the outcome of this run's {@link #release()}, empty before it */
    public Optional<ReleaseOutcome> released() {
        return Optional.ofNullable(released);
    }

    /** @return a notifier over the same repository and token */
    public ReleaseNotifier notifier() {
        return notifier.get();
    }

    private GitHubReleaser releaser() {
        if (releaser == null) {
            releaser = releaserFactory.get();
        }
        return releaser;
    }
}
