package dev.llmproxy.release.pom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MavenConfigTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-Drevision=1.2.3                      | 1.2.3 | -Drevision=2.0.0",
        "-D revision=1.2.3                     | 1.2.3 | -D revision=2.0.0",
        "--define revision=1.2.3               | 1.2.3 | --define revision=2.0.0",
        "--define=revision=1.2.3               | 1.2.3 | --define=revision=2.0.0",
        "'-Drevision=\"1.2.3\"'                | 1.2.3 | '-Drevision=\"2.0.0\"'",
        "-T 1C -Drevision=1.0 -Drevision=1.2.3 | 1.2.3 | -T 1C -Drevision=1.0 -Drevision=2.0.0",
        "'# -Drevision=9.9.9\n-Drevision=1.2.3' | 1.2.3 | '# -Drevision=9.9.9\n-Drevision=2.0.0'",
        "'-Drevision=1.2.3\n  # -Drevision=9.9.9' | 1.2.3 | '-Drevision=2.0.0\n  # -Drevision=9.9.9'",
        "-Dother=1.2.3                         |       | -Dother=1.2.3",
    })
    void readsTheWinningDefinitionAndRewritesOnlyItsValue(String text, String revision, String rewritten) {
        MavenConfig config = MavenConfig.parse(unescape(text).getBytes(StandardCharsets.UTF_8));

        assertEquals(revision, config.properties().get("revision"));
        assertEquals(unescape(rewritten), new String(config.withValues(Map.of("revision", "2.0.0")), StandardCharsets.UTF_8));
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n");
    }
}
