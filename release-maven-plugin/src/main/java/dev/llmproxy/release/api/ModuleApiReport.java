package dev.llmproxy.release.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The API check of one module, as plan.json {@code apiCheck.<artifactId>} shows it.
 *
 * @param against the previous release's version the jar was compared with ({@code "1.4.2"})
 * @param binaryIncompatible how many changes break code compiled against {@code against}
 * @param sourceIncompatible how many further changes break only code compiled from source
 * @param first the first changes, at most {@link #FIRST} ({@code "method removed Foo.bar(int)"})
 * @param skipped why the module was not compared ({@code "new since v1.4.2"}), or null when it was
 * @param changes every incompatible change (not written to plan.json)
 */
@JsonPropertyOrder({"against", "binaryIncompatible", "sourceIncompatible", "first", "skipped"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModuleApiReport(
        String against,
        int binaryIncompatible,
        int sourceIncompatible,
        List<String> first,
        String skipped,
        @JsonIgnore List<ApiChange> changes) {

    /** How many changes plan.json lists per module. */
    public static final int FIRST = 5;

    public ModuleApiReport {
        first = first == null ? List.of() : List.copyOf(first);
        changes = changes == null ? List.of() : List.copyOf(changes); // not in plan.json: empty when read back
    }

    /**
     * @param against the version compared with
     * @param changes the incompatible changes found
     * @return the report of a compared module
     */
    public static ModuleApiReport compared(String against, List<ApiChange> changes) {
        int binary = (int) changes.stream().filter(ApiChange::binaryIncompatible).count();
        List<String> first = changes.stream().limit(FIRST).map(ApiChange::describe).toList();
        return new ModuleApiReport(against, binary, changes.size() - binary, first, null, changes);
    }

    /**
     * @param against the version that would have been compared with
     * @param why one line, e.g. {@code "new since v1.4.2"}
     * @return the report of a module that was not compared
     */
    public static ModuleApiReport skipped(String against, String why) {
        return new ModuleApiReport(against, 0, 0, List.of(), why, List.of());
    }

    /** @return all incompatible changes, binary and source */
    @JsonIgnore
    public int incompatible() {
        return binaryIncompatible + sourceIncompatible;
    }
}
