package dev.llmproxy.release.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmproxy.release.TestPoms;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitReleaseTest extends StepTestBase {

    @Test
    void aFreshWorldCommitsWhatTheWritersWrite() {
        World world = fixture.world();
        WritePoms poms = new WritePoms();
        WriteChangelog changelog = new WriteChangelog();
        StepFixture.Counting commit = new StepFixture.Counting(new CommitRelease(poms, changelog));
        String before = fixture.repo.sha("HEAD");
        assertEquals("commit", commit.name());
        assertEquals(Status.todo("commit pom.xml, CHANGELOG.md as chore(release): 1.5.0"),
                commit.check(fixture.plan(), world));

        List<ReleaseSteps.Result> done = ReleaseSteps.applyAll(List.of(poms, changelog, commit), fixture.plan(), world);

        String head = fixture.repo.sha("HEAD");
        assertEquals(new ReleaseSteps.Result("commit", Status.done("committed pom.xml, CHANGELOG.md as chore(release): 1.5.0 ("
                + head.substring(0, 7) + ")")), done.get(2));
        assertEquals(1, commit.applied);
        assertEquals(before, fixture.repo.sha("HEAD~1"));
        assertEquals("chore(release): 1.5.0", fixture.repo.git("log", "-1", "--format=%s"));
        assertEquals("CHANGELOG.md\npom.xml", fixture.repo.git("show", "--name-only", "--format=", "HEAD"));
        assertEquals(Status.done("HEAD holds the release files"), commit.check(fixture.plan(), world));
    }

    @Test
    void onlyTheChangedReleaseFilesAreCommitted() {
        fixture.repo.write("pom.xml", TestPoms.app("1.5.0"));
        StepFixture.Counting commit = new StepFixture.Counting(new CommitRelease());
        World world = fixture.world();

        assertEquals(Status.todo("commit pom.xml as chore(release): 1.5.0"), commit.check(fixture.plan(), world));
        commit.run(fixture.plan(), world);

        assertEquals("pom.xml", fixture.repo.git("show", "--name-only", "--format=", "HEAD"));
    }

    @Test
    void aCommittedReleaseIsNotCommittedAgain() {
        fixture.repo.write("pom.xml", TestPoms.app("1.5.0"));
        fixture.repo.git("commit", "-qam", "chore(release): 1.5.0");
        String head = fixture.repo.sha("HEAD");
        StepFixture.Counting commit = new StepFixture.Counting(new CommitRelease(new WritePoms()));

        assertEquals(Status.done("HEAD holds the release files"), commit.run(fixture.plan(), fixture.world()));
        assertEquals(0, commit.applied);
        assertEquals(head, fixture.repo.sha("HEAD"));
        assertEquals(Status.done("HEAD holds the release files"), commit.apply(fixture.plan(), fixture.world()));
        assertEquals(head, fixture.repo.sha("HEAD"));
    }

    @Test
    void aDetachedHeadBlocksWithTheFix() {
        fixture.repo.git("checkout", "-q", "--detach");

        assertEquals(Status.blocked("HEAD is detached: check out the branch to release (git switch main), then rerun"),
                new CommitRelease().check(fixture.plan(), fixture.world()));
    }

    @Test
    void switchedOffOrSettledItSaysWhy() {
        assertEquals(Status.done("v1.5.0 is already on HEAD"),
                new CommitRelease().check(fixture.plan("1.5.0", true), fixture.world()));
        fixture.properties.put("release.commit", "false");
        assertEquals(Status.skipped("release.commit=false"), new CommitRelease().check(fixture.plan(), fixture.world()));
    }
}
