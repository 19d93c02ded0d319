package dev.llmproxy.release.steps;

import dev.llmproxy.release.plan.ReleasePlan;
import java.util.List;

/**
 * The release commit {@code chore(release): X} holding the plan's files as they differ from HEAD; DONE when nothing
 * of them differs and none of the writers before it has anything left to write.
 */
public final class CommitRelease implements Step {
    private final List<Step> writers;

    /** @param writers the steps of the same goal that write the files this commit holds */
    public CommitRelease(Step... writers) {
        this.writers = List.of(writers);
    }

    @Override
    public String name() {
        return "commit";
    }

    @Override
    public Status check(ReleasePlan plan, World world) {
        var settled = Settled.commitEffect(plan, world);
        if (settled.isPresent()) {
            return settled.get();
        }
        if (world.git().currentBranch().isEmpty()) {
            return Status.blocked(Settled.DETACHED_HEAD);
        }
        String message = message(plan);
        for (Step writer : writers) {
            if (writer.check(plan, world).isTodo()) {
                return Status.todo("commit " + String.join(", ", plan.files()) + " as " + message);
            }
        }
        List<String> changed = world.git().changedAmong(plan.files());
        return changed.isEmpty()
                ? Status.done("HEAD holds the release files")
                : Status.todo("commit " + String.join(", ", changed) + " as " + message);
    }

    @Override
    public Status apply(ReleasePlan plan, World world) {
        List<String> changed = world.git().changedAmong(plan.files());
        if (changed.isEmpty()) {
            return Status.done("HEAD holds the release files");
        }
        String sha = world.git().commit(changed, message(plan));
        return Status.done("committed " + String.join(", ", changed) + " as " + message(plan) + " ("
                + Settled.shortSha(sha) + ")");
    }

    private static String message(ReleasePlan plan) {
        return "chore(release): " + plan.version();
    }
}
