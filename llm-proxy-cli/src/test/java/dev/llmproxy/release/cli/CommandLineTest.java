package dev.llmproxy.release.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code llm-proxy release GOAL} is run with the model of that one command ({@link
 * LlmProxy#goalOnly}, for start-up time): its help and its usage errors read exactly as from the
 * whole command tree.
 */
class CommandLineTest {
    private static final Terminal TERMINAL = new Terminal(Map.of(), Path.of("."), new BufferedReader(new StringReader("")),
            new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), false, false, false);

    private static CommandLine fromTheTree(String goal) {
        return new CommandLine(new LlmProxy(TERMINAL)).getSubcommands().get("release").getSubcommands().get(goal);
    }

    private static GoalCommand command(String goal) {
        return switch (goal) {
            case "draft" -> new DraftCommand();
            case "bump" -> new BumpCommand();
            default -> new ChangelogCommand();
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"draft", "bump", "changelog"})
    void helpIsTheTreesHelp(String goal) {
        String alone = LlmProxy.goalOnly(TERMINAL, command(goal)).getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertEquals(fromTheTree(goal).getUsageMessage(CommandLine.Help.Ansi.OFF), alone);
        assertEquals("Usage: llm-proxy release " + goal + " ", alone.substring(0, alone.indexOf('[')));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bump=huge", "--no-such-option", "-C"})
    void usageErrorsAreTheTreesErrors(String argument) {
        StringWriter tree = new StringWriter();
        StringWriter alone = new StringWriter();
        CommandLine whole = new CommandLine(new LlmProxy(TERMINAL)).setErr(new PrintWriter(tree, true));
        CommandLine one = LlmProxy.goalOnly(TERMINAL, new DraftCommand()).setErr(new PrintWriter(alone, true));

        int treeExit = whole.execute("release", "draft", argument);
        int aloneExit = one.execute(argument);

        assertEquals(2, treeExit);
        assertEquals(treeExit, aloneExit);
        assertEquals(tree.toString(), alone.toString());
    }
}
