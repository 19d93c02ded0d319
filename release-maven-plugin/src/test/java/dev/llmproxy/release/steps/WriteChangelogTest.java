package dev.llmproxy.release.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.notes.ChangelogUpdater;
import dev.llmproxy.release.notes.MarkdownRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteChangelogTest extends StepTestBase {
    private final StepFixture.Counting step = new StepFixture.Counting(new WriteChangelog());

    private String wanted(String existing) {
        return new ChangelogUpdater(new MarkdownRenderer(125_000)).update(existing, fixture.notes());
    }

    @Test
    void aFreshWorldGetsTheVersionsSection() throws IOException {
        World world = fixture.world();
        assertEquals("write changelog", step.name());
        assertEquals(Status.todo("write the 1.5.0 section to CHANGELOG.md"), step.check(fixture.plan(), world));

        assertEquals(Status.done("wrote the 1.5.0 section to CHANGELOG.md"), step.run(fixture.plan(), world));

        assertEquals(1, step.applied);
        assertEquals(wanted(null), Files.readString(fixture.repo.dir().resolve("CHANGELOG.md")));
        assertEquals(Status.done("CHANGELOG.md has the 1.5.0 section"), step.check(fixture.plan(), world));
    }

    @Test
    void anExistingChangelogKeepsItsHistory() throws IOException {
        String old = "# Changelog\n\n## [1.4.0] - 2026-10-01\n\n### Features\n\n- older feature\n";
        fixture.repo.write("CHANGELOG.md", old);

        assertEquals(Status.done("wrote the 1.5.0 section to CHANGELOG.md"), step.run(fixture.plan(), fixture.world()));

        String now = Files.readString(fixture.repo.dir().resolve("CHANGELOG.md"));
        assertEquals(wanted(old), now);
        assertFalse(wanted(null).equals(now));
    }

    @Test
    void aChangelogWithTheSectionIsLeftAlone() {
        fixture.repo.write("CHANGELOG.md", wanted(null));

        assertEquals(Status.done("CHANGELOG.md has the 1.5.0 section"), step.run(fixture.plan(), fixture.world()));
        assertEquals(0, step.applied);
    }

    @Test
    void aChangelogThatIsNotUtf8BlocksBeforeAnythingIsWritten() throws IOException {
        Path file = fixture.repo.dir().resolve("CHANGELOG.md");
        Files.write(file, new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        World world = fixture.world();

        Status status = step.check(fixture.plan(), world);

        assertEquals(Status.blocked("CHANGELOG.md is not UTF-8: convert it to UTF-8, then rerun"), status);
        ReleaseException e = assertThrows(ReleaseException.class,
                () -> ReleaseSteps.requireNoneBlocked(ReleaseSteps.checkAll(List.of(step), fixture.plan(), world)));
        assertEquals("write changelog: CHANGELOG.md is not UTF-8: convert it to UTF-8, then rerun", e.getMessage());
        assertEquals(0, step.applied);
        assertEquals(5, Files.readAllBytes(file).length);
    }

    @Test
    void noReleaseOrAReleaseMadeEarlierWritesNothing() {
        World world = fixture.world();
        assertEquals(Status.skipped("nothing to release: no releasable commits since v1.4.0"),
                step.run(fixture.plan(null, false), world));
        assertEquals(Status.done("v1.5.0 is already on HEAD"), step.run(fixture.plan("1.5.0", true), world));
        assertEquals(0, step.applied);
        assertFalse(Files.exists(fixture.repo.dir().resolve("CHANGELOG.md")));
    }

    @Test
    void anUnreadableChangelogFailsNamingTheFile() throws IOException {
        Files.createDirectories(fixture.repo.dir().resolve("CHANGELOG.md"));

        ReleaseException e = assertThrows(ReleaseException.class, () -> step.check(fixture.plan(), fixture.world()));

        assertTrue(e.getMessage().startsWith("cannot read " + fixture.repo.dir().resolve("CHANGELOG.md") + ": "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; check its permissions"), e.getMessage());
    }
}
