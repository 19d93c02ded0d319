package dev.llmproxy.release.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmproxy.release.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads are streamed: a 2 GiB (sparse) asset uploads from a JVM limited to {@code -Xmx256m}. It takes about 20 s on two
 * cores (the file is hashed twice and sent over loopback) and runs by default; skip it with {@code -Dbig=false}, run it
 * alone with {@code ./mvnw -B -pl release-maven-plugin -am verify -Dtest=BigUploadTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@DisabledIfSystemProperty(named = "big", matches = "false")
class BigUploadTest {
    @TempDir
    Path dir;

    @Test
    void twoGibibytesUploadWithA256MebibyteHeap() throws Exception {
        ChildJvm.Result run = ChildJvm.run(dir.resolve("big-upload-main.log"), Duration.ofMinutes(10), "256m",
                BigUploadMain.class, dir.toString(), String.valueOf(2L * 1024 * 1024 * 1024));

        assertEquals(0, run.exitCode(), run.output());
    }
}
