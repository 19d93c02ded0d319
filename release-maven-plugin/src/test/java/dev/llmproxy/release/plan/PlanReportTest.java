package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan as the log shows it: the lines a maintainer reads before anything happens. */
class PlanReportTest extends AppDryRunTest {

    @Test
    void theDryRunSaysEachPartOfThePlanOnItsOwnLine() {
        app("v1.0.0");
        repo.c("-m", "feat: b");
        String b = repo.sha("HEAD").substring(0, 7);

        plan();

        List<String> report = dryRun.lines.stream().filter(l -> !l.startsWith("Step ") && !l.startsWith("API check")
                && !l.startsWith("WARN ")).toList();
        assertEquals(List.of(
                "Last release: v1.0.0",
                "Commits: 1 (0 breaking, 1 feat, 0 fix, 0 other)",
                "Next version: 1.1.0 (minor: 1 feat commit, first " + b + " feat: b)",
                "Tag: v1.1.0",
                "Files: pom.xml, CHANGELOG.md",
                "Notes: target/release/notes.md (dry run: nothing else changed)"),
                report.subList(0, 6), dryRun.lines::toString);
        assertEquals(List.of("### Features", "", "- b (" + b + ")"), report.subList(6, report.size()),
                "then the release body, line by line: " + dryRun.lines);
    }
}
