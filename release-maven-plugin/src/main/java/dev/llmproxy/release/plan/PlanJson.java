package dev.llmproxy.release.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.TextFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@link ReleasePlan} as UTF-8 JSON ({@code target/release/plan.json}). */
public final class PlanJson {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {}

    /**
     * @param plan the plan to serialise
     * @return the JSON text, keys in contract order, ending in a newline
     */
    public static String toJson(ReleasePlan plan) {
        try {
            return MAPPER.writeValueAsString(plan) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the release plan", e);
        }
    }

    /**
     * Writes the plan atomically (a temp file in the same directory, then a move), creating parent
     * directories.
     *
     * @param plan the plan
     * @param file the target file, usually {@code <root>/target/release/plan.json}
     * @throws ReleaseException when the file cannot be written
     */
    public static void write(ReleasePlan plan, Path file) {
        TextFiles.writeAtomically(file, toJson(plan));
    }

    /**
     * @param file a plan written by {@link #write}
     * @return the plan
     * @throws ReleaseException when the file is missing or not a plan
     */
    public static ReleasePlan read(Path file) {
        try {
            return MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), ReleasePlan.class);
        } catch (IOException e) {
            throw new ReleaseException("cannot read the release plan " + file + ": " + e.getMessage(), e);
        }
    }
}
