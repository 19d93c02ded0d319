package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.ReleaseException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The planner's other half: describing a release tag that exists ({@code release.tag}, or a tag on HEAD)
 * instead of deciding a new version, through the engine's dry run on real repositories.
 */
class ExistingTagPlanTest extends AppDryRunTest {
    @BeforeEach
    void setUp() {
        app("v1.4.0");
    }

    @Test
    void releaseTagNamesALowerTagAndThatTagIsDescribed() {
        repo.c("-m", "fix: b");
        repo.c("-m", "fix: c");
        repo.ta("v1.4.1");
        repo.c("-m", "feat: d");
        repo.ta("v1.5.0");
        settings.tag = "v1.4.1";

        ReleasePlan plan = plan();

        assertEquals("1.4.1", plan.version());
        assertEquals("v1.4.1", plan.tag());
        assertEquals("v1.4.0", plan.previousTag());
        assertEquals(repo.sha("v1.4.1^{commit}"), plan.headSha());
        assertEquals(2, plan.commits().total());
        assertEquals("notes for the existing tag v1.4.1", plan.reason());
        assertFalse(plan.alreadyReleased(), "the tag is not on HEAD");
    }

    @Test
    void releaseTagThatIsNoReleaseTagIsRefusedNamingTheFix() {
        repo.c("-m", "fix: b");
        settings.tag = "v9.9.9";

        ReleaseException e = assertThrows(ReleaseException.class, this::plan);

        assertEquals("release.tag v9.9.9 is not a release tag of this repository: fetch tags (git fetch --tags) or pass"
                + " a tag like v1.2.3", e.getMessage());
    }

    @Test
    void aTagOnHeadReportsOtherTagsAndOddCommitsOfItsRange() {
        repo.tl("nightly");
        repo.c("-m", "\u2728 add a widget");
        repo.c("-m", "fix: b");
        repo.ta("v1.4.1");

        ReleasePlan plan = plan();

        assertTrue(plan.alreadyReleased());
        assertEquals("v1.4.1 already points at HEAD", plan.reason());
        assertEquals("none", plan.bump());
        List<String> warnings = dryRun.warnings();
        assertEquals(2, warnings.size(), warnings.toString());
        assertEquals("ignoring tags that are not release tags (vX.Y.Z): nightly", warnings.get(0));
        assertTrue(warnings.get(1).contains(" starts with a gitmoji instead of a Conventional Commits"), warnings.get(1));
    }

    /** A tag of the same version in another style, on an earlier commit, is not the release before it. */
    @Test
    void theSameVersionInAnotherTagStyleIsNotThePreviousRelease() {
        repo.c("-m", "fix: b");
        repo.tl("1.5.0");
        repo.c("-m", "fix: c");
        repo.ta("v1.5.0");
        settings.tagPrefixes = "v,";

        ReleasePlan plan = plan();

        assertTrue(plan.alreadyReleased());
        assertEquals("v1.5.0", plan.tag());
        assertEquals("v1.4.0", plan.previousTag());
        assertEquals(2, plan.commits().total());
    }
}
