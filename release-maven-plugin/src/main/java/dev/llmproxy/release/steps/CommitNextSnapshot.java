package dev.llmproxy.release.steps;

import dev.llmproxy.release.plan.ReleasePlan;
import java.util.List;

/**
 * The optional commit {@code chore(release): prepare X} moving the version files to {@code
 * release.nextDevelopmentVersion} after the tag; SKIPPED without it, DONE when the files are there.
 */
public final class CommitNextSnapshot implements Step {
    @Override
    public String name() {
        return "next snapshot";
    }

    @Override
    public Status check(ReleasePlan plan, World world) {
        var settled = Settled.commitEffect(plan, world);
        if (settled.isPresent()) {
            return settled.get();
        }
        String next = world.settings().nextDevelopmentVersion();
        if (next == null) {
            return Status.skipped("no release.nextDevelopmentVersion");
        }
        List<String> changes = world.reactor().changesFor(next);
        return changes.isEmpty()
                ? Status.done("already at " + next)
                : Status.todo("set " + next + " in " + String.join(", ", changes) + " and commit it as " + message(next));
    }

    @Override
    public Status apply(ReleasePlan plan, World world) {
        String next = world.settings().nextDevelopmentVersion();
        List<String> changed = world.rereadReactor().apply(next);
        world.rereadReactor();
        if (changed.isEmpty()) {
            return Status.done("already at " + next);
        }
        String sha = world.git().commit(changed, message(next));
        return Status.done("committed " + String.join(", ", changed) + " as " + message(next) + " ("
                + Settled.shortSha(sha) + ")");
    }

    private static String message(String next) {
        return "chore(release): prepare " + next;
    }
}
