package dev.llmproxy.release.cli;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.history.HistoryEngine;
import dev.llmproxy.release.plan.ReleaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The {@code release.*} settings the history commands read ({@code release replay}, {@code release
 * changelog --all}), as options, and the one in-process call into {@link HistoryEngine}: these
 * commands read git only, so they need no Maven and work on repositories without a pom.
 */
final class HistoryOptions {

    @Option(names = "--tag-prefix", paramLabel = "PREFIX", defaultValue = "v",
            description = "Prefix of release tags (release.tagPrefix; default: ${DEFAULT-VALUE}).")
    String tagPrefix;

    @Option(names = "--tag-prefixes", paramLabel = "PREFIX,...", defaultValue = "",
            description = "Further prefixes of tags read as releases, an empty entry for none (release.tagPrefixes),"
                    + " e.g. 'v,' when older tags have no v.")
    String tagPrefixes;

    @Option(names = "--release-types", paramLabel = "TYPE=LEVEL,...", defaultValue = "feat=minor,fix=patch,perf=patch,revert=patch",
            description = "Which commit types release what (release.releaseTypes; default: ${DEFAULT-VALUE}).")
    String releaseTypes;

    @Option(names = "--show-types", paramLabel = "TYPE,...", defaultValue = "",
            description = "Extra commit types that get a section (release.notes.showTypes), e.g. docs,deps.")
    String showTypes;

    @Option(names = "--repository", paramLabel = "OWNER/NAME",
            description = "GitHub repository for links (release.github.repository; default: from origin's URL).")
    String repository;

    @Option(names = "--changelog-file", paramLabel = "FILE", defaultValue = "CHANGELOG.md",
            description = "The changelog, relative to the project root (release.changelogFile; default: ${DEFAULT-VALUE}).")
    String changelogFile;

    /**
     * Runs one history goal in-process.
     *
     * @param terminal where output goes
     * @param directory {@code -C}, or null for the working directory
     * @param goal the call into the engine
     * @return the exit code
     * @throws CliException on a usage problem or a refusal of the engine
     */
    int run(Terminal terminal, Path directory, Function<HistoryEngine, ?> goal) {
        Path start = directory == null ? terminal.workingDir() : terminal.workingDir().resolve(directory);
        if (!Files.isDirectory(start)) {
            throw new CliException(CliException.USAGE, "-C " + directory + ": no such directory");
        }
        Path root = MavenProject.reactorRoot(start.toAbsolutePath().normalize()).orElse(start.toAbsolutePath().normalize());
        ReleaseLog log = new ReleaseLog() {
            @Override
            public void info(String line) {
                terminal.out().println(line);
            }

            @Override
            public void warn(String line) {
                terminal.err().println("warning: " + line);
            }
        };
        try {
            goal.apply(new HistoryEngine(settings(root), log));
            return 0;
        } catch (ReleaseException | IllegalArgumentException e) {
            throw new CliException(CliException.FAILED, e.getMessage());
        }
    }

    private ReleaseSettings settings(Path root) {
        return HistoryEngine.settings(root, tagPrefix, tagPrefixes, releaseTypes, csv(showTypes), repository, changelogFile);
    }

    private static List<String> csv(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
