package dev.llmproxy.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test class path in a child JVM with a small heap, its output going to a file and
 * the wait bounded: a hung child is killed ({@code destroyForcibly}) and fails the test instead of blocking
 * the build (test-strength.md §2 #8).
 */
public final class ChildJvm {
    /**
     * @param exitCode the child's exit code
     * @param output stdout and stderr of the child, interleaved, UTF-8
     */
    public record Result(int exitCode, String output) {}

    private ChildJvm() {}

    /**
     * @param output file that receives the child's stdout and stderr (overwritten)
     * @param limit how long to wait before killing the child
     * @param heap the {@code -Xmx} value, e.g. {@code 64m}
     * @param mainClass the class to run, from the test class path
     * @param args its arguments
     * @return exit code and output
     * @throws AssertionError when the child does not finish within {@code limit}; it is killed then
     */
    public static Result run(Path output, Duration limit, String heap, Class<?> mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(mainClass.getSimpleName() + " did not finish in " + limit + " and was killed; output:\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
