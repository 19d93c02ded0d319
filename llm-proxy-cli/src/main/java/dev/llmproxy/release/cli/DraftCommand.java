package dev.llmproxy.release.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code llm-proxy release draft}: the whole release (goal {@code draft}). */
@Command(name = "draft",
        description = {"Bump, write the changelog, commit, tag, push and draft the GitHub Release.",
                "Shows the plan and the notes first and asks before changing anything."})
final class DraftCommand extends GoalCommand {

    // a maintainer's release ends with the push that starts CI, so the CLI pushes unless told not to
    @Option(names = "--push", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Push the release commit and tag to origin (default; --no-push: keep them local).")
    boolean push = true;

    @Option(names = "--github", negatable = true, description = "Create or update the GitHub Release (--no-github: skip GitHub).")
    Boolean github;

    @Option(names = "--publish", description = "Publish the GitHub Release instead of leaving a draft.")
    boolean publish;

    @Override
    String goal() {
        return "draft";
    }

    @Override
    void addProperties(List<String> properties) {
        properties.add("-Drelease.push=" + push);
        if (github != null) {
            properties.add("-Drelease.github.skip=" + !github);
        }
        if (publish) {
            properties.add("-Drelease.publish=true");
        }
    }

    @Override
    boolean publishes() {
        return true;
    }

    @Override
    Boolean pushOption() {
        return push;
    }

    @Override
    String question(PlanView plan) {
        return "Create " + plan.tag() + "?";
    }

    @Override
    void summarise(PlanView plan, Preview view) {
        view.done("Released " + plan.tag() + " (" + view.versionChange(plan) + ")");
        if (view.pushes(plan)) {
            view.detail("Tag " + plan.tag() + " pushed to " + view.origin() + ": CI should start on the tag.");
        } else {
            view.detail("Tag " + plan.tag() + " is local only; push it with: git push --atomic origin HEAD " + plan.tag());
        }
        if (plan.githubHtmlUrl() != null) {
            view.detail((plan.githubDraft() ? "Draft release: " : "Release: ") + plan.githubHtmlUrl());
        } else if (plan.githubAction() == null || plan.githubAction().equals("skip")) {
            view.detail("GitHub release: skipped.");
        }
    }
}
