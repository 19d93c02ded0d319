package dev.llmproxy.release.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** GitHub's own workflow parser and schema ({@code @actions/workflow-parser}) on every workflow. */
class WorkflowParserTest {
    private static final Path FIXTURE = Project.resource("lint/schema-error.yml");

    /** One parser error. */
    record ParseError(String file, String message) {
    }

    static List<Path> workflows() {
        return Project.workflowFiles();
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void workflowParsesWithoutErrors(Path workflow) {
        assertEquals(List.of(), parse(workflow));
    }

    @Test
    void schemaErrorsAreReported() {
        List<String> messages = parse(FIXTURE).stream()
                .map(error -> error.message().substring(error.message().indexOf("(Line:"))).toList();

        assertEquals(List.of("(Line: 7, Col: 5): Unexpected value 'stepz'",
                "(Line: 9, Col: 9): Unexpected value 'rn'",
                "(Line: 9, Col: 9): There's not enough info to determine what you meant. Add one of these properties: "
                        + "parallel, run, shell, uses, with, working-directory"), messages);
    }

    private static Map<String, List<ParseError>> errors;

    /** The errors for one file: all files are parsed in one run, the first time. */
    static synchronized List<ParseError> parse(Path file) {
        if (errors == null) {
            errors = Project.nodeResultsByFile("workflow-parser.mjs", FIXTURE, new TypeReference<>() { }, ParseError::file);
        }
        return errors.getOrDefault(file.toString(), List.of());
    }
}
