package dev.llmproxy.release.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code llm-proxy release replay [--last N]}: replays past releases as the release goals would have
 * cut them, side by side with what was released; writes {@code target/release/replay.json} and
 * changes nothing else (goal {@code release:replay}, docs/fidelity.md).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay past releases: our version and notes next to what was released (changes nothing).")
final class ReplayCommand implements Callable<Integer> {

    @ParentCommand
    ReleaseCommand release;

    @Option(names = "--last", paramLabel = "N", defaultValue = "0",
            description = "Replay only the newest N releases (default: all).")
    int last;

    @Option(names = "-C", paramLabel = "DIR", description = "Run as if started in DIR.")
    Path directory;

    @Mixin
    HistoryOptions options;

    @Override
    public Integer call() {
        return options.run(release.terminal(), directory, engine -> engine.replay(last));
    }
}
