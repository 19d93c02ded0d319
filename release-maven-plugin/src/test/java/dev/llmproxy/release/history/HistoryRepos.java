package dev.llmproxy.release.history;

import dev.llmproxy.release.TestPoms;
import dev.llmproxy.release.git.TestRepos;
import dev.llmproxy.release.plan.ReleaseSettings;
import java.nio.file.Path;
import java.util.List;

/** Settings and a recording log for the history tests, and one generated history whose decisions are known. */
public final class HistoryRepos {

    private HistoryRepos() {}

    static ReleaseSettings settings(Path root, String repository) {
        return HistoryEngine.settings(root, "v", null, "feat=minor,fix=patch,perf=patch,revert=patch", List.of(), repository,
                "CHANGELOG.md");
    }

    /**
     * Four releases cut by a tool that makes a release commit {@code chore(release): X} updating
     * CHANGELOG.md, then tags it (annotated); the last one tagged by hand on a feature commit:
     *
     * <ol>
     *   <li>v0.1.0 (first, from the pom's 0.1.0-SNAPSHOT): feat alpha; CHANGELOG lists alpha by commit link.
     *   <li>v0.1.1: fix beta, fix zeta; CHANGELOG lists beta (short SHA) and a hand-written gamma.
     *   <li>v0.3.0 (we decide 0.2.0): feat delta, docs readme; CHANGELOG lists delta by text only.
     *   <li>v1.0.0 lightweight on refactor!: epsilon, no release commit, no section (we decide 0.4.0).
     * </ol>
     *
     * @return the repository
     */
    public static TestRepos fourReleases(Path dir) {
        TestRepos repo = TestRepos.nr(dir);
        repo.write("pom.xml", TestPoms.app("0.1.0-SNAPSHOT"));
        repo.write(".gitignore", "target/\n");
        repo.git("add", "pom.xml", ".gitignore");
        repo.c("-m", "chore: init");
        String alpha = repo.c("-m", "feat: alpha");
        String changelog = "# Changelog\n\n## [0.1.0](https://github.com/example-org/app/commits/v0.1.0) (2024-01-01)\n\n### Features\n\n"
                + "* alpha ([" + alpha.substring(0, 7) + "](https://github.com/example-org/app/commit/" + alpha + "))\n";
        release(repo, "0.1.0", changelog);
        String beta = repo.c("-m", "fix: beta");
        repo.c("-m", "fix: zeta");
        changelog = changelog.replace("# Changelog\n\n", "# Changelog\n\n## 0.1.1 - 2024-01-01\n\n### Bug Fixes\n\n- beta ("
                + beta.substring(0, 7) + ")\n- gamma, written by hand\n  over two lines\n  - a nested note\n\n");
        release(repo, "0.1.1", changelog);
        repo.c("-m", "feat: delta");
        repo.c("-m", "docs: readme");
        changelog = changelog.replace("# Changelog\n\n", "# Changelog\n\n## [0.3.0] - 2024-01-01\n\n### Added\n\n- Delta.\n\n");
        release(repo, "0.3.0", changelog);
        repo.c("-m", "refactor!: epsilon");
        repo.tl("v1.0.0");
        return repo;
    }

    private static void release(TestRepos repo, String version, String changelog) {
        repo.write("CHANGELOG.md", changelog);
        repo.git("add", "CHANGELOG.md");
        repo.c("-m", "chore(release): " + version);
        repo.ta("v" + version);
    }
}
