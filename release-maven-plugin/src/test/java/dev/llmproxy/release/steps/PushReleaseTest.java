package dev.llmproxy.release.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.git.TestRepos;
import dev.llmproxy.release.plan.ReleasePlan;
import org.junit.jupiter.api.Test;

class PushReleaseTest extends StepTestBase {
    private final StepFixture.Counting step = new StepFixture.Counting(new PushRelease(true));

    private String short7(String revision) {
        return fixture.repo.sha(revision).substring(0, 7);
    }

    @Test
    void aFreshWorldPushesBranchAndTag() {
        World world = fixture.world();
        assertEquals("push", step.name());
        assertEquals(Status.todo("push main and v1.5.0 to origin (atomic)"), step.check(fixture.plan(), world));
        fixture.releaseLocally(world);
        assertEquals(Status.todo("push main and v1.5.0 to origin (atomic)"), step.check(fixture.plan(), world));

        assertEquals(Status.done("pushed main and v1.5.0 to origin"), step.run(fixture.plan(), world));

        assertEquals(1, step.applied);
        assertEquals(fixture.repo.sha("HEAD"), fixture.origin.sha("main"));
        assertEquals(fixture.repo.sha("v1.5.0^{commit}"), fixture.origin.sha("v1.5.0^{commit}"));
        assertEquals(Status.done("origin has v1.5.0 at " + short7("v1.5.0^{commit}")), step.check(fixture.plan(), world));
    }

    @Test
    void aReleaseOriginHasIsNotPushedAgain() {
        World world = fixture.world();
        fixture.releaseLocally(world);
        fixture.repo.git("push", "-q", "origin", "main", "v1.5.0");

        assertEquals(Status.done("origin has v1.5.0 at " + short7("v1.5.0^{commit}")), step.run(fixture.plan(), world));
        assertEquals(0, step.applied);
    }

    @Test
    void aRejectedPushUndoesThisRunsCommitAndTag() {
        String before = fixture.repo.sha("HEAD");
        TestRepos other = TestRepos.cloneOf(fixture.origin, dir.resolve("other"));
        other.c("-m", "docs: someone else pushed first");
        other.git("push", "-q", "origin", "main");
        World world = fixture.world();
        ReleasePlan plan = fixture.plan();
        fixture.releaseLocally(world);

        ReleaseException e = assertThrows(ReleaseException.class, () -> step.run(plan, world));

        assertTrue(e.getMessage().endsWith("; the release commit and the local tag v1.5.0 were undone, so the repository"
                + " is as before the run (HEAD at " + before.substring(0, 7) + ")"), e.getMessage());
        assertEquals(before, fixture.repo.sha("HEAD"));
        assertEquals("", fixture.repo.git("tag", "-l", "v1.5.0"));
    }

    @Test
    void aRejectedPushOfWhatThisRunDidNotMakeUndoesNothing() {
        TestRepos other = TestRepos.cloneOf(fixture.origin, dir.resolve("other"));
        other.c("-m", "docs: someone else pushed first");
        other.git("push", "-q", "origin", "main");
        fixture.repo.ta("v1.5.0");
        String head = fixture.repo.sha("HEAD");

        ReleaseException e = assertThrows(ReleaseException.class, () -> step.run(fixture.plan(), fixture.world()));

        assertTrue(e.getMessage().endsWith("; this run made no local commit or tag"), e.getMessage());
        assertEquals(head, fixture.repo.sha("v1.5.0^{commit}"));
        assertEquals(head, fixture.repo.sha("HEAD"));
    }

    @Test
    void aReleaseTaggedEarlierIsPushedByDraftOnly() {
        fixture.repo.ta("v1.5.0");
        World world = fixture.world();
        StepFixture.Counting bump = new StepFixture.Counting(new PushRelease(false));

        assertEquals(Status.skipped("v1.5.0 was released earlier: this goal pushes only a release it makes"),
                bump.run(fixture.plan("1.5.0", true), world));
        assertEquals(Status.done("pushed main and v1.5.0 to origin"), step.run(fixture.plan("1.5.0", true), world));
        assertEquals(fixture.repo.sha("v1.5.0^{commit}"), fixture.origin.sha("v1.5.0^{commit}"));
        assertEquals(0, bump.applied);
    }

    @Test
    void aReleaseTaggedEarlierElsewhereOnTheRemoteIsRefusedByThePush() {
        fixture.repo.ta("v1.5.0");
        TestRepos other = TestRepos.cloneOf(fixture.origin, dir.resolve("other"));
        other.c("-m", "docs: elsewhere");
        other.ta("v1.5.0");
        other.git("push", "-q", "origin", "v1.5.0");
        World world = fixture.world();
        assertEquals(Status.todo("push main and v1.5.0 to origin (atomic)"), step.check(fixture.plan("1.5.0", true), world));

        ReleaseException e = assertThrows(ReleaseException.class, () -> step.apply(fixture.plan("1.5.0", true), world));

        String there = other.sha("v1.5.0^{commit}");
        String here = fixture.repo.sha("v1.5.0^{commit}");
        assertEquals("tag v1.5.0 already exists on origin at commit " + there + ", while the local v1.5.0 is at commit "
                + here + "; nothing was updated on the remote: release another version (-Drelease.version), or, if v1.5.0"
                + " on origin was never published, delete it there (git push origin :refs/tags/v1.5.0), then rerun",
                e.getMessage());
        assertEquals(other.sha("v1.5.0^{commit}"), fixture.origin.sha("v1.5.0^{commit}"));
    }

    @Test
    void anUnknownRemoteBlocksWithTheFix() {
        fixture.properties.put("release.remote", "upstream");

        assertEquals(Status.blocked("release.remote 'upstream' is not a remote of this repository: add it (git remote add"
                + " upstream <url>), set release.remote, or do not push (release.push=false), then rerun"),
                step.check(fixture.plan(), fixture.world()));
    }

    @Test
    void aDetachedHeadBlocksANewReleaseAndSkipsAnEarlierOne() {
        fixture.repo.ta("v1.5.0");
        fixture.repo.git("checkout", "-q", "--detach");

        assertEquals(Status.blocked("HEAD is detached: check out the branch to release (git switch main), then rerun"),
                step.check(fixture.plan(), fixture.world()));
        assertEquals(Status.skipped("HEAD is detached: not pushing (the tag v1.5.0 is already released)"),
                step.check(fixture.plan("1.5.0", true), fixture.world()));
        ReleaseException e = assertThrows(ReleaseException.class, () -> step.apply(fixture.plan(), fixture.world()));
        assertEquals("HEAD is detached: check out the branch to release (git switch main), then rerun", e.getMessage());
    }

    @Test
    void switchedOffItSaysWhy() {
        assertEquals(Status.skipped("nothing to release: no releasable commits since v1.4.0"),
                step.check(fixture.plan(null, false), fixture.world()));
        fixture.properties.put("release.commit", "false");
        assertEquals(Status.skipped("release.commit=false: no release commit to push"),
                step.check(fixture.plan(), fixture.world()));
        fixture.properties.put("release.push", "false");
        assertEquals(Status.skipped("release.push=false"), step.check(fixture.plan(), fixture.world()));
    }

    @Test
    void anUnreadableRemoteLeavesThePushToSayWhy() {
        fixture.repo.ta("v1.5.0");
        fixture.repo.git("remote", "set-url", "origin", dir.resolve("missing.git").toString());

        assertEquals(Status.todo("push main and v1.5.0 to origin (atomic)"),
                step.check(fixture.plan("1.5.0", true), fixture.world()));
    }
}
