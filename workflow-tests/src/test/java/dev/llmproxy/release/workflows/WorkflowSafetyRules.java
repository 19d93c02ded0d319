package dev.llmproxy.release.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a workflow file against the safety rules of issue #7, rule 3 (GitHub's "Security hardening for
 * GitHub Actions" guide): actions pinned to a full commit SHA with the version in a comment; read-only
 * permissions at workflow level; explicit permissions on every job, each write scope needed by what the job
 * does; no expression inside a {@code run:} script; {@code persist-credentials: false} unless a push follows;
 * a concurrency group (not cancelling) wherever something is written.
 */
final class WorkflowSafetyRules {
    private static final Pattern PINNED = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}");
    private static final Pattern VERSION_COMMENT = Pattern.compile("#\\s*v\\d+\\.\\d+\\.\\d+\\s*$");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{.*?}}", Pattern.DOTALL);
    private static final Pattern PUSH = Pattern.compile("git push|--push\\b");

    /** The rules, one per kind of violation. */
    enum Rule {
        UNPINNED_ACTION,
        MISSING_VERSION_COMMENT,
        WORKFLOW_PERMISSIONS,
        JOB_PERMISSIONS_MISSING,
        WRITE_NOT_NEEDED,
        EXPRESSION_IN_RUN,
        PERSISTED_CREDENTIALS,
        CONCURRENCY
    }

    /** One broken rule: where (job and step) and what, with the fix. */
    record Violation(Rule rule, String where, String message) {
        @Override
        public String toString() {
            return rule + " at " + where + ": " + message;
        }
    }

    /**
     * Which write scopes each kind of job work needs: the job's {@code run:} text or {@code uses:} values must
     * match the pattern for the scope to be granted.
     */
    private static final Map<String, Pattern> WRITE_NEEDS = Map.of(
            "contents", Pattern.compile("release-maven-plugin:[^\\s\"]*:draft|release draft|git push"),
            "packages", Pattern.compile("jib:build"),
            "id-token", Pattern.compile("actions/attest-build-provenance@"),
            "attestations", Pattern.compile("actions/attest-build-provenance@"));

    private WorkflowSafetyRules() {
    }

    /**
     * Checks one workflow file; local reusable workflows it calls ({@code uses: ./...}) are read to judge the
     * permissions granted to the calling job.
     *
     * @return the violations, empty when the file keeps every rule
     */
    static List<Violation> check(Path workflowFile) {
        JsonNode workflow = Project.load(workflowFile);
        List<String> lines = readLines(workflowFile);
        List<Violation> violations = new ArrayList<>();
        checkWorkflowPermissions(workflow, violations);
        boolean writes = false;
        for (Map.Entry<String, JsonNode> job : iterable(workflow.path("jobs"))) {
            String jobId = job.getKey();
            JsonNode body = job.getValue();
            if (body.has("uses")) {
                checkUses(body.path("uses").asText(), "job " + jobId, lines, violations);
            }
            JsonNode steps = body.path("steps");
            for (int i = 0; i < steps.size(); i++) {
                JsonNode step = steps.get(i);
                String where = "job " + jobId + " step " + (i + 1) + " '" + step.path("name").asText(step.path("uses").asText("run")) + "'";
                if (step.has("uses")) {
                    checkUses(step.path("uses").asText(), where, lines, violations);
                    checkCredentials(step, steps, i, where, violations);
                }
                Matcher expression = EXPRESSION.matcher(step.path("run").asText());
                while (expression.find()) {
                    violations.add(new Violation(Rule.EXPRESSION_IN_RUN, where,
                            expression.group() + " is pasted into the script: pass it through env: and quote \"$NAME\""));
                }
            }
            writes |= checkJobPermissions(jobId, body, violations);
        }
        if (writes) {
            checkConcurrency(workflow, violations);
        }
        return violations;
    }

    private static void checkWorkflowPermissions(JsonNode workflow, List<Violation> violations) {
        JsonNode permissions = workflow.path("permissions");
        boolean readOnly = permissions.isObject() && "read".equals(permissions.path("contents").asText());
        for (Map.Entry<String, JsonNode> scope : iterable(permissions)) {
            readOnly &= !scope.getValue().asText().equals("write");
        }
        if (!readOnly) {
            violations.add(new Violation(Rule.WORKFLOW_PERMISSIONS, "workflow",
                    "top-level permissions must be read-only with contents: read; grant writes per job"));
        }
    }

    private static void checkUses(String uses, String where, List<String> lines, List<Violation> violations) {
        if (uses.startsWith("./")) {
            return;
        }
        if (!PINNED.matcher(uses).matches()) {
            violations.add(new Violation(Rule.UNPINNED_ACTION, where, uses + " is not pinned: use owner/repo@<40-hex commit SHA> # vX.Y.Z"));
            return;
        }
        Pattern line = Pattern.compile("^\\s*(-\\s+)?uses:\\s*['\"]?" + Pattern.quote(uses) + "['\"]?\\s*(#.*)?$");
        boolean commented = lines.stream().filter(text -> line.matcher(text).matches()).allMatch(text -> VERSION_COMMENT.matcher(text).find());
        if (!commented) {
            violations.add(new Violation(Rule.MISSING_VERSION_COMMENT, where, uses + " needs the release it pins as a comment: # vX.Y.Z"));
        }
    }

    private static void checkCredentials(JsonNode step, JsonNode steps, int index, String where, List<Violation> violations) {
        if (!step.path("uses").asText().startsWith("actions/checkout@")) {
            return;
        }
        if (step.path("with").path("persist-credentials").asText().equals("false")) {
            return;
        }
        boolean pushFollows = false;
        for (int later = index + 1; later < steps.size(); later++) {
            pushFollows |= PUSH.matcher(steps.get(later).path("run").asText()).find();
        }
        if (!pushFollows) {
            violations.add(new Violation(Rule.PERSISTED_CREDENTIALS, where, "no later step pushes: set persist-credentials: false"));
        }
    }

    /** @return whether the job writes anything (then a concurrency group is required) */
    private static boolean checkJobPermissions(String jobId, JsonNode job, List<Violation> violations) {
        JsonNode permissions = job.path("permissions");
        if (!permissions.isObject()) {
            violations.add(new Violation(Rule.JOB_PERMISSIONS_MISSING, "job " + jobId, "declare the job's permissions as a map of scopes"));
            return false;
        }
        Set<String> needed = job.has("uses") && job.path("uses").asText().startsWith("./")
                ? writesOfCalledWorkflow(Project.root().resolve(job.path("uses").asText()))
                : writesNeededByWork(job);
        boolean writes = false;
        for (Map.Entry<String, JsonNode> scope : iterable(permissions)) {
            if (!scope.getValue().asText().equals("write")) {
                continue;
            }
            writes = true;
            if (!needed.contains(scope.getKey())) {
                violations.add(new Violation(Rule.WRITE_NOT_NEEDED, "job " + jobId,
                        scope.getKey() + ": write is not needed by what the job does: grant it only where it is used"));
            }
        }
        return writes && !job.has("uses");
    }

    private static Set<String> writesNeededByWork(JsonNode job) {
        StringBuilder work = new StringBuilder(job.path("uses").asText());
        job.path("steps").forEach(step -> work.append('\n').append(step.path("run").asText()).append('\n').append(step.path("uses").asText()));
        Set<String> needed = new LinkedHashSet<>();
        WRITE_NEEDS.forEach((scope, pattern) -> {
            if (pattern.matcher(work).find()) {
                needed.add(scope);
            }
        });
        return needed;
    }

    private static Set<String> writesOfCalledWorkflow(Path called) {
        Set<String> writes = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> job : iterable(Project.load(called).path("jobs"))) {
            for (Map.Entry<String, JsonNode> scope : iterable(job.getValue().path("permissions"))) {
                if (scope.getValue().asText().equals("write")) {
                    writes.add(scope.getKey());
                }
            }
        }
        return writes;
    }

    private static void checkConcurrency(JsonNode workflow, List<Violation> violations) {
        JsonNode concurrency = workflow.path("concurrency");
        String group = concurrency.isTextual() ? concurrency.asText() : concurrency.path("group").asText();
        if (!group.contains("${{") || concurrency.path("cancel-in-progress").asBoolean(false)) {
            violations.add(new Violation(Rule.CONCURRENCY, "workflow",
                    "jobs write: add concurrency with a group per tag (e.g. release-${{ github.repository }}-${{ inputs.tag || github.ref_name }}) and cancel-in-progress: false"));
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
