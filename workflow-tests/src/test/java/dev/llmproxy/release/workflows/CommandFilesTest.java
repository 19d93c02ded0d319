package dev.llmproxy.release.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** GITHUB_OUTPUT / GITHUB_ENV parsing as the runner does it (docs "Multiline strings"). */
class CommandFilesTest {

    @Test
    void readsSingleLineAndDelimitedValues() {
        String content = "tag=v1.2.3\nurl=https://x/?a=b\n\nnotes<<ghadelimiter_1\nline one\nEOF\nname=value\n\nghadelimiter_1\n";

        assertEquals(Map.of("tag", "v1.2.3", "url", "https://x/?a=b", "notes", "line one\nEOF\nname=value\n"), CommandFiles.parse(content));
    }

    @Test
    void aPredictableDelimiterLetsTheValueForgeOutputs() {
        String content = "notes<<EOF\nfirst\nEOF\nname=value\nEOF\n";

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> CommandFiles.parse(content));
        assertEquals("Invalid format 'EOF'", error.getMessage());
    }

    @Test
    void aMissingDelimiterFailsTheStep() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> CommandFiles.parse("notes<<END\nno end\n"));
        assertEquals("Matching delimiter not found 'END' for 'notes'", error.getMessage());
    }
}
