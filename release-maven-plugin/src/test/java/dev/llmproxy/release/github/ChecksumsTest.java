package dev.llmproxy.release.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {
    @TempDir
    Path dir;

    @Test
    void sha256OfKnownInput() throws IOException {
        Path abc = Files.writeString(dir.resolve("abc"), "abc");

        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Checksums.sha256(abc));
    }

    @Test
    void sha256sumChecksTheWrittenFile() throws Exception {
        boolean available = new ProcessBuilder("sh", "-c", "command -v sha256sum").start().waitFor() == 0;
        if ("true".equals(System.getenv("CI"))) {
            assertEquals(true, available, "sha256sum (GNU coreutils) is required in CI");
        }
        assumeTrue(available, "sha256sum is not installed");
        Map<String, String> sums = new LinkedHashMap<>();
        for (String name : new String[] {"app-1.0.jar", "My.App.1.0.zip"}) {
            sums.put(name, Checksums.sha256(Files.writeString(dir.resolve(name), "content of " + name)));
        }
        Checksums.write(sums, dir.resolve("SHA256SUMS"));

        Process check = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS").directory(dir.toFile())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, check.waitFor(), output);
        assertEquals("app-1.0.jar: OK\nMy.App.1.0.zip: OK\n", output);
    }
}
