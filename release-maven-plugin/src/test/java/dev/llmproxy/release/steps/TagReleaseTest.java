package dev.llmproxy.release.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TagReleaseTest extends StepTestBase {
    private final StepFixture.Counting step = new StepFixture.Counting(new TagRelease());

    @Test
    void aFreshWorldGetsAnAnnotatedTagOnHead() {
        World world = fixture.world();
        String head = fixture.repo.sha("HEAD").substring(0, 7);
        assertEquals("tag", step.name());
        assertEquals(Status.todo("create v1.5.0 on the release commit"), step.check(fixture.plan(), world));

        assertEquals(Status.done("tagged v1.5.0 on " + head), step.run(fixture.plan(), world));

        assertEquals(1, step.applied);
        assertEquals("tag", fixture.repo.git("cat-file", "-t", "v1.5.0"));
        assertEquals("Release 1.5.0", fixture.repo.git("tag", "-l", "--format=%(contents:subject)", "v1.5.0"));
        assertTrue(world.tagCreatedByThisRun("v1.5.0"));
        assertEquals(Status.done("v1.5.0 is on " + head), step.check(fixture.plan(), world));
    }

    @Test
    void aTagOnHeadIsKept() {
        fixture.repo.ta("v1.5.0");
        World world = fixture.world();

        assertEquals(Status.done("v1.5.0 is on " + fixture.repo.sha("HEAD").substring(0, 7)), step.run(fixture.plan(), world));
        assertEquals(0, step.applied);
        assertFalse(world.tagCreatedByThisRun("v1.5.0"));
    }

    @Test
    void aTagOnAnotherCommitBlocksWithTheFix() {
        fixture.repo.ta("v1.5.0");
        fixture.repo.c("-m", "fix: later");
        String tagged = fixture.repo.sha("v1.5.0^{commit}").substring(0, 7);

        assertEquals(Status.blocked("tag v1.5.0 already exists on commit " + tagged + ", not on HEAD: release another"
                + " version (-Drelease.version) or delete the tag if it was a mistake"), step.check(fixture.plan(), fixture.world()));
    }

    @Test
    void applyOnAnExistingTagAtHeadDoesNotClaimIt() {
        fixture.repo.ta("v1.5.0");
        World world = fixture.world();

        assertEquals(Status.done("tagged v1.5.0 on " + fixture.repo.sha("HEAD").substring(0, 7)), step.apply(fixture.plan(), world));
        assertFalse(world.tagCreatedByThisRun("v1.5.0"));
    }

    @Test
    void switchedOffItSaysWhy() {
        fixture.properties.put("release.commit", "false");
        assertEquals(Status.skipped("release.commit=false"), step.check(fixture.plan(), fixture.world()));
        assertEquals(Status.skipped("nothing to release: no releasable commits since v1.4.0"),
                step.check(fixture.plan(null, false), fixture.world()));
    }
}
