package dev.llmproxy.release.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.TextFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@link ReleasePlan} as UTF-8 JSON ({@code target/release/plan.json}).
 *
 * <p>The writer streams with jackson-core's {@link JsonGenerator} instead of databind's {@code
 * ObjectMapper}: a run that only writes the plan (every goal, and the CLI's in-process plan) then
 * never loads databind's ~500 classes (docs/performance.md, "The CLI, whole process, next to
 * git-cliff"). Its output is byte for byte what {@code ObjectMapper} with {@code INDENT_OUTPUT}
 * writes: records become objects with their components in declaration order, those named by
 * {@link JsonPropertyOrder} first; a component marked {@link JsonIgnore} is left out, and a null
 * one too where the record says {@code @JsonInclude(NON_NULL)}. So a component added at the end of
 * {@link ReleasePlan} (or of a record it holds) is written at the end without touching this class.
 */
public final class PlanJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private PlanJson() {}

    /** Databind for reading only: loaded on the first {@link #read}. */
    private static final class Reader {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /**
     * @param plan the plan to serialise
     * @return the JSON text, keys in contract order, two-space indented, ending in a newline
     * @throws IllegalStateException when the plan holds a value of a type this writer does not know
     */
    public static String toJson(ReleasePlan plan) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            writeValue(json, plan);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the release plan", e);
        }
        return text + "\n";
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Enum<?> e) {
            json.writeString(e.name());
        } else if (value instanceof Collection<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                writeValue(json, element);
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Record record) {
            writeRecord(json, record);
        } else {
            throw new IllegalStateException("plan.json cannot hold a " + value.getClass().getName()
                    + ": write it as a record, list, map, string, number or boolean");
        }
    }

    private static void writeRecord(JsonGenerator json, Record record) throws IOException {
        JsonInclude include = record.getClass().getAnnotation(JsonInclude.class);
        boolean skipNulls = include != null && include.value() == JsonInclude.Include.NON_NULL;
        json.writeStartObject();
        for (RecordComponent component : componentsInOrder(record.getClass())) {
            if (component.getAccessor().isAnnotationPresent(JsonIgnore.class)) { // javac puts it on the accessor
                continue;
            }
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of the release plan", e);
            }
            if (value == null && skipNulls) {
                continue;
            }
            json.writeFieldName(component.getName());
            writeValue(json, value);
        }
        json.writeEndObject();
    }

    /** The components named by {@code @JsonPropertyOrder} first, in its order, then the rest as declared. */
    private static List<RecordComponent> componentsInOrder(Class<?> type) {
        List<RecordComponent> rest = new ArrayList<>(Arrays.asList(type.getRecordComponents()));
        List<RecordComponent> ordered = new ArrayList<>();
        JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
        for (String name : order == null ? new String[0] : order.value()) {
            rest.stream().filter(c -> c.getName().equals(name)).findFirst().ifPresent(c -> {
                ordered.add(c);
                rest.remove(c);
            });
        }
        ordered.addAll(rest);
        return ordered;
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
            return Reader.MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), ReleasePlan.class);
        } catch (IOException e) {
            throw new ReleaseException("cannot read the release plan " + file + ": " + e.getMessage(), e);
        }
    }
}
