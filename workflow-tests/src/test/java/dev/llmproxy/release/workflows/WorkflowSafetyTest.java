package dev.llmproxy.release.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmproxy.release.workflows.WorkflowSafetyRules.Rule;
import dev.llmproxy.release.workflows.WorkflowSafetyRules.Violation;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rule 3 of issue #7 over this project's workflows, and each check proven able to fail on a fixture. */
class WorkflowSafetyTest {

    static List<Path> workflows() {
        return Project.workflowFiles();
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void workflowKeepsEverySafetyRule(Path workflow) {
        assertEquals(List.of(), WorkflowSafetyRules.check(workflow));
    }

    @Test
    void theSafeFixtureKeepsEveryRule() {
        assertEquals(List.of(), WorkflowSafetyRules.check(Project.resource("unsafe/safe.yml")));
    }

    /** Fixture under src/test/resources/unsafe/ to the one rule it breaks. */
    private static final Map<String, Rule> UNSAFE_FIXTURES = fixtures(
            "unpinned-action", Rule.UNPINNED_ACTION,
            "missing-version-comment", Rule.MISSING_VERSION_COMMENT,
            "workflow-write-permissions", Rule.WORKFLOW_PERMISSIONS,
            "job-permissions-missing", Rule.JOB_PERMISSIONS_MISSING,
            "write-not-needed", Rule.WRITE_NOT_NEEDED,
            "call-grants-more", Rule.WRITE_NOT_NEEDED,
            "expression-github-event", Rule.EXPRESSION_IN_RUN,
            "expression-ref-name", Rule.EXPRESSION_IN_RUN,
            "expression-inputs", Rule.EXPRESSION_IN_RUN,
            "expression-step-output", Rule.EXPRESSION_IN_RUN,
            "persisted-credentials", Rule.PERSISTED_CREDENTIALS,
            "concurrency-missing", Rule.CONCURRENCY,
            "concurrency-cancelling", Rule.CONCURRENCY,
            "concurrency-constant-group", Rule.CONCURRENCY);

    static Stream<Arguments> unsafeFixtures() {
        return UNSAFE_FIXTURES.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @MethodSource("unsafeFixtures")
    void eachUnsafeFixtureBreaksExactlyItsRule(String fixture, Rule rule) {
        List<Violation> violations = WorkflowSafetyRules.check(Project.resource("unsafe/" + fixture + ".yml"));

        assertEquals(List.of(rule), violations.stream().map(Violation::rule).toList(), violations.toString());
    }

    @Test
    void everyRuleHasAFixtureThatBreaksIt() {
        assertEquals(EnumSet.allOf(Rule.class), EnumSet.copyOf(UNSAFE_FIXTURES.values()));
    }

    @Test
    void eachReleaseJobHoldsOnlyTheWritesItNeeds() {
        JsonNode jobs = Project.workflow("release-reusable.yml").path("jobs");

        assertEquals(Map.of("contents", "read"), permissions(jobs.path("verify")));
        assertEquals(Map.of("contents", "read", "packages", "write", "id-token", "write", "attestations", "write"), permissions(jobs.path("image")));
        assertEquals(Map.of("contents", "write", "id-token", "write", "attestations", "write"), permissions(jobs.path("release")));
    }

    @Test
    void releaseRunsAreSerialisedPerRepositoryAndTag() {
        JsonNode concurrency = Project.workflow("release-reusable.yml").path("concurrency");

        String group = concurrency.path("group").asText();
        String byTagPush = Expressions.interpolate(group, Map.of("github", Map.of("repository", "o/app", "ref", "refs/tags/v1.3.0",
                "ref_name", "v1.3.0"), "inputs", Map.of("tag", "")), function -> true);
        String byCaller = Expressions.interpolate(group, Map.of("github", Map.of("repository", "o/app", "ref", "refs/heads/main",
                "ref_name", "main"), "inputs", Map.of("tag", "v1.3.0")), function -> true);

        assertEquals("release-o/app-v1.3.0", byTagPush);
        assertEquals(byTagPush, byCaller, "a tag push and the release draft workflow must share the group of the tag");
        assertEquals(false, concurrency.path("cancel-in-progress").asBoolean(true));
    }

    @Test
    void theTagIsCheckedBeforeAnythingElseRuns() {
        JsonNode workflow = Project.workflow("release-reusable.yml");
        JsonNode verify = workflow.path("jobs").path("verify");

        assertEquals("tag", verify.path("steps").get(0).path("id").asText());
        assertTrue(verify.path("needs").isMissingNode());
        workflow.path("jobs").fields().forEachRemaining(job -> {
            if (!job.getKey().equals("verify")) {
                assertTrue(job.getValue().path("needs").toString().contains("verify"), job.getKey() + " must need verify");
            }
        });
    }

    private static Map<String, Rule> fixtures(Object... pairs) {
        Map<String, Rule> fixtures = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fixtures.put((String) pairs[i], (Rule) pairs[i + 1]);
        }
        return fixtures;
    }

    private static Map<String, String> permissions(JsonNode job) {
        Map<String, String> scopes = new TreeMap<>();
        job.path("permissions").fields().forEachRemaining(scope -> scopes.put(scope.getKey(), scope.getValue().asText()));
        return scopes;
    }
}
