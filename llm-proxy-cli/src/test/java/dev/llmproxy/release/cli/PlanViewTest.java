package dev.llmproxy.release.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmproxy.release.api.ApiChange;
import dev.llmproxy.release.api.ModuleApiReport;
import dev.llmproxy.release.plan.PlanJson;
import dev.llmproxy.release.plan.ReleasePlan;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-process plan is shown from the engine's value ({@link PlanView#of}), the goal's from
 * plan.json ({@link PlanView#read}): both views of one plan are the same.
 */
class PlanViewTest {
    @TempDir
    Path dir;

    private static ReleasePlan everyKey() {
        Map<String, ModuleApiReport> apiCheck = new LinkedHashMap<>();
        apiCheck.put("core", ModuleApiReport.compared("1.4.2",
                List.of(new ApiChange("org.example.Foo", "bar(int)", "method removed", true))));
        apiCheck.put("util", ModuleApiReport.compared("1.4.2", List.of()));
        apiCheck.put("extra", ModuleApiReport.skipped("1.4.2", "new since v1.4.2"));
        return new ReleasePlan(ReleasePlan.SCHEMA_VERSION, "example-org/app", "0123456789abcdef0123456789abcdef01234567",
                "v1.4.2", "1.4.2", "1.5.0", "v1.5.0", "minor", "minor: 1 feat commit", true,
                new ReleasePlan.CommitCounts(7, 1, 2, 3, 1), List.of("pom.xml", "CHANGELOG.md"), "target/release/notes.md",
                List.of("target/app.jar"), new ReleasePlan.GitHubAction("create", 42L, true, true, "false",
                        "https://github.com/example-org/app/releases/tag/untagged-42"),
                true, "upstream", List.of(), apiCheck, List.of(new ReleasePlan.WarningCount("general", 1)),
                Map.of(), "maven", List.of("no token: set GITHUB_TOKEN"));
    }

    private PlanView readBack(ReleasePlan plan) {
        Path file = dir.resolve("target/release/plan.json");
        PlanJson.write(plan, file);
        return PlanView.read(file);
    }

    @Test
    void everyKeyShowsAsWhenReadFromTheFile() {
        ReleasePlan plan = everyKey();

        PlanView view = PlanView.of(plan);

        assertEquals(readBack(plan), view);
        assertEquals(List.of(
                "core: against 1.4.2, 1 binary and 0 source incompatible, first: method removed Foo.bar(int)",
                "util: against 1.4.2, 0 binary and 0 source incompatible",
                "extra: skipped, new since v1.4.2"), view.apiCheck());
        assertEquals(new PlanView.Commits(7, 1, 2, 3, 1), view.commits());
        assertEquals("https://github.com/example-org/app/releases/tag/untagged-42", view.githubHtmlUrl());
        assertEquals("upstream", view.remote());
    }

    @Test
    void nothingToReleaseWithoutGitHubShowsAsWhenReadFromTheFile() {
        ReleasePlan plan = new ReleasePlan(ReleasePlan.SCHEMA_VERSION, null, "0123456789abcdef0123456789abcdef01234567",
                "v1.4.2", "1.4.2", null, null, "none", "no releasable commits", false,
                new ReleasePlan.CommitCounts(1, 0, 0, 0, 1), null, null, null, null, false, null, null, null, null,
                null, "tags", null);

        PlanView view = PlanView.of(plan);

        assertEquals(readBack(plan), view);
        assertEquals(PlanView.DEFAULT_NOTES_FILE, view.notesFile());
        assertEquals(null, view.githubAction());
        assertEquals(List.of(), view.apiCheck());
    }
}
