package dev.llmproxy.release.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@link LlmProxy} in-process through picocli with a made-up terminal, capturing its output. */
final class InProcess {
    final int exitCode;
    final String out;
    final String err;

    private InProcess(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /**
     * @param dir working directory
     * @param env environment
     * @param input what the person types ({@code null}: end of input at once)
     * @param interactive whether a person is at a terminal
     * @param colour whether colour is on
     */
    static InProcess run(Path dir, Map<String, String> env, String input, boolean interactive, boolean colour,
            String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(env, dir, new BufferedReader(new StringReader(input == null ? "" : input)),
                new PrintWriter(out, true), new PrintWriter(err, true), interactive, colour, true);
        int exitCode = LlmProxy.execute(terminal, args);
        return new InProcess(exitCode, out.toString(), err.toString());
    }

    /** Non-interactive, no colour, the test's own environment. */
    static InProcess run(Path dir, String... args) {
        return run(dir, System.getenv(), null, false, false, args);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
