package dev.llmproxy.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {
    @TempDir
    Path dir;

    /** A child that never ends. */
    static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("sleeping");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** A child that prints its arguments and exits 3. */
    static final class Echo {
        public static void main(String[] args) {
            System.out.println(String.join(",", args));
            System.exit(3);
        }
    }

    @Test
    void aHungChildIsKilledAndFailsTheTestWithItsOutput() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> ChildJvm.run(dir.resolve("out.log"), Duration.ofSeconds(5), "32m", Sleeper.class));

        assertTrue(e.getMessage().startsWith("Sleeper did not finish in PT5S and was killed; output:\n"), e.getMessage());
    }

    @Test
    void exitCodeAndOutputOfAFinishedChild() throws Exception {
        ChildJvm.Result result = ChildJvm.run(dir.resolve("out.log"), Duration.ofMinutes(2), "32m", Echo.class, "a", "b");

        assertEquals(new ChildJvm.Result(3, "a,b" + System.lineSeparator()), result);
    }
}
