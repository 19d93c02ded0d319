package dev.llmproxy.release.it;

import static dev.llmproxy.release.it.Samples.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A refusal by the real {@code mvn}: one line naming the problem and the fix, and nothing changed. */
class RefusalIT {
    @TempDir
    Path dir;

    @Test
    void dirtyTreeFailsTheBuildWithOneLineAndChangesNothing() throws Exception {
        try (DraftScenario scenario = new DraftScenario(dir, DraftScenario.POM)) {
            scenario.repo.write("README.md", "# app, edited\n");
            String head = scenario.repo.sha("HEAD");

            MavenRun.Result result = MavenRun.run(scenario.dir(), scenario.env(), scenario.args(MavenRun.PLUGIN + ":draft"));

            String out = result.output();
            assertEquals(1, result.exitCode(), result::toString);
            assertTrue(out.contains("[INFO] BUILD FAILURE\n"), result::toString);
            assertTrue(out.contains("[ERROR] Failed to execute goal " + MavenRun.PLUGIN + ":draft (default-cli) on project app: "
                    + "the working tree has uncommitted changes in README.md: commit or stash them, then rerun -> [Help 1]\n"),
                    result::toString);
            assertFalse(out.contains("\tat dev.llmproxy"), "no stack trace without -e");
            assertEquals(head, scenario.repo.sha("HEAD"), "no commit");
            assertEquals("v1.4.0", scenario.repo.git("tag", "--list"), "no tag");
            assertEquals("v1.4.0", scenario.origin.git("tag", "--list"), "nothing pushed");
            assertEquals(head, scenario.origin.sha("refs/heads/main"), "origin unchanged");
            assertEquals(0, scenario.github.writeCount(), "nothing sent to GitHub");
            assertEquals(DraftScenario.POM, read(scenario.dir().resolve("pom.xml")));
            assertEquals("# app, edited\n", read(scenario.dir().resolve("README.md")));
            assertFalse(Files.exists(scenario.dir().resolve("CHANGELOG.md")));
            assertEquals(" M README.md", scenario.repo.git("status", "--porcelain"));
        }
    }

    /** llm-proxy's preview saw another HEAD (issue 11 item 1): the goal refuses before it changes anything. */
    @Test
    void headOtherThanThePreviewsFailsTheBuildAndChangesNothing() throws Exception {
        try (DraftScenario scenario = new DraftScenario(dir, DraftScenario.POM)) {
            String previewed = scenario.repo.sha("HEAD~1");
            String head = scenario.repo.sha("HEAD");
            List<String> args = new ArrayList<>(List.of(scenario.args(MavenRun.PLUGIN + ":draft")));
            args.add("-Drelease.expect.version=1.5.0");
            args.add("-Drelease.expect.head=" + previewed);

            MavenRun.Result result = MavenRun.run(scenario.dir(), scenario.env(), args.toArray(String[]::new));

            assertEquals(1, result.exitCode(), result::toString);
            assertTrue(result.output().contains("on project app: HEAD moved since the preview: it was "
                    + previewed.substring(0, 7) + ", it is " + head.substring(0, 7) + " (another commit landed):"
                    + " nothing was changed; run the release again to see the new plan -> [Help 1]\n"), result::toString);
            assertEquals(head, scenario.repo.sha("HEAD"), "no commit");
            assertEquals("v1.4.0", scenario.repo.git("tag", "--list"), "no tag");
            assertEquals(0, scenario.github.writeCount(), "nothing sent to GitHub");
            assertEquals(DraftScenario.POM, read(scenario.dir().resolve("pom.xml")));
            assertFalse(Files.exists(scenario.dir().resolve("CHANGELOG.md")));
        }
    }
}
