package dev.llmproxy.release.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmproxy.release.TestPoms;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class WritePomsTest extends StepTestBase {
    private final StepFixture.Counting step = new StepFixture.Counting(new WritePoms());

    @Test
    void aFreshWorldGetsThePomsAtTheVersion() throws IOException {
        World world = fixture.world();
        assertEquals("write poms", step.name());
        assertEquals(Status.todo("set 1.5.0 in pom.xml"), step.check(fixture.plan(), world));

        assertEquals(Status.done("set 1.5.0 in pom.xml"), step.run(fixture.plan(), world));

        assertEquals(1, step.applied);
        assertEquals(TestPoms.app("1.5.0"), Files.readString(fixture.repo.dir().resolve("pom.xml")));
        assertEquals(Status.done("already at 1.5.0"), step.check(fixture.plan(), world));
        assertEquals("1.5.0", world.reactor().version());
    }

    @Test
    void pomsAlreadyAtTheVersionAreLeftAlone() {
        fixture.repo.write("pom.xml", TestPoms.app("1.5.0"));

        assertEquals(Status.done("already at 1.5.0"), step.run(fixture.plan(), fixture.world()));
        assertEquals(0, step.applied);
    }

    @Test
    void aReleaseMadeEarlierOrNoReleaseWritesNothing() {
        World world = fixture.world();
        assertEquals(Status.done("v1.5.0 is already on HEAD"), step.run(fixture.plan("1.5.0", true), world));
        assertEquals(Status.skipped("nothing to release: no releasable commits since v1.4.0"),
                step.run(fixture.plan(null, false), world));
        fixture.properties.put("release.tag", "v1.5.0");
        assertEquals(Status.done("release.tag names the existing tag v1.5.0"), step.run(fixture.plan(), fixture.world()));
        assertEquals(0, step.applied);
        assertEquals(TestPoms.app("1.5.0-SNAPSHOT"), fixture.repo.git("show", "HEAD:pom.xml") + "\n");
    }
}
