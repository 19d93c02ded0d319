package dev.llmproxy.release.it;

import static dev.llmproxy.release.it.Samples.mvnOk;
import static dev.llmproxy.release.it.Samples.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.plan.ReleasePlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's "Done when", by the real {@code mvn}: {@code release:draft -Drelease.push=true
 * -Drelease.publish=true} on a sample project with a bare {@code origin} and the GitHub stand-in leaves
 * one published release with its notes, assets and SHA256SUMS and the tag on origin; a second run
 * changes nothing.
 */
class DraftIT {
    @TempDir
    Path dir;

    @Test
    void oneRunPublishesTheReleaseAndASecondRunChangesNothing() throws Exception {
        try (DraftScenario scenario = new DraftScenario(dir, DraftScenario.POM)) {
            MavenRun.Result first = mvnOk(scenario.dir(), scenario.env(), scenario.args(MavenRun.PLUGIN + ":draft"));

            scenario.assertReleased(first);
            assertEquals("create", plan(scenario.dir()).github().action());

            long writes = scenario.github.writeCount();
            String head = scenario.repo.sha("HEAD");
            String originMain = scenario.origin.sha("refs/heads/main");
            // -X: not even Maven's debug output may show the token
            MavenRun.Result second = mvnOk(scenario.dir(), scenario.env(), scenario.args(MavenRun.PLUGIN + ":draft", "-X"));

            scenario.assertReleased(second);
            assertEquals(writes, scenario.github.writeCount(), "a second run sends no write request to GitHub");
            assertEquals(head, scenario.repo.sha("HEAD"), "a second run makes no commit");
            assertEquals(originMain, scenario.origin.sha("refs/heads/main"));
            ReleasePlan again = plan(scenario.dir());
            assertTrue(again.alreadyReleased());
            assertEquals("none", again.github().action());
            assertTrue(second.output().contains("[INFO] Tag: v1.5.0 (exists on HEAD)\n"), second::toString);
            assertFalse(second.output().contains(DraftScenario.TOKEN));
        }
    }
}
