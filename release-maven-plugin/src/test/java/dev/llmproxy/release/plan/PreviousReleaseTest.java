package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmproxy.release.ReleaseException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code release.previousTag} ({@link PreviousRelease}) through the engine's dry run, in the cases
 * ReleasePlannerCasesTest leaves out: a tag without a version, a commit HEAD cannot reach, a blank value,
 * a version tag without prefix. The tag it names is not reported as an ignored tag (that warning
 * named it until 2026-12-05).
 */
class PreviousReleaseTest extends AppDryRunTest {
    @BeforeEach
    void setUp() {
        app(null);
    }

    @Test
    void aTagWithoutAVersionStartsTheRangeAndTheVersionIsAFirstRelease() {
        repo.tl("start");
        repo.tl("nightly");
        String start = repo.sha("HEAD");
        repo.c("-m", "feat: b");
        settings.previousTag = " start ";

        ReleasePlan plan = plan();

        assertEquals("1.0.0", plan.version());
        assertNull(plan.previousTag());
        assertEquals(1, plan.commits().total());
        assertEquals("first release 1.0.0 from the pom version 1.0.0-SNAPSHOT; 1 feat commit, first "
                + repo.sha("HEAD").substring(0, 7) + " feat: b; commits after " + start.substring(0, 7)
                + " (release.previousTag)", plan.reason());
        assertEquals(List.of("ignoring tags that are not release tags (vX.Y.Z): nightly"), dryRun.warnings(),
                "the tag release.previousTag names is used, not ignored");
    }

    @Test
    void aVersionTagWithoutPrefixIsThePreviousRelease() {
        repo.ta("1.3.0");
        repo.c("-m", "fix: b");
        repo.c("-m", "fix: c");
        settings.previousTag = "1.3.0";

        ReleasePlan plan = plan();

        assertEquals("1.3.0", plan.previousTag());
        assertEquals("1.3.0", plan.previousVersion());
        assertEquals("1.3.1", plan.version());
        assertEquals(2, plan.commits().total());
        assertEquals(true, plan.reason().endsWith(" (previous release from release.previousTag)"), plan.reason());
        assertEquals(List.of(), dryRun.warnings());
    }

    @Test
    void aBlankSettingIsNoSetting() {
        repo.c("-m", "fix: b");
        settings.previousTag = "  ";

        ReleasePlan plan = plan();

        assertEquals("1.0.0", plan.version());
        assertEquals(2, plan.commits().total());
        assertEquals(false, plan.reason().contains("release.previousTag"), plan.reason());
    }

    @Test
    void aCommitThatHeadCannotReachIsRefusedNamingIt() {
        repo.git("checkout", "-q", "-b", "side");
        repo.c("-m", "fix: on the side");
        repo.tl("side-1.2.0");
        String side = repo.sha("HEAD");
        repo.git("checkout", "-q", "main");
        repo.c("-m", "fix: b");

        for (String value : List.of("side-1.2.0", side)) {
            settings.previousTag = value;
            ReleaseException e = assertThrows(ReleaseException.class, this::plan);
            assertEquals("release.previousTag '" + value + "' (commit " + side.substring(0, 7) + ") is not reachable from"
                    + " HEAD: name a tag or commit of this branch's history", e.getMessage());
        }
    }
}
