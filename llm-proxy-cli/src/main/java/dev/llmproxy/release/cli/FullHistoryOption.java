package dev.llmproxy.release.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code llm-proxy release changelog --all [--write]}: the changelog of the whole history, every
 * release section newest first, to {@code target/release/CHANGELOG.full.md} or over
 * {@code CHANGELOG.md} ({@code release:changelog -Drelease.history=all}).
 */
final class FullHistoryOption {

    @Option(names = "--all", description = "Write the changelog of the whole history (every release) instead of the next release's section.")
    boolean all;

    @Option(names = "--write", description = "With --all: replace CHANGELOG.md instead of writing target/release/CHANGELOG.full.md.")
    boolean write;

    @Mixin
    HistoryOptions options;

    /**
     * @param terminal where output goes
     * @param directory {@code -C}, or null
     * @return the exit code
     */
    int run(Terminal terminal, Path directory) {
        return options.run(terminal, directory, engine -> engine.fullChangelog(write));
    }
}
