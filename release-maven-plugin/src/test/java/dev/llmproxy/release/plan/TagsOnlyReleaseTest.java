package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.git.TestRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository without pom.xml (issue 11 item 3) and the preview's expectation (item 1), on real git. */
class TagsOnlyReleaseTest {
    @TempDir
    Path dir;

    TestRepos repo;
    TestSettings settings;

    @BeforeEach
    void repository() {
        repo = TestRepos.nr(dir.resolve("app"));
        repo.write(".gitignore", "target/\n");
        repo.write("main.go", "package main\n");
        repo.git("add", "-A");
        repo.c("-m", "feat: first");
        repo.ta("v0.4.1");
        repo.write("main.go", "package main // v2\n");
        repo.git("commit", "-q", "-am", "fix: second");
        settings = new TestSettings(repo.dir());
        settings.commit = true;
    }

    @Test
    void dryRunPlansFromTheTagsInModeTags() {
        settings.dryRun = true;

        ReleasePlan plan = new ReleaseEngine(settings.build(), ReleaseLog.SILENT).draft();

        assertEquals("0.4.2", plan.version());
        assertEquals("tags", plan.mode());
        assertEquals(List.of("CHANGELOG.md"), plan.files());
        assertEquals(List.of(), plan.blockers());
        assertFalse(Files.exists(repo.dir().resolve("CHANGELOG.md")));
    }

    @Test
    void releaseWritesOnlyTheChangelogAndTheVersionFileThenCommitsAndTags() throws Exception {
        settings.versionFile = "VERSION";

        ReleasePlan plan = new ReleaseEngine(settings.build(), ReleaseLog.SILENT).draft();

        assertEquals(List.of("VERSION", "CHANGELOG.md"), plan.files());
        assertEquals("0.4.2\n", Files.readString(repo.dir().resolve("VERSION")));
        assertEquals("chore(release): 0.4.2", repo.git("log", "-1", "--format=%s").strip());
        assertEquals("CHANGELOG.md\nVERSION", repo.git("show", "--name-only", "--format=", "HEAD").strip());
        assertEquals(repo.sha("HEAD"), repo.sha("v0.4.2^{commit}"));
    }

    @Test
    void firstReleaseWithoutTagOrVersionFileNeedsAnInitialVersion() {
        TestRepos fresh = TestRepos.nr(dir.resolve("fresh"));
        fresh.write("a.txt", "a\n");
        fresh.git("add", "-A");
        fresh.c("-m", "feat: a");
        TestSettings s = new TestSettings(fresh.dir());
        s.dryRun = true;

        ReleaseException e = assertThrows(ReleaseException.class, () -> new ReleaseEngine(s.build(), ReleaseLog.SILENT).draft());
        s.initialVersion = "0.1.0";

        assertEquals("no release tag and no project version to start from: set release.initialVersion", e.getMessage());
        assertEquals("0.1.0", new ReleaseEngine(s.build(), ReleaseLog.SILENT).draft().version());
    }

    @Test
    void headThatMovedSinceThePreviewIsRefusedBeforeAnyChange() {
        String previewed = repo.sha("HEAD~1");
        settings.expect = new ReleaseSettings.Expectation("0.4.2", previewed);

        ReleaseException e = assertThrows(ReleaseException.class, () -> new ReleaseEngine(settings.build(), ReleaseLog.SILENT).draft());

        assertEquals("HEAD moved since the preview: it was " + previewed.substring(0, 7) + ", it is "
                + repo.sha("HEAD").substring(0, 7) + " (another commit landed): nothing was changed; run the release"
                + " again to see the new plan", e.getMessage());
        assertEquals("v0.4.1", repo.git("tag", "-l").strip());
        assertFalse(Files.exists(repo.dir().resolve("CHANGELOG.md")));
        assertFalse(Files.exists(repo.dir().resolve(ReleaseEngine.PLAN_FILE)));
    }

    @Test
    void versionDifferentFromThePreviewIsRefusedNamingConfigurationThePreviewCouldNotRead() {
        settings.expect = new ReleaseSettings.Expectation("0.5.0", repo.sha("HEAD"));

        ReleaseException e = assertThrows(ReleaseException.class, () -> new ReleaseEngine(settings.build(), ReleaseLog.SILENT).draft());

        assertEquals("the goal decided 0.4.2, the preview 0.5.0 (configuration the preview could not read, e.g. a"
                + " profile, settings.xml or a parent pom outside the reactor): nothing was changed; set the version"
                + " explicitly (-Drelease.version) or move that configuration into the reactor's poms", e.getMessage());
        assertEquals("v0.4.1", repo.git("tag", "-l").strip());
    }

    @Test
    void dryRunRecordsTheRealRunsRefusalsAsBlockers() {
        settings.dryRun = true;
        settings.push = true;
        settings.remote = "nowhere";
        settings.githubSkip = false;

        ReleasePlan plan = new ReleaseEngine(settings.build(), ReleaseLog.SILENT).draft();

        assertEquals(List.of("release.remote 'nowhere' is not a remote of this repository: add it (git remote add nowhere"
                        + " <url>), set release.remote, or do not push (release.push=false), then rerun",
                "cannot create the GitHub Release: the GitHub repository is unknown (set release.github.repository=owner/name),"
                        + " or pass -Drelease.github.skip=true to release without GitHub"), plan.blockers());
    }

    @Test
    void readingALongHistoryReportsProgressEvery500Commits() {
        repo.fastImport(1_200, i -> "fix: change " + i);
        settings.dryRun = true;
        List<String> progress = new java.util.ArrayList<>();
        ReleaseLog log = new ReleaseLog() {
            @Override
            public void info(String line) {}

            @Override
            public void warn(String line) {}

            @Override
            public void progress(String step, long done) {
                progress.add(step + " " + done);
            }
        };

        new ReleaseEngine(settings.build(), log).draft();

        assertEquals(List.of("Reading the history 500", "Reading the history 1000"), progress);
    }
}
