package dev.llmproxy.release.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmproxy.release.git.TestRepos;
import dev.llmproxy.release.plan.PlanJson;
import dev.llmproxy.release.plan.ReleasePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Sample projects under git for the ITs, and the checks every IT makes on a Maven run. */
final class Samples {
    private Samples() {}

    /**
     * A git repository in {@code dir} holding {@code files} (relative path → UTF-8 text) and a
     * {@code .gitignore} of {@code target/} and {@code dist/}, committed as {@code chore: init}.
     */
    static TestRepos project(Path dir, Map<String, String> files) {
        TestRepos repo = TestRepos.nr(dir);
        repo.write(".gitignore", "target/\ndist/\n");
        files.forEach(repo::write);
        repo.git("add", "-A");
        repo.c("-m", "chore: init");
        return repo;
    }

    /** @return the version of the plugin under test, as a consumer pom declares it */
    static String pluginVersion() {
        return MavenRun.PLUGIN.substring(MavenRun.PLUGIN.lastIndexOf(':') + 1);
    }

    /**
     * Runs Maven in {@code dir} and fails with its output unless the build succeeds; a release goal's
     * decision must equal the CLI's in-process plan made just before ({@link InProcessPlanCheck}).
     */
    static MavenRun.Result mvnOk(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        var inProcess = InProcessPlanCheck.before(dir, env, args);
        MavenRun.Result result = MavenRun.run(dir, env, args);
        assertEquals(0, result.exitCode(), result::toString);
        inProcess.ifPresent(InProcessPlanCheck::assertSameDecision);
        return result;
    }

    /** @return {@code target/release/plan.json} of the project in {@code dir} */
    static ReleasePlan plan(Path dir) {
        return PlanJson.read(dir.resolve("target/release/plan.json"));
    }

    /** @return the UTF-8 text of {@code file} */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
