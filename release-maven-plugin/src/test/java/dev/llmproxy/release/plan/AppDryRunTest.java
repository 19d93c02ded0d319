package dev.llmproxy.release.plan;

import dev.llmproxy.release.git.TestRepos;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** What the planner tests on {@link DryRun#appRepo} share: the repository, its settings and the dry run's log. */
abstract class AppDryRunTest {
    @TempDir
    Path dir;

    final DryRun dryRun = new DryRun();
    TestRepos repo;
    TestSettings settings;

    /**
     * Makes the app repository and its default settings.
     *
     * @param tag the tag on its one commit, or null for none
     */
    void app(String tag) {
        repo = DryRun.appRepo(dir.resolve("repo"));
        if (tag != null) {
            repo.ta(tag);
        }
        settings = new TestSettings(repo.dir());
    }

    /** @return the engine's dry-run plan with {@link #settings} */
    ReleasePlan plan() {
        return dryRun.run(settings);
    }
}
