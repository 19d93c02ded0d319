package dev.llmproxy.release.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.standin.Fault;
import dev.llmproxy.release.standin.GitHubStandIn;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 10 items 2 and 6, GitHub half: a tag on GitHub at another commit stops the run before any write. */
class TagOnGitHubTest {
    private static final String TOKEN = "ghp_tag";
    private static final String OURS = "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0";
    private static final String THEIRS = "f00dfeed0000000000000000000000000000beef";

    private final GitHubStandIn standIn = GitHubStandIn.start("example-org/app", TOKEN);

    @AfterEach
    void stop() {
        standIn.close();
    }

    private ReleaseOutcome sync(boolean dryRun) {
        return new GitHubReleaser(new GitHubConfig(standIn.apiUrl(), "example-org", "app", Optional.of(TOKEN)),
                new FakeTime().policy(), new RecordingLog()).sync(new ReleaseRequest("v1.4.0", null, "notes", OURS,
                        true, false, "true", List.of(), false), dryRun);
    }

    @ParameterizedTest(name = "annotated {0}")
    @ValueSource(booleans = {true, false})
    void aTagAtAnotherCommitStopsTheDryRunAndTheRealRunNamingBothCommits(boolean annotated) {
        standIn.addTag("v1.4.0", THEIRS, annotated);

        for (boolean dryRun : List.of(true, false)) {
            ReleaseException error = assertThrows(ReleaseException.class, () -> sync(dryRun));

            assertEquals("the tag v1.4.0 already exists on GitHub at commit f00dfee, not at the release commit "
                    + "a1b2c3d; nothing was written: release f00dfee instead (git fetch --tags && git checkout "
                    + "v1.4.0), or release the next version; delete the tag on GitHub only if it was never "
                    + "published", error.getMessage());
        }
        assertEquals(0, standIn.writeCount());
        assertEquals(annotated ? 4 : 2, standIn.requests().size(), () -> standIn.requests().toString());
    }

    @Test
    void aDryRunThatCannotReadTheTagWarnsAndTheRealRunStillChecks() {
        standIn.addTag("v1.4.0", THEIRS, true);
        RecordingLog log = new RecordingLog();
        GitHubReleaser releaser = new GitHubReleaser(new GitHubConfig(standIn.apiUrl(), "example-org", "app",
                Optional.of(TOKEN)), new FakeTime().policy(), log);
        ReleaseRequest request = new ReleaseRequest("v1.4.0", null, "notes", OURS, true, false, "true", List.of(),
                false);
        standIn.inject(Fault.on("GET", "/git/ref/tags/").status(403, "Resource not accessible by integration"));

        releaser.sync(request, true);

        assertTrue(log.all().contains("WARN GitHub (dry run): cannot read the tag v1.4.0 on example-org/app, not "
                + "checked: GitHub refused read tag v1.4.0 (403"), log::all);
        ReleaseException error = assertThrows(ReleaseException.class, () -> releaser.sync(request, false));
        assertTrue(error.getMessage().startsWith("the tag v1.4.0 already exists on GitHub at commit f00dfee"),
                error.getMessage());
        assertEquals(0, standIn.writeCount());
    }

    @ParameterizedTest(name = "annotated {0}")
    @ValueSource(booleans = {true, false})
    void aTagAtTheReleaseCommitIsFine(boolean annotated) {
        standIn.addTag("v1.4.0", OURS, annotated);

        assertFalse(sync(false).draft());
        assertEquals(OURS, standIn.tagTarget("v1.4.0").orElseThrow());
    }
}
