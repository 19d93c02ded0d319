package dev.llmproxy.release.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command run in a pseudo-terminal ({@code script}), as a person sees and answers it. */
final class PseudoTerminal {
    private PseudoTerminal() {}

    /**
     * @param exitCode the command's exit code
     * @param screen everything shown, the answer echoed, line ends as {@code \n}
     */
    record Session(int exitCode, String screen) {}

    /**
     * @param dir working directory
     * @param env the whole environment of the session
     * @param command a shell command line
     * @param meanwhile run when the question {@code [y/N]} appears, before the answer is typed
     * @param answer what the person types then, or {@code null} when no question is expected
     * @return the session; fails when the question was expected and did not come
     */
    static Session run(Path dir, Map<String, String> env, String command, Runnable meanwhile, String answer)
            throws Exception {
        SampleProject.requireProgram("script");
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", command, "/dev/null").directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        InputStream screen = process.getInputStream();
        OutputStream keyboard = process.getOutputStream();
        byte[] buffer = new byte[8192];
        boolean answered = answer == null;
        for (int n = screen.read(buffer); n >= 0; n = screen.read(buffer)) {
            seen.write(buffer, 0, n);
            if (!answered && seen.toString(StandardCharsets.UTF_8).contains("[y/N] ")) {
                meanwhile.run();
                keyboard.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
                keyboard.flush();
                answered = true;
            }
        }
        keyboard.close();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "session did not end");
        String text = seen.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertTrue(answered, text);
        return new Session(process.exitValue(), text);
    }
}
