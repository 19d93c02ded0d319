package dev.llmproxy.release.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub's load-time rule for reusable workflows: when a job calls a workflow ({@code jobs.<id>.uses}), every job of
 * the called workflow, and of any workflow it calls in turn, may request at most the permissions the calling job
 * grants. GitHub checks this when it loads the run, before any {@code if:} is evaluated, so a job that would be
 * skipped still makes the whole run fail ("The nested job 'image' is requesting 'packages: write', but is only
 * allowed 'packages: none'.").
 *
 * <p>Modelled: job-level {@code permissions} win over workflow-level ones; a map, {@code read-all}, {@code write-all}
 * or {@code {}}; scopes not named are {@code none}; a called job without permissions of its own (and no workflow-level
 * ones) inherits the caller's grant and asks for nothing more. A calling workflow without any permissions gets
 * GitHub's restricted default token ({@code contents: read}, {@code packages: read}): the permissive default is a
 * repository setting that callers cannot rely on.
 */
final class CallerPermissions {
    private static final List<String> LEVELS = List.of("none", "read", "write");
    private static final List<String> SCOPES = List.of("actions", "attestations", "checks", "contents", "deployments",
            "discussions", "id-token", "issues", "models", "packages", "pages", "pull-requests", "repository-projects",
            "security-events", "statuses");

    private CallerPermissions() {
    }

    /**
     * Checks the calling job {@code jobId} of {@code callerWorkflow}.
     *
     * @param callerWorkflow the parsed workflow that holds the calling job
     * @param jobId          the id of a job with {@code uses:}
     * @return GitHub's refusals, one per nested job and scope that asks for more than it is allowed; empty when the
     *         run would load
     * @throws IllegalArgumentException when the job calls no workflow, or one that is neither local ({@code ./...})
     *                                  nor this repository's {@code release-reusable.yml}
     */
    static List<String> refusals(JsonNode callerWorkflow, String jobId) {
        JsonNode job = callerWorkflow.path("jobs").path(jobId);
        if (!job.has("uses")) {
            throw new IllegalArgumentException("Job '" + jobId + "' calls no workflow");
        }
        Map<String, String> granted = job.has("permissions") ? permissions(job.path("permissions"))
                : callerWorkflow.has("permissions") ? permissions(callerWorkflow.path("permissions"))
                : restrictedDefault();
        List<String> refusals = new ArrayList<>();
        check(called(job.path("uses").asText()), granted, refusals);
        return refusals;
    }

    private static void check(JsonNode called, Map<String, String> granted, List<String> refusals) {
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) called.path("jobs")::fields) {
            JsonNode job = entry.getValue();
            JsonNode declared = job.has("permissions") ? job.path("permissions") : called.path("permissions");
            Map<String, String> requested = declared.isMissingNode() ? granted : permissions(declared);
            for (String scope : SCOPES) {
                String asked = requested.getOrDefault(scope, "none");
                String allowed = granted.getOrDefault(scope, "none");
                if (LEVELS.indexOf(asked) > LEVELS.indexOf(allowed)) {
                    refusals.add("The nested job '" + entry.getKey() + "' is requesting '" + scope + ": " + asked
                            + "', but is only allowed '" + scope + ": " + allowed + "'.");
                }
            }
            if (job.has("uses")) {
                check(called(job.path("uses").asText()), requested, refusals);
            }
        }
    }

    /** The permissions a {@code permissions:} value gives, every scope named (none where not listed). */
    static Map<String, String> permissions(JsonNode value) {
        Map<String, String> scopes = new LinkedHashMap<>();
        for (String scope : SCOPES) {
            String level = value.isTextual()
                    ? switch (value.asText()) {
                        case "read-all" -> scope.equals("id-token") ? "none" : "read";
                        case "write-all" -> "write";
                        default -> throw new IllegalArgumentException("Unknown permissions value " + value);
                    }
                    : value.path(scope).asText("none");
            if (!LEVELS.contains(level)) {
                throw new IllegalArgumentException("Unknown level '" + level + "' for " + scope);
            }
            scopes.put(scope, level);
        }
        return scopes;
    }

    private static Map<String, String> restrictedDefault() {
        return permissions(Project.JSON.createObjectNode().put("contents", "read").put("packages", "read"));
    }

    private static JsonNode called(String uses) {
        if (uses.startsWith("./")) {
            return Project.load(Project.root().resolve(uses));
        }
        String path = uses.contains("@") ? uses.substring(0, uses.indexOf('@')) : uses;
        if (path.endsWith("/.github/workflows/release-reusable.yml")) {
            return Project.load(Project.root().resolve(Path.of(".github/workflows/release-reusable.yml")));
        }
        throw new IllegalArgumentException("Unknown called workflow " + uses);
    }
}
