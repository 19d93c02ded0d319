package dev.llmproxy.release.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.plan.ReleasePlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseStepsTest extends StepTestBase {

    private static List<String> names(List<Step> steps) {
        return steps.stream().map(Step::name).toList();
    }

    @Test
    void eachGoalHasItsFixedList() {
        assertEquals(List.of("write poms", "commit", "tag", "next snapshot", "push"), names(ReleaseSteps.bump()));
        assertEquals(List.of("write changelog"), names(ReleaseSteps.changelog()));
        assertEquals(List.of("write poms", "write changelog", "commit", "tag", "next snapshot", "push", "github release",
                "notify"), names(ReleaseSteps.draft()));
    }

    @Test
    void bumpCommitsOnlyThePomsAndDoesNotPushAnEarlierRelease() {
        fixture.properties.put("release.push", "false");
        World world = fixture.world();

        List<ReleaseSteps.Result> done = ReleaseSteps.applyAll(ReleaseSteps.bump(), fixture.plan(), world);

        String head = fixture.repo.sha("HEAD").substring(0, 7);
        assertEquals(List.of(
                new ReleaseSteps.Result("write poms", Status.done("set 1.5.0 in pom.xml")),
                new ReleaseSteps.Result("commit", Status.done("committed pom.xml as chore(release): 1.5.0 (" + head + ")")),
                new ReleaseSteps.Result("tag", Status.done("tagged v1.5.0 on " + head)),
                new ReleaseSteps.Result("next snapshot", Status.skipped("no release.nextDevelopmentVersion")),
                new ReleaseSteps.Result("push", Status.skipped("release.push=false"))), done);
        assertEquals(List.of("INFO write poms: set 1.5.0 in pom.xml",
                "INFO commit: committed pom.xml as chore(release): 1.5.0 (" + head + ")",
                "INFO tag: tagged v1.5.0 on " + head,
                "INFO next snapshot: skipped, no release.nextDevelopmentVersion",
                "INFO push: skipped, release.push=false"), fixture.log.lines);
        assertEquals("pom.xml", fixture.repo.git("show", "--name-only", "--format=", "HEAD"));
    }

    @Test
    void checkAllReadsOnlyAndTheFirstBlockedStepRefuses() {
        fixture.repo.ta("v1.5.0");
        fixture.repo.c("-m", "fix: after the tag");
        String head = fixture.repo.sha("HEAD");
        ReleasePlan plan = fixture.plan();

        List<ReleaseSteps.Result> checked = ReleaseSteps.checkAll(ReleaseSteps.bump(), plan, fixture.world());

        assertEquals(List.of("todo", "todo", "blocked", "skipped", "todo"),
                checked.stream().map(r -> r.status().state().key()).toList());
        ReleaseException e = assertThrows(ReleaseException.class, () -> ReleaseSteps.requireNoneBlocked(checked));
        assertEquals("tag: " + checked.get(2).status().line(), e.getMessage());
        assertEquals(head, fixture.repo.sha("HEAD"));
        assertEquals("", fixture.repo.git("status", "--porcelain"));
    }

    @Test
    void aStepBlockedWhenItsTurnComesStopsTheRun() {
        fixture.repo.git("checkout", "-q", "--detach");
        World world = fixture.world();

        ReleaseException e = assertThrows(ReleaseException.class,
                () -> ReleaseSteps.applyAll(List.of(new CommitRelease()), fixture.plan(), world));

        assertEquals("commit: HEAD is detached: check out the branch to release (git switch main), then rerun", e.getMessage());
        assertEquals(List.of(), fixture.log.lines);
    }

    @Test
    void statusNeedsBothParts() {
        assertThrows(NullPointerException.class, () -> new Status(null, "x"));
        assertThrows(NullPointerException.class, () -> new Status(Status.State.DONE, null));
        assertEquals(true, Status.todo("x").isTodo());
        assertEquals(false, Status.done("x").isTodo());
        assertEquals("skipped", Status.State.SKIPPED.key());
    }
}
