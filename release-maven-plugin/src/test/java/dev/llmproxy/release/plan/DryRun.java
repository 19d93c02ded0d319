package dev.llmproxy.release.plan;

import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.TestPoms;
import dev.llmproxy.release.api.ApiCheckSettings;
import dev.llmproxy.release.git.TestRepos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The engine's dry run ({@code release:bump -Drelease.dryRun=true}) with a log that keeps every line. */
final class DryRun {
    /** Info lines as written, warnings prefixed with {@code "WARN "}, in order. */
    final List<String> lines = new ArrayList<>();

    ReleasePlan run(TestSettings settings) {
        settings.dryRun = true;
        return new ReleaseEngine(settings.build(), new ReleaseLog() {
            @Override
            public void info(String line) {
                lines.add(line);
            }

            @Override
            public void warn(String line) {
                lines.add("WARN " + line);
            }
        }).withApiCheck(ApiCheckSettings.defaults()).bump(); // as the mojos and the CLI make it
    }

    /** @return the lines logged as warnings, without the {@code "WARN "} prefix */
    List<String> warnings() {
        return lines.stream().filter(l -> l.startsWith("WARN ")).map(l -> l.substring(5)).toList();
    }

    /**
     * @param dir where the repository is made
     * @return a new repository whose one commit, {@code feat: a}, adds the app pom at 1.0.0-SNAPSHOT
     */
    static TestRepos appRepo(Path dir) {
        TestRepos repo = TestRepos.nr(dir);
        repo.write("pom.xml", TestPoms.app("1.0.0-SNAPSHOT"));
        repo.git("add", "pom.xml");
        repo.c("-m", "feat: a");
        return repo;
    }
}
