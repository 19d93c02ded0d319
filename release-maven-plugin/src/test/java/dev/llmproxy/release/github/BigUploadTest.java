package dev.llmproxy.release.github;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), BigUploadMain.class.getName(), dir.toString(),
                String.valueOf(2L * 1024 * 1024 * 1024))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        process.waitFor(10, TimeUnit.MINUTES);
        assertEquals(0, process.exitValue(), output);
    }
}
