package dev.llmproxy.release.steps;

import dev.llmproxy.release.plan.ReleasePlan;
import java.util.List;

/** Every version file of the reactor (or the tags-only version file) at the plan's version; DONE when they are. */
public final class WritePoms implements Step {
    @Override
    public String name() {
        return "write poms";
    }

    @Override
    public Status check(ReleasePlan plan, World world) {
        var settled = Settled.localEffect(plan, world);
        if (settled.isPresent()) {
            return settled.get();
        }
        List<String> changes = world.reactor().changesFor(plan.version());
        return changes.isEmpty()
                ? Status.done("already at " + plan.version())
                : Status.todo("set " + plan.version() + " in " + String.join(", ", changes));
    }

    @Override
    public Status apply(ReleasePlan plan, World world) {
        List<String> changed = world.reactor().apply(plan.version());
        world.rereadReactor();
        return Status.done("set " + plan.version() + " in " + String.join(", ", changed));
    }
}
