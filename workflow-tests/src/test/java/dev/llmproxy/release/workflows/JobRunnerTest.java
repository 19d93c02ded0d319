package dev.llmproxy.release.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmproxy.release.workflows.JobRunner.JobResult;
import dev.llmproxy.release.workflows.JobRunner.Machine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step runner itself, on small inline workflows: what a GitHub runner does between steps. */
class JobRunnerTest {
    @TempDir
    Path temp;

    private JobResult run(String jobYaml, Map<String, JobRunner.LocalAction> actions) throws IOException {
        Machine machine = new Machine(Files.createDirectories(temp.resolve("ws")), Files.createDirectories(temp.resolve("tmp")),
                Map.of("PATH", System.getenv("PATH")), Map.of("ref", "refs/tags/v1.2.3"), Map.of(), Map.of(), Map.of());
        return new JobRunner(workflow(jobYaml), actions).run("job", machine, Map.of());
    }

    private static JsonNode workflow(String jobYaml) throws JsonProcessingException {
        return Project.YAML.readTree("on: push\njobs:\n  job:\n" + jobYaml.indent(4));
    }

    @Test
    void outputsEnvAndPathReachLaterStepsAndAFailureSkipsTheRest() throws IOException {
        JobResult job = run("""
                outputs:
                  greeting: ${{ steps.first.outputs.greeting }}
                steps:
                  - id: first
                    run: |
                      echo "greeting=hello" >> "$GITHUB_OUTPUT"
                      echo "FROM_ENV_FILE=set" >> "$GITHUB_ENV"
                      mkdir -p "$RUNNER_TEMP/bin" && printf '#!/bin/sh\\necho tool ran\\n' > "$RUNNER_TEMP/bin/tool" && chmod +x "$RUNNER_TEMP/bin/tool"
                      echo "$RUNNER_TEMP/bin" >> "$GITHUB_PATH"
                  - id: second
                    name: second
                    env:
                      GREETING: ${{ steps.first.outputs.greeting }}
                    run: |
                      echo "$GREETING $FROM_ENV_FILE" >> "$GITHUB_STEP_SUMMARY"
                      tool
                      exit 3
                  - name: third
                    run: echo never
                """, Map.of());

        assertEquals("failure", job.result());
        assertEquals(List.of("success", "failure", "skipped"), job.steps().stream().map(JobRunner.StepResult::outcome).toList());
        assertEquals(List.of("third"), job.stepNames("skipped"));
        assertEquals("hello set\n", job.summary());
        assertEquals("tool ran\n", job.step("second").log());
    }

    @Test
    void jobOutputsAreEvaluatedAfterASuccessfulJob() throws IOException {
        JobResult job = run("""
                outputs:
                  greeting: ${{ steps.first.outputs.greeting }}-${{ github.ref }}
                steps:
                  - id: first
                    run: echo "greeting=hello" >> "$GITHUB_OUTPUT"
                """, Map.of());

        assertEquals(Map.of("greeting", "hello-refs/tags/v1.2.3"), job.outputs());
    }

    @Test
    void anExpressionInsideARunScriptIsRefused() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> run("""
                steps:
                  - name: injectable
                    run: echo "${{ github.ref }}"
                """, Map.of()));

        assertTrue(error.getMessage().startsWith("Step 'injectable' has an expression inside its run: script"), error.getMessage());
    }

    @Test
    void anActionWithoutAStandInIsRefusedAndAFailingStandInFailsTheStep() throws IOException {
        assertThrows(IllegalStateException.class, () -> run("steps:\n  - uses: someone/action@0123456789abcdef0123456789abcdef01234567\n", Map.of()));

        JobResult job = run("steps:\n  - uses: someone/action@v1\n", Map.of("someone/action", (with, workspace, environment) -> {
            throw new IllegalArgumentException("boom");
        }));
        assertEquals("failure", job.result());
        assertEquals("someone/action: boom", job.steps().get(0).log());
    }
}
