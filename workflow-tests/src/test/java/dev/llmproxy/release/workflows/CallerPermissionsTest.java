package dev.llmproxy.release.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** GitHub's load-time permission rule ({@link CallerPermissions}) over the documented caller, ours, and fixtures. */
class CallerPermissionsTest {

    @Test
    void theDocumentedCallerLoads() {
        assertEquals(List.of(), CallerPermissions.refusals(DocsCallerExample.workflow(), "release"));
    }

    @Test
    void thisRepositorysCallersLoad() {
        assertEquals(List.of(), CallerPermissions.refusals(Project.workflow("release.yml"), "release"));
        assertEquals(List.of(), CallerPermissions.refusals(Project.workflow("release-draft.yml"), "release"));
    }

    @Test
    void aCallerWithoutPackagesWriteIsRefusedEvenWithoutAnImageModule() {
        assertEquals(List.of("The nested job 'image' is requesting 'packages: write', but is only allowed 'packages: none'."),
                CallerPermissions.refusals(Project.load(Project.resource("permissions/no-packages-without-image.yml")), "release"));
    }

    @Test
    void aCallerThatGrantsOnlyTheWorkflowsReadOnlyDefaultIsRefusedForEveryWrite() {
        assertEquals(List.of(
                "The nested job 'image' is requesting 'attestations: write', but is only allowed 'attestations: none'.",
                "The nested job 'image' is requesting 'id-token: write', but is only allowed 'id-token: none'.",
                "The nested job 'image' is requesting 'packages: write', but is only allowed 'packages: none'.",
                "The nested job 'release' is requesting 'attestations: write', but is only allowed 'attestations: none'.",
                "The nested job 'release' is requesting 'contents: write', but is only allowed 'contents: read'.",
                "The nested job 'release' is requesting 'id-token: write', but is only allowed 'id-token: none'."),
                CallerPermissions.refusals(Project.load(Project.resource("permissions/workflow-level-only.yml")), "release"));
    }

    @Test
    void grantsAreReadAsGitHubDoes() {
        assertEquals("write", CallerPermissions.permissions(Project.JSON.getNodeFactory().textNode("write-all")).get("id-token"));
        assertEquals("none", CallerPermissions.permissions(Project.JSON.getNodeFactory().textNode("read-all")).get("id-token"));
        assertEquals("read", CallerPermissions.permissions(Project.JSON.getNodeFactory().textNode("read-all")).get("packages"));
        assertEquals("none", CallerPermissions.permissions(Project.JSON.createObjectNode()).get("contents"));
        assertEquals("write", CallerPermissions.permissions(Project.JSON.createObjectNode().put("contents", "write")).get("contents"));
        assertThrows(IllegalArgumentException.class,
                () -> CallerPermissions.permissions(Project.JSON.createObjectNode().put("contents", "admin")));
    }
}
