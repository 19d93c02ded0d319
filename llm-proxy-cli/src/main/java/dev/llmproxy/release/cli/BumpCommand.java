package dev.llmproxy.release.cli;

import picocli.CommandLine.Command;

/** {@code llm-proxy release bump}: set the next version in every pom (goal {@code bump}). */
@Command(name = "bump", description = "Work out the next version and set it in every pom of the reactor.")
final class BumpCommand extends GoalCommand {

    @Override
    String goal() {
        return "bump";
    }

    @Override
    String question(PlanView plan) {
        return "Set the version to " + plan.version() + "?";
    }

    @Override
    void summarise(PlanView plan, Preview view) {
        view.done("Version set to " + plan.version() + " (" + view.versionChange(plan) + ")");
        view.detail("Changed: " + (plan.files().isEmpty() ? "nothing" : String.join(", ", plan.files())));
    }
}
