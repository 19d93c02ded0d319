package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.git.TestRepos;
import dev.llmproxy.release.github.RecordingLog;
import dev.llmproxy.release.steps.StepFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals as step lists: plan.json's {@code steps}, and a BLOCKED step refusing before anything is written. */
class StepsInPlanTest {
    @TempDir
    Path dir;

    private TestRepos repo;

    @BeforeEach
    void setUp() {
        repo = StepFixture.appWithOrigin(dir);
    }

    private TestSettings settings() {
        TestSettings s = new TestSettings(repo.dir());
        s.commit = true;
        s.push = true;
        return s;
    }

    private static ReleasePlan.StepResult step(String name, String state, String line) {
        return new ReleasePlan.StepResult(name, state, line);
    }

    @Test
    void aDryRunListsTheChecksLastInPlanJson() throws IOException {
        TestSettings s = settings();
        s.dryRun = true;

        ReleasePlan plan = new ReleaseEngine(s.build(), ReleaseLog.SILENT).draft();

        List<ReleasePlan.StepResult> expected = List.of(
                step("write poms", "todo", "set 1.5.0 in pom.xml"),
                step("write changelog", "todo", "write the 1.5.0 section to CHANGELOG.md"),
                step("commit", "todo", "commit pom.xml, CHANGELOG.md as chore(release): 1.5.0"),
                step("tag", "todo", "create v1.5.0 on the release commit"),
                step("next snapshot", "skipped", "no release.nextDevelopmentVersion"),
                step("push", "todo", "push main and v1.5.0 to origin (atomic)"),
                step("github release", "skipped", "release.github.skip=true"),
                step("notify", "skipped", "release.github.skip=true"));
        assertEquals(expected, plan.steps());
        Path file = repo.dir().resolve(ReleaseEngine.PLAN_FILE);
        assertEquals(expected, PlanJson.read(file).steps());
        String json = Files.readString(file);
        assertTrue(json.indexOf("\"blockers\"") < json.indexOf("\"steps\""), json);
        assertTrue(json.strip().endsWith("\"line\" : \"release.github.skip=true\"\n  } ]\n}"), json);
        assertEquals("", repo.git("status", "--porcelain"));
    }

    @Test
    void theGoalLogsOneLinePerStep() {
        TestSettings s = settings();
        s.dryRun = true;
        RecordingLog dry = new RecordingLog();
        new ReleaseEngine(s.build(), dry).changelog();
        s.dryRun = false;
        RecordingLog real = new RecordingLog();
        new ReleaseEngine(s.build(), real).changelog();

        assertEquals("INFO Step write changelog: todo, write the 1.5.0 section to CHANGELOG.md",
                dry.lines.get(dry.lines.size() - 1));
        assertEquals("INFO write changelog: wrote the 1.5.0 section to CHANGELOG.md", real.lines.get(real.lines.size() - 1));
    }

    @Test
    void aRealRunRecordsWhatEachStepDid() {
        TestSettings s = settings();
        s.push = false;

        ReleasePlan plan = new ReleaseEngine(s.build(), ReleaseLog.SILENT).bump();

        String head = repo.sha("HEAD").substring(0, 7);
        assertEquals(List.of(
                step("write poms", "done", "set 1.5.0 in pom.xml"),
                step("commit", "done", "committed pom.xml as chore(release): 1.5.0 (" + head + ")"),
                step("tag", "done", "tagged v1.5.0 on " + head),
                step("next snapshot", "skipped", "no release.nextDevelopmentVersion"),
                step("push", "skipped", "release.push=false")), plan.steps());
        assertEquals(plan.steps(), PlanJson.read(repo.dir().resolve(ReleaseEngine.PLAN_FILE)).steps());
    }

    @Test
    void aBlockedStepRefusesBeforeAnythingIsWritten() throws IOException {
        Files.write(repo.dir().resolve("CHANGELOG.md"), new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        repo.git("add", "CHANGELOG.md");
        repo.c("-m", "fix: a changelog in Latin-1");
        String head = repo.sha("HEAD");

        ReleaseException e = assertThrows(ReleaseException.class,
                () -> new ReleaseEngine(settings().build(), ReleaseLog.SILENT).draft());

        assertEquals("write changelog: CHANGELOG.md is not UTF-8: convert it to UTF-8, then rerun", e.getMessage());
        assertEquals(head, repo.sha("HEAD"));
        assertEquals("", repo.git("status", "--porcelain"));
        assertEquals("", repo.git("tag", "-l", "v1.5.0"));
        assertFalse(Files.exists(repo.dir().resolve(ReleaseEngine.PLAN_FILE)));
    }

    @Test
    void aDryRunListsABlockedStepInsteadOfRefusing() throws IOException {
        Files.write(repo.dir().resolve("CHANGELOG.md"), new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        repo.git("add", "CHANGELOG.md");
        repo.c("-m", "fix: a changelog in Latin-1");
        TestSettings s = settings();
        s.dryRun = true;

        ReleasePlan plan = new ReleaseEngine(s.build(), ReleaseLog.SILENT).changelog();

        assertEquals(List.of(step("write changelog", "blocked", "CHANGELOG.md is not UTF-8: convert it to UTF-8, then rerun")),
                plan.steps());
    }
}
