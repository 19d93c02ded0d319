package dev.llmproxy.release.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the CLI takes from its surroundings, so that tests can run it in-process with their
 * own environment, directory, input and output.
 *
 * @param env the environment variables ({@code PATH}, {@code MAVEN_HOME}, {@code NO_COLOR}, ...);
 *     also the environment of the Maven process
 * @param workingDir the directory relative paths (and {@code -C}) are resolved against
 * @param in the answers to questions; {@code null} from {@code readLine()} (end of input) means no
 * @param out normal output (the plan, the notes, the summary)
 * @param err errors and the refusal messages
 * @param interactive whether a person can answer a question (stdin and stdout are a terminal)
 * @param colour whether to write ANSI colours (a terminal, no {@code NO_COLOR}, no {@code TERM=dumb})
 * @param unicode whether the output encoding can show symbols such as {@code →} and {@code •}
 */
record Terminal(
        Map<String, String> env,
        Path workingDir,
        BufferedReader in,
        PrintWriter out,
        PrintWriter err,
        boolean interactive,
        boolean colour,
        boolean unicode) {

    /**
     * @return the process's own terminal: {@link System#console()} decides whether it is
     *     interactive (Java 17 returns a console only when stdin and stdout are both a terminal)
     */
    static Terminal system() {
        Console console = System.console();
        Charset charset = console != null ? console.charset() : Charset.defaultCharset();
        Map<String, String> env = System.getenv();
        return new Terminal(
                env,
                Path.of("").toAbsolutePath(),
                new BufferedReader(new InputStreamReader(System.in, charset)),
                new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), charset), true),
                new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), charset), true),
                console != null,
                console != null && colourAllowed(env),
                charset.newEncoder().canEncode("→•✔"));
    }

    /**
     * No colour when {@code NO_COLOR} is set to anything non-empty (no-color.org) or the terminal is
     * {@code dumb}.
     *
     * @param env the environment
     * @return whether colour may be used on a terminal
     */
    static boolean colourAllowed(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }
}
