package dev.llmproxy.release.steps;

import dev.llmproxy.release.plan.ReleasePlan;
import java.util.Optional;

/** The annotated release tag on the release commit (HEAD: {@link CommitRelease} runs just before); BLOCKED elsewhere. */
public final class TagRelease implements Step {
    @Override
    public String name() {
        return "tag";
    }

    @Override
    public Status check(ReleasePlan plan, World world) {
        var settled = Settled.commitEffect(plan, world);
        if (settled.isPresent()) {
            return settled.get();
        }
        Optional<String> tagged = world.git().tagTarget(plan.tag());
        if (tagged.isEmpty()) {
            return Status.todo("create " + plan.tag() + " on the release commit");
        }
        if (tagged.get().equals(world.git().headSha())) {
            return Status.done(plan.tag() + " is on " + Settled.shortSha(tagged.get()));
        }
        return Status.blocked("tag " + plan.tag() + " already exists on commit " + Settled.shortSha(tagged.get())
                + ", not on HEAD: release another version (-Drelease.version) or delete the tag if it was a mistake");
    }

    @Override
    public Status apply(ReleasePlan plan, World world) {
        String head = world.git().headSha();
        if (world.git().createAnnotatedTag(plan.tag(), head, "Release " + plan.version())) {
            world.tagCreated(plan.tag());
        }
        return Status.done("tagged " + plan.tag() + " on " + Settled.shortSha(head));
    }
}
