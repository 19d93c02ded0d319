package dev.llmproxy.release.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.standin.GitHubStandIn;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotifyReleasedTest extends StepTestBase {
    private GitHubStandIn github;
    private final StepFixture.Counting step = new StepFixture.Counting(new NotifyReleased());

    @BeforeEach
    void setUp() {
        github = fixture.withGitHub();
        github.addIssue(8, "samples break", true);
        fixture.messages.add("fix: keep C# samples\n\nCloses #8");
        fixture.properties.put("release.publish", "true");
    }

    @Test
    void aPublishedReleaseIsAnnouncedOnItsIssues() {
        World world = fixture.world();
        assertEquals("notify", step.name());
        assertEquals(Status.todo("comment on #8"), step.check(fixture.plan(), world));
        world.github().release();

        assertEquals(Status.done("commented on #8, already on none, failed on none"), step.run(fixture.plan(), world));

        assertEquals(1, step.applied);
        assertEquals(1, github.comments(8).size());
    }

    @Test
    void thePullRequestOfAnEntryIsAnnouncedToo() {
        github.addIssue(7, "the pull request", true);
        fixture.messages.add("perf: faster samples (#7)");
        World world = fixture.world();
        world.github().release();

        assertEquals(Status.todo("comment on #7, #8"), step.check(fixture.plan(), world));
        assertEquals(Status.done("commented on #7, #8, already on none, failed on none"), step.run(fixture.plan(), world));
        assertEquals(1, github.comments(7).size());
    }

    @Test
    void anIssueAlreadyCommentedIsNotCommentedAgain() {
        World first = fixture.world();
        first.github().release();
        step.run(fixture.plan(), first);
        World second = fixture.world();

        assertEquals(Status.done("commented on none, already on #8, failed on none"), step.run(fixture.plan(), second));
        assertEquals(1, github.comments(8).size());
    }

    @Test
    void aDraftIsNotAnnounced() {
        fixture.properties.put("release.publish", "false");
        World world = fixture.world();
        assertEquals(Status.skipped("the release is a draft"), step.check(fixture.plan(), world));
        world.github().release();
        assertEquals(Status.skipped("the release is a draft"), step.run(fixture.plan(), world));
        assertEquals(0, step.applied);
        assertEquals(List.of(), github.comments(8));
    }

    @Test
    void aReleaseThatDoesNotExistCannotBeAnnounced() {
        ReleaseException e = assertThrows(ReleaseException.class, () -> step.apply(fixture.plan(), fixture.world()));
        assertEquals("the GitHub Release of v1.5.0 does not exist yet: rerun the goal", e.getMessage());
    }

    @Test
    void withNothingToNotifyOrNoReleaseItIsSkipped() {
        assertEquals(Status.skipped("nothing to release: no releasable commits since v1.4.0"),
                step.check(fixture.plan(null, false), fixture.world()));
        fixture.properties.put("release.notify.comments", "false");
        assertEquals(Status.skipped("no pull request, issue or webhook to notify"), step.check(fixture.plan(), fixture.world()));
        fixture.properties.put("release.notify.webhook", github.webhookUrl().toString());
        assertEquals(Status.todo("call the webhook"), step.check(fixture.plan(), fixture.world()));
        fixture.properties.put("release.notify.comments", "true");
        assertEquals(Status.todo("comment on #8 and call the webhook"), step.check(fixture.plan(), fixture.world()));
        fixture.properties.put("release.github.skip", "true");
        assertEquals(Status.skipped("release.github.skip=true"), step.check(fixture.plan(), fixture.world()));
    }
}
