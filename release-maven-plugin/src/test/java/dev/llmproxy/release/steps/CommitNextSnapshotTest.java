package dev.llmproxy.release.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmproxy.release.TestPoms;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommitNextSnapshotTest extends StepTestBase {
    private final StepFixture.Counting step = new StepFixture.Counting(new CommitNextSnapshot());

    @BeforeEach
    void setUp() {
        fixture.properties.put("release.nextDevelopmentVersion", "1.5.1-SNAPSHOT");
        fixture.repo.write("pom.xml", TestPoms.app("1.5.0"));
        fixture.repo.git("commit", "-qam", "chore(release): 1.5.0");
    }

    @Test
    void aFreshWorldGetsTheNextSnapshotCommit() throws IOException {
        World world = fixture.world();
        assertEquals("next snapshot", step.name());
        assertEquals(Status.todo("set 1.5.1-SNAPSHOT in pom.xml and commit it as chore(release): prepare 1.5.1-SNAPSHOT"),
                step.check(fixture.plan(), world));

        Status done = step.run(fixture.plan(), world);

        assertEquals(Status.done("committed pom.xml as chore(release): prepare 1.5.1-SNAPSHOT ("
                + fixture.repo.sha("HEAD").substring(0, 7) + ")"), done);
        assertEquals(1, step.applied);
        assertEquals("chore(release): prepare 1.5.1-SNAPSHOT", fixture.repo.git("log", "-1", "--format=%s"));
        assertEquals(TestPoms.app("1.5.1-SNAPSHOT"), Files.readString(fixture.repo.dir().resolve("pom.xml")));
        assertEquals(Status.done("already at 1.5.1-SNAPSHOT"), step.check(fixture.plan(), world));
    }

    @Test
    void pomsAtTheNextVersionAreLeftAlone() {
        fixture.repo.write("pom.xml", TestPoms.app("1.5.1-SNAPSHOT"));
        String head = fixture.repo.sha("HEAD");

        assertEquals(Status.done("already at 1.5.1-SNAPSHOT"), step.run(fixture.plan(), fixture.world()));
        assertEquals(0, step.applied);
        assertEquals(Status.done("already at 1.5.1-SNAPSHOT"), step.apply(fixture.plan(), fixture.world()));
        assertEquals(head, fixture.repo.sha("HEAD"));
    }

    @Test
    void withoutANextVersionOrACommitItIsSkipped() {
        fixture.properties.remove("release.nextDevelopmentVersion");
        assertEquals(Status.skipped("no release.nextDevelopmentVersion"), step.check(fixture.plan(), fixture.world()));
        fixture.properties.put("release.nextDevelopmentVersion", "1.5.1-SNAPSHOT");
        fixture.properties.put("release.commit", "false");
        assertEquals(Status.skipped("release.commit=false"), step.check(fixture.plan(), fixture.world()));
    }
}
