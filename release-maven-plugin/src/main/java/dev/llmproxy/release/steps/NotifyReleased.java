package dev.llmproxy.release.steps;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.github.ReleaseNotifier;
import dev.llmproxy.release.github.ReleaseOutcome;
import dev.llmproxy.release.notes.ReleaseNotes;
import dev.llmproxy.release.plan.ReleasePlan;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * "Released in vX.Y.Z" on the release's pull requests and issues ({@code release.notify.comments}) and the webhook
 * ({@code release.notify.webhook}) once the release is published; SKIPPED while it is a draft. Whether a comment is
 * there already is found by the notifier itself (its marker), so the check reads nothing on GitHub.
 */
public final class NotifyReleased implements Step {
    @Override
    public String name() {
        return "notify";
    }

    @Override
    public Status check(ReleasePlan plan, World world) {
        var settled = Settled.gitHubEffect(plan, world);
        if (settled.isPresent()) {
            return settled.get();
        }
        boolean draft = world.github().released().map(ReleaseOutcome::draft)
                .orElseGet(() -> plan.github() == null || plan.github().draft());
        if (draft) {
            return Status.skipped("the release is a draft");
        }
        Set<Integer> numbers = numbers(world);
        Optional<URI> webhook = webhook(world);
        if (numbers.isEmpty() && webhook.isEmpty()) {
            return Status.skipped("no pull request, issue or webhook to notify");
        }
        return Status.todo(what(numbers, webhook));
    }

    @Override
    public Status apply(ReleasePlan plan, World world) {
        ReleaseOutcome release = world.github().released().orElseGet(world.github()::preview);
        if (release.htmlUrl() == null) {
            throw new ReleaseException("the GitHub Release of " + plan.tag() + " does not exist yet: rerun the goal");
        }
        Set<Integer> numbers = numbers(world);
        ReleaseNotifier.Result result = world.github().notifier()
                .notify(plan.tag(), release.htmlUrl(), numbers, webhook(world), release.createdAt());
        return Status.done("commented on " + list(result.commented()) + ", already on " + list(result.alreadyCommented())
                + ", failed on " + list(result.failed()) + (result.webhookSent() ? "; webhook called" : ""));
    }

    private static Set<Integer> numbers(World world) {
        Set<Integer> numbers = new TreeSet<>();
        ReleaseNotes notes = world.notes();
        if (world.settings().github().notifyComments() && notes != null) {
            notes.sections().forEach(s -> s.entries().forEach(e -> {
                if (e.pullRequest() > 0) {
                    numbers.add(e.pullRequest());
                }
                numbers.addAll(e.closes());
            }));
            numbers.addAll(notes.closedIssues());
        }
        return numbers;
    }

    private static Optional<URI> webhook(World world) {
        return Optional.ofNullable(world.settings().github().notifyWebhook()).map(URI::create);
    }

    private static String what(Set<Integer> numbers, Optional<URI> webhook) {
        String comments = numbers.isEmpty() ? "" : "comment on " + list(numbers);
        String hook = webhook.isEmpty() ? "" : "call the webhook";
        return comments.isEmpty() ? hook : hook.isEmpty() ? comments : comments + " and " + hook;
    }

    private static String list(java.util.Collection<Integer> numbers) {
        return numbers.isEmpty() ? "none" : numbers.stream().map(n -> "#" + n).collect(Collectors.joining(", "));
    }
}
