package dev.llmproxy.release.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Finds external programs the image tests need: missing means a failure in CI, a skip elsewhere. */
public final class Programs {
    private Programs() {}

    /** @return whether {@code CI=true}: missing programs then fail tests instead of skipping them */
    public static boolean inCi() {
        return "true".equals(System.getenv("CI"));
    }

    /**
     * @param program executable name looked up on {@code PATH}
     * @param install how to get it, shown in the failure or skip message
     * @return its path
     */
    public static Path require(String program, String install) {
        Optional<Path> found = find(program);
        if (found.isEmpty()) {
            unavailable(program + " is not installed: " + install);
        }
        return found.get();
    }

    /**
     * Ends the test because something it needs cannot run here: a failure in CI, a skip elsewhere.
     *
     * @param message what is missing and how to get it
     */
    public static void unavailable(String message) {
        if (inCi()) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    /** @return the first executable named {@code program} on {@code PATH}, or empty */
    public static Optional<Path> find(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
