package dev.llmproxy.release.plan;

import dev.llmproxy.release.TestPoms;
import dev.llmproxy.release.git.TestRepos;
import java.nio.file.Path;

/** The app the engine-level release tests start from: pom at 1.5.0-SNAPSHOT, tag v1.4.0, a built dist/app.jar. */
final class AppAt140 {
    private AppAt140() {}

    /**
     * @param dir the work tree to create
     * @return the repository, HEAD tagged {@code v1.4.0}, {@code dist/app.jar} untracked
     */
    static TestRepos create(Path dir) {
        TestRepos repo = TestRepos.nr(dir);
        repo.write("pom.xml", TestPoms.app("1.5.0-SNAPSHOT"));
        repo.write(".gitignore", "target/\n");
        repo.write("dist/app.jar", "jar bytes\n");
        repo.git("add", "pom.xml", ".gitignore");
        repo.c("-m", "chore: init");
        repo.ta("v1.4.0");
        return repo;
    }
}
