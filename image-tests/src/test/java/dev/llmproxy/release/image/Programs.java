package dev.llmproxy.release.image;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Finds external programs the image tests need: missing means a failure in CI, a skip elsewhere. */
final class Programs {
    private Programs() {}

    static boolean inCi() {
        return "true".equals(System.getenv("CI"));
    }

    /**
     * @param program executable name looked up on {@code PATH}
     * @param install how to get it, shown in the failure or skip message
     * @return its path
     */
    static Path require(String program, String install) {
        Optional<Path> found = find(program);
        if (found.isEmpty()) {
            unavailable(program + " is not installed: " + install);
        }
        return found.get();
    }

    /** Ends the test because something it needs cannot run here: a failure in CI, a skip elsewhere. */
    static void unavailable(String message) {
        if (inCi()) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    static Optional<Path> find(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
