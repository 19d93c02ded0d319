package dev.llmproxy.release.steps;

import dev.llmproxy.release.plan.ReleasePlan;
import java.util.Optional;

/** The answers every local step gives before looking at its own effect: nothing to release, or a release made earlier. */
final class Settled {
    /** The refusal of a commit on a detached HEAD, as the planner words it. */
    static final String DETACHED_HEAD =
            "HEAD is detached: check out the branch to release (git switch main), then rerun";

    private Settled() {}

    /**
     * @return SKIPPED when the plan releases nothing, DONE when its tag was made earlier (on HEAD, or named by
     *     {@code release.tag}); empty when this run makes a new release
     */
    static Optional<Status> localEffect(ReleasePlan plan, World world) {
        if (!plan.releases()) {
            return Optional.of(nothingToRelease(plan));
        }
        if (plan.alreadyReleased()) {
            return Optional.of(Status.done(plan.tag() + " is already on HEAD"));
        }
        if (world.settings().existingTag() != null) {
            return Optional.of(Status.done("release.tag names the existing tag " + plan.tag()));
        }
        return Optional.empty();
    }

    /** @return SKIPPED, naming the plan's reason */
    static Status nothingToRelease(ReleasePlan plan) {
        return Status.skipped("nothing to release: " + plan.reason());
    }

    /** @return SKIPPED when the plan releases nothing or {@code release.github.skip=true}; else empty */
    static Optional<Status> gitHubEffect(ReleasePlan plan, World world) {
        if (!plan.releases()) {
            return Optional.of(nothingToRelease(plan));
        }
        return world.settings().github().skip() ? Optional.of(Status.skipped("release.github.skip=true")) : Optional.empty();
    }

    /** @return {@link #localEffect}, else SKIPPED when {@code release.commit=false}, else empty */
    static Optional<Status> commitEffect(ReleasePlan plan, World world) {
        return localEffect(plan, world).or(() -> world.settings().commit()
                ? Optional.empty() : Optional.of(Status.skipped("release.commit=false")));
    }

    /** @return whether the plan describes a release tagged earlier rather than making one */
    static boolean existingRelease(ReleasePlan plan, World world) {
        return plan.releases() && (plan.alreadyReleased() || world.settings().existingTag() != null);
    }

    /** @return the first 7 hex digits of a SHA */
    static String shortSha(String sha) {
        return sha.substring(0, Math.min(7, sha.length()));
    }
}
