package dev.llmproxy.release.cli;

import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code llm-proxy} command. Exit codes: 0 done or nothing to release, 1 failed, blocked or
 * cancelled at the prompt, 2 usage or environment problem (picocli's own usage errors are 2 as well).
 */
@Command(
        name = "llm-proxy",
        mixinStandardHelpOptions = true,
        versionProvider = LlmProxy.Version.class,
        subcommands = {ReleaseCommand.class, CompletionCommand.class},
        description = "LLM proxy tools: cut releases with one command.")
public final class LlmProxy implements Runnable {

    @Spec
    CommandSpec spec;

    private final Terminal terminal;

    /** The command on the process's own terminal (used by {@code main} and by picocli's AutoComplete). */
    public LlmProxy() {
        this(null);
    }

    LlmProxy(Terminal terminal) {
        this.terminal = terminal;
    }

    /**
     * Runs the command and exits the JVM with its exit code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(execute(Terminal.system(), args));
    }

    /**
     * @param terminal environment, directory, input and output to use
     * @param args command-line arguments
     * @return the exit code: 0 done or nothing to release, 1 failed, 2 usage or environment problem
     */
    static int execute(Terminal terminal, String... args) {
        GoalCommand goal = args.length >= 2 && args[0].equals("release") ? goal(args[1]) : null;
        CommandLine commandLine = goal == null ? new CommandLine(new LlmProxy(terminal)) : goalOnly(terminal, goal);
        String[] arguments = goal == null ? args : java.util.Arrays.copyOfRange(args, 2, args.length);
        commandLine.setOut(terminal.out());
        commandLine.setErr(terminal.err());
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(
                terminal.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Style style = new Style(terminal.colour());
            if (e instanceof CliException failure) {
                terminal.err().println(style.red("llm-proxy: " + FlagNames.translate(failure.getMessage())));
                return failure.exitCode();
            }
            if (e instanceof dev.llmproxy.release.ReleaseException failure) {
                terminal.err().println(style.red("llm-proxy: " + FlagNames.translate(failure.getMessage())));
                return CliException.FAILED;
            }
            terminal.err().println(style.red("llm-proxy: unexpected " + e));
            return CliException.FAILED;
        });
        int exitCode = commandLine.execute(arguments);
        terminal.out().flush();
        terminal.err().flush();
        return exitCode;
    }

    Terminal terminal() {
        return terminal != null ? terminal : Terminal.system();
    }

    /**
     * @param name the word after {@code release}
     * @return a new {@code release draft|bump|changelog} command, or {@code null} for any other word
     */
    private static GoalCommand goal(String name) {
        return switch (name) {
            case "draft" -> new DraftCommand();
            case "bump" -> new BumpCommand();
            case "changelog" -> new ChangelogCommand();
            default -> null;
        };
    }

    /**
     * {@code llm-proxy release GOAL} without the model of the other commands: picocli builds a
     * command's model by reflection over its options, a fifth of the start-up for all seven
     * commands (docs/performance.md). The usage line and messages name the command as the whole
     * tree would ({@code CommandLineTest} compares them).
     *
     * @param terminal environment, directory, input and output to use
     * @param goal a new draft, bump or changelog command
     * @return the command line of that command alone, named {@code llm-proxy release GOAL}
     */
    static CommandLine goalOnly(Terminal terminal, GoalCommand goal) {
        ReleaseCommand release = new ReleaseCommand();
        release.parent = new LlmProxy(terminal);
        goal.release = release;
        CommandLine commandLine = new CommandLine(goal);
        commandLine.setCommandName("llm-proxy release " + commandLine.getCommandName());
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(terminal().out());
    }

    /** @return this CLI's version, which is also the release-maven-plugin version it runs */
    static String version() {
        var props = new Properties();
        try (var in = LlmProxy.class.getResourceAsStream("/llm-proxy-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (java.io.IOException e) {
            // fall through to "unknown"
        }
        return props.getProperty("version", "unknown");
    }

    /** Reads the version that the build writes into {@code llm-proxy-version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"llm-proxy " + version()};
        }
    }
}
