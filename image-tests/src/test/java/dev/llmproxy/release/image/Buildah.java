package dev.llmproxy.release.image;

import dev.llmproxy.release.testsupport.Programs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code buildah} program with its own storage (vfs driver, root and runroot in a temp
 * directory) so that nothing reaches the machine's image store, and chroot isolation for builds and
 * runs so that it works as root without a container runtime.
 */
final class Buildah implements AutoCloseable {
    private final List<String> command;
    private final Path dir;
    private int calls;

    private Buildah(Path program, Path dir) {
        this.dir = dir;
        this.command = List.of(program.toString(), "--root", dir.resolve("root").toString(),
                "--runroot", dir.resolve("runroot").toString(), "--storage-driver", "vfs");
    }

    record Result(int exitCode, String output) {}

    /**
     * Checks that buildah is installed and can set up its storage here; fails in CI and skips
     * elsewhere when not.
     *
     * @param dir an empty directory for storage and logs, deleted by the caller
     */
    static Buildah start(Path dir) throws Exception {
        Buildah buildah = new Buildah(Programs.require("buildah", "run .ci/setup-image-tools (apt-get install -y buildah)"), dir);
        Result info = buildah.run("info");
        if (info.exitCode() != 0) {
            Programs.unavailable("buildah cannot run here (it needs root, or user namespaces with newuidmap): "
                    + info.output().strip().lines().reduce((a, b) -> b).orElse(""));
        }
        return buildah;
    }

    /** Runs {@code buildah args...} (at most 10 minutes); its output goes to a log in the storage directory. */
    Result run(String... args) throws Exception {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of(args));
        Path log = dir.resolve("buildah-" + ++calls + "-" + args[0] + ".log");
        Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            return new Result(-1, "buildah " + String.join(" ", args) + " timed out after 10 minutes; see " + log);
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    /** Runs {@code buildah args...}, asserts it succeeded, and returns its output. */
    String output(String... args) throws Exception {
        Result result = run(args);
        assertEquals(0, result.exitCode(), () -> "buildah " + String.join(" ", args) + " failed:\n" + tail(result.output()));
        return result.output();
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Removes all containers and images, so that no mounts remain under the storage directory. */
    @Override
    public void close() throws Exception {
        run("rm", "--all");
        run("rmi", "--all", "--force");
    }
}
