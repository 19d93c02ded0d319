package dev.llmproxy.release.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmproxy.release.workflows.JobRunner.JobResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-click release workflow (release-draft.yml, workflow_dispatch) run step by step on an imitated runner:
 * the CLI call, the tag read back from plan.json, and the direct call of the release pipeline that replaces
 * the tag push trigger (a tag pushed with GITHUB_TOKEN starts no workflow).
 */
class ReleaseDraftWorkflowStepsTest {
    @TempDir
    Path temp;
    private RunnerSandbox sandbox;

    @BeforeEach
    void sandbox() {
        Project.requireProgram("jq", "install jq (preinstalled on GitHub-hosted runners)");
        sandbox = new RunnerSandbox(temp, List.of("v1.2.3"));
    }

    private JobResult draft(String ref, String bump) {
        return sandbox.runJob("release-draft.yml", "draft", ref, Map.of("bump", bump), Map.of());
    }

    @Test
    void theCliCutsTheReleaseAndTheNewTagIsHandedToTheReleasePipeline() {
        JobResult draft = draft("refs/heads/main", "minor");

        assertEquals("success", draft.result(), draft.log());
        assertEquals(List.of("release draft --yes --bump minor --push"), sandbox.cliCalls());
        assertEquals(Map.of("tag", "v1.3.0"), draft.outputs());
        assertEquals("success", sandbox.runJob("release-draft.yml", "release", "refs/heads/main", Map.of(), Map.of("draft", draft)).result());
        assertEquals(List.of("true"), sandbox.checkouts.stream().map(checkout -> checkout.with().get("persist-credentials")).toList(),
                "the CLI pushes, so this checkout keeps its credentials");
        String identity = Processes.check(List.of("git", "config", "user.name"), temp.resolve("job1/workspace")).stdout().strip();
        assertEquals("github-actions[bot]", identity);
    }

    @Test
    void theReleasePipelineIsCalledDirectlyWithTheNewTag() {
        JsonNode call = Project.workflow("release-draft.yml").path("jobs").path("release");
        JsonNode release = Project.workflow("release.yml");

        assertEquals("./.github/workflows/release.yml", call.path("uses").asText());
        assertEquals("${{ needs.draft.outputs.tag }}", call.path("with").path("tag").asText());
        assertTrue(release.path("on").has("workflow_call"), "release.yml must be callable");
        assertEquals("${{ inputs.tag }}", release.path("jobs").path("release").path("with").path("tag").asText());
        assertEquals("./.github/workflows/release-reusable.yml", release.path("jobs").path("release").path("uses").asText());
    }

    @Test
    void nothingToReleaseEndsCleanlyWithoutCallingThePipeline() {
        sandbox.cliPlanTag = "";
        JobResult draft = draft("refs/heads/main", "auto");

        assertEquals("success", draft.result(), draft.log());
        assertEquals(Map.of("tag", ""), draft.outputs(), "an output never set is empty");
        assertTrue(draft.summary().contains("Nothing to release"), draft.summary());
        assertEquals("skipped", sandbox.runJob("release-draft.yml", "release", "refs/heads/main", Map.of(), Map.of("draft", draft)).result());
    }

    @ParameterizedTest
    @ValueSource(strings = {"patch; touch injected", "$(id)", "minor\nname=value", ""})
    void anUnknownBumpIsRefusedBeforeTheCliRuns(String bump) {
        JobResult draft = draft("refs/heads/main", bump);

        assertEquals("failure", draft.step("Cut the release").outcome());
        assertTrue(draft.log().contains("Unknown bump: choose auto, major, minor or patch."), draft.log());
        assertEquals(List.of(), sandbox.cliCalls());
        assertEquals(List.of(), sandbox.trapsSprung());
        assertFalse(Files.exists(temp.resolve("job1/workspace/injected")));
    }

    @Test
    void aPlanWithABadTagStopsTheRelease() {
        sandbox.cliPlanTag = "v1.0.0\\\";id;#";
        JobResult draft = draft("refs/heads/main", "patch");

        assertEquals("failure", draft.step("Read the tag from the plan").outcome(), draft.log());
        assertEquals(Map.of(), draft.step("Read the tag from the plan").outputs());
        assertEquals(List.of(), sandbox.trapsSprung());
    }

    @Test
    void releasesAreCutFromTheDefaultBranchOnly() {
        JobResult draft = draft("refs/heads/feature", "patch");

        assertEquals("failure", draft.steps().get(0).outcome());
        assertTrue(draft.log().contains("Releases are cut from the default branch: run this workflow on main."), draft.log());
        assertEquals(List.of(), sandbox.mavenCalls());
    }
}
