package dev.llmproxy.release.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The caller workflow of {@code docs/release.md} ("Complete example" under "Other repositories"), read from the
 * document itself so that the tests check exactly what users copy.
 */
final class DocsCallerExample {
    private static final String HEADING = "### Complete example";

    private DocsCallerExample() {
    }

    /**
     * @return the YAML text of the first {@code ```yaml} block after the heading
     * @throws IllegalStateException when the heading or the block is missing
     */
    static String yaml() {
        String docs;
        try {
            docs = Files.readString(Project.root().resolve("docs/release.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int heading = docs.indexOf("\n" + HEADING + "\n");
        int start = heading < 0 ? -1 : docs.indexOf("```yaml\n", heading);
        int end = start < 0 ? -1 : docs.indexOf("\n```", start);
        if (end < 0) {
            throw new IllegalStateException("docs/release.md has no ```yaml block under '" + HEADING + "'");
        }
        return docs.substring(start + "```yaml\n".length(), end + 1);
    }

    /** The example parsed ({@link Project#YAML}). */
    static JsonNode workflow() {
        try {
            return Project.YAML.readTree(yaml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
