package dev.llmproxy.release.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code llm-proxy release changelog}: write the notes and CHANGELOG.md (goal {@code changelog}). */
@Command(name = "changelog", description = "Write the release notes and prepend them to CHANGELOG.md.")
final class ChangelogCommand extends GoalCommand {

    @Mixin
    FullHistoryOption fullHistory;

    @Override
    public Integer call() {
        return fullHistory.all ? fullHistory.run(release.terminal(), directory) : super.call();
    }

    @Override
    String goal() {
        return "changelog";
    }

    @Override
    String question(PlanView plan) {
        return "Write the changelog for " + plan.version() + "?";
    }

    @Override
    void summarise(PlanView plan, Preview view) {
        view.done("Release notes for " + plan.version() + " written to " + plan.notesFile());
        view.detail("Changed: " + (plan.files().isEmpty() ? "nothing" : String.join(", ", plan.files())));
    }
}
