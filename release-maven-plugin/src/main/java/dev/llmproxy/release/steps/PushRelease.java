package dev.llmproxy.release.steps;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.plan.ReleasePlan;
import java.util.Optional;

/**
 * The branch and the release tag pushed to {@code release.remote} in one atomic push; DONE when the remote has the
 * tag at the local tag's commit. After a rejected push of a new release, this run's commits and tag are undone
 * ({@link PushUndo}). A release tagged earlier (a rerun after a failed push) is pushed too when the goal asks for it.
 */
public final class PushRelease implements Step {
    private final boolean existingToo;

    /**
     * @param existingToo whether a release tagged earlier (on HEAD, or named by {@code release.tag}) is pushed too
     *     ({@code release:draft}) or left alone ({@code release:bump})
     */
    public PushRelease(boolean existingToo) {
        this.existingToo = existingToo;
    }

    @Override
    public String name() {
        return "push";
    }

    @Override
    public Status check(ReleasePlan plan, World world) {
        var settings = world.settings();
        if (!plan.releases()) {
            return Settled.nothingToRelease(plan);
        }
        if (!settings.push()) {
            return Status.skipped("release.push=false");
        }
        boolean existing = Settled.existingRelease(plan, world);
        if (existing && !existingToo) {
            return Status.skipped(plan.tag() + " was released earlier: this goal pushes only a release it makes");
        }
        if (!existing && !settings.commit()) {
            return Status.skipped("release.commit=false: no release commit to push");
        }
        if (!world.git().isPushTarget(settings.remote())) {
            return Status.blocked("release.remote '" + settings.remote() + "' is not a remote of this repository: add it"
                    + " (git remote add " + settings.remote() + " <url>), set release.remote, or do not push"
                    + " (release.push=false), then rerun");
        }
        Optional<String> branch = world.git().currentBranch();
        if (branch.isEmpty()) {
            return existing
                    ? Status.skipped("HEAD is detached: not pushing (the tag " + plan.tag() + " is already released)")
                    : Status.blocked(Settled.DETACHED_HEAD);
        }
        Optional<String> local = world.git().tagTarget(plan.tag());
        if (local.isPresent() && local.equals(remoteTag(plan, world))) {
            return Status.done(settings.remote() + " has " + plan.tag() + " at " + Settled.shortSha(local.get()));
        }
        return Status.todo("push " + branch.get() + " and " + plan.tag() + " to " + settings.remote() + " (atomic)");
    }

    /** @return the commit of the tag on the remote; empty when it has none or cannot be read (the push then says why) */
    private static Optional<String> remoteTag(ReleasePlan plan, World world) {
        try {
            return world.git().remoteTagCommit(world.settings().remote(), plan.tag(), world.token());
        } catch (ReleaseException e) {
            return Optional.empty();
        }
    }

    @Override
    public Status apply(ReleasePlan plan, World world) {
        var git = world.git();
        String remote = world.settings().remote();
        String branch = git.currentBranch().orElseThrow(() -> new ReleaseException(Settled.DETACHED_HEAD));
        if (Settled.existingRelease(plan, world)) {
            PushUndo.requireSameTagOnRemote(git, remote, plan.tag(), world.token());
            git.pushAtomic(remote, branch, plan.tag(), world.token());
        } else {
            String made = git.headSha();
            try {
                git.pushAtomic(remote, branch, plan.tag(), world.token());
            } catch (ReleaseException e) {
                throw new ReleaseException(e.getMessage() + "; " + PushUndo.undo(git, plan.tag(),
                        world.tagCreatedByThisRun(plan.tag()), plan.headSha(), made), e);
            }
        }
        return Status.done("pushed " + branch + " and " + plan.tag() + " to " + remote);
    }
}
