package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A revert and the commit it reverts, both in the range, cancel out, also when the reverted commit is of a type
 * that releases nothing (the planner must keep it for the pairing, not only the releasing commits) and when
 * reverts release nothing themselves ({@code release.releaseTypes} without {@code revert}).
 */
class RevertPlanTest extends AppDryRunTest {
    @BeforeEach
    void setUp() {
        app("v1.4.0");
    }

    private void docsCommit() {
        repo.write("README.md", "readme\n");
        repo.git("add", "README.md");
        repo.c("-m", "docs: readme");
    }

    @Test
    void aRevertOfADocsCommitInTheRangeReleasesNothing() {
        docsCommit();
        repo.git("revert", "--no-edit", "HEAD");

        ReleasePlan plan = plan();

        assertNull(plan.version(), plan.reason());
        assertEquals(2, plan.commits().total());
    }

    @Test
    void anAbbreviatedUpperCaseShaPairsTheRevertWithItsTarget() {
        docsCommit();
        String target = repo.sha("HEAD").substring(0, 12).toUpperCase(java.util.Locale.ROOT);
        repo.git("rm", "-q", "README.md");
        repo.c("-m", "revert: docs readme", "-m", "This reverts commit " + target + ".");

        ReleasePlan plan = plan();

        assertNull(plan.version(), plan.reason());
    }

    @Test
    void withoutRevertAmongTheReleasingTypesARevertStillCancelsItsTarget() {
        settings.releaseTypes = "feat=minor,fix=patch";
        repo.write("risky.txt", "risky\n");
        repo.git("add", "risky.txt");
        repo.c("-m", "feat: risky");
        repo.git("revert", "--no-edit", "HEAD");

        ReleasePlan plan = plan();

        assertNull(plan.version(), plan.reason());
    }
}
