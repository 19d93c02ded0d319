package dev.llmproxy.release.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParentCommand;

/** {@code llm-proxy release}: the release commands. */
@Command(
        name = "release",
        mixinStandardHelpOptions = true,
        versionProvider = LlmProxy.Version.class,
        subcommands = {DraftCommand.class, BumpCommand.class, ChangelogCommand.class, ReplayCommand.class},
        description = "Cut a release of the Maven project through the release-maven-plugin goals.")
final class ReleaseCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @ParentCommand
    LlmProxy parent;

    Terminal terminal() {
        return parent.terminal();
    }

    @Override
    public void run() {
        spec.commandLine().usage(terminal().out());
    }
}
