package dev.llmproxy.release.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** GitHub's own workflow parser and schema ({@code @actions/workflow-parser}) on every workflow. */
class WorkflowParserTest {

    /** One parser error. */
    record ParseError(String file, String message) {
    }

    static List<Path> workflows() {
        return Project.workflowFiles();
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void workflowParsesWithoutErrors(Path workflow) throws IOException {
        assertEquals(List.of(), parse(workflow));
    }

    @Test
    void schemaErrorsAreReported() throws IOException {
        List<String> messages = parse(Project.resource("lint/schema-error.yml")).stream()
                .map(error -> error.message().substring(error.message().indexOf("(Line:"))).toList();

        assertEquals(List.of("(Line: 7, Col: 5): Unexpected value 'stepz'",
                "(Line: 9, Col: 9): Unexpected value 'rn'",
                "(Line: 9, Col: 9): There's not enough info to determine what you meant. Add one of these properties: "
                        + "parallel, run, shell, uses, with, working-directory"), messages);
    }

    static List<ParseError> parse(Path workflow) throws IOException {
        Path tools = Project.requireNodeTools();
        Processes.Result result = Processes.run(
                List.of("node", Project.module().resolve("src/test/node/workflow-parser.mjs").toString(), tools.toString(), workflow.toString()),
                Project.root(), null);
        assertEquals(0, result.exitCode(), result.output());
        return Project.JSON.readValue(result.stdout(), new TypeReference<List<ParseError>>() { });
    }
}
