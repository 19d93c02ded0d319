package dev.llmproxy.release.workflows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs external programs for the tests, with output captured in files (no pipe can fill up and block). */
final class Processes {
    private Processes() {
    }

    /** Exit code and captured output of a finished process. */
    record Result(int exitCode, String stdout, String stderr) {
        /** Both streams, stdout first, for assertion messages. */
        String output() {
            return stdout + stderr;
        }
    }

    /**
     * Runs {@code command} in {@code directory} and waits for it.
     *
     * @param environment the complete environment of the process, or {@code null} to inherit this JVM's
     * @return its exit code and output (UTF-8)
     */
    static Result run(List<String> command, Path directory, Map<String, String> environment) {
        try {
            Path stdout = Files.createTempFile("process", ".out");
            Path stderr = Files.createTempFile("process", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
                if (environment != null) {
                    builder.environment().clear();
                    builder.environment().putAll(environment);
                }
                int exit = builder.start().waitFor();
                return new Result(exit, Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    /** Runs {@code command} and fails with its output unless it exits 0. */
    static Result check(List<String> command, Path directory) {
        Result result = run(command, directory, null);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(command + " exited " + result.exitCode() + ": " + result.output());
        }
        return result;
    }
}
