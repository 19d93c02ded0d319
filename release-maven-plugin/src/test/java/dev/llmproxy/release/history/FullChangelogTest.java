package dev.llmproxy.release.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmproxy.release.git.TestRepos;
import dev.llmproxy.release.github.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class FullChangelogTest {

    @TempDir
    Path dir;

    @Test
    void everyReleaseSectionNewestFirstWithMergedBranchesAndAStableReleaseAfterItsCandidate() throws Exception {
        TestRepos repo = TestRepos.nr(dir);
        String one = repo.c("-m", "feat: one");
        repo.ta("v1.0.0");
        repo.git("switch", "-q", "-c", "side");
        String side = repo.c("-m", "fix(api): side fix");
        repo.git("switch", "-q", "main");
        String two = repo.c("-m", "feat: two");
        repo.git("merge", "-q", "--no-ff", "-m", "Merge branch 'side'", "side");
        repo.ta("v1.1.0-rc.1");
        String three = repo.c("-m", "fix: three");
        repo.c("-m", "chore(release): 1.1.0");
        repo.ta("v1.1.0");
        repo.c("-m", "feat: unreleased");

        Path file = new HistoryEngine(HistoryRepos.settings(dir, "example-org/app"), new RecordingLog()).fullChangelog(false);

        assertEquals(dir.resolve(HistoryEngine.FULL_CHANGELOG_FILE), file);
        String u = "https://github.com/example-org/app";
        String expected = """
                # Changelog

                All notable changes to this project will be documented in this file.

                The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
                and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

                ## [1.1.0] - 2024-01-01

                ### Features

                - two (%s)

                ### Bug fixes

                - three (%s)
                - **api:** side fix (%s)

                ## [1.1.0-rc.1] - 2024-01-01

                ### Features

                - two (%s)

                ### Bug fixes

                - **api:** side fix (%s)

                ## [1.0.0] - 2024-01-01

                ### Features

                - one (%s)

                [1.1.0]: %s/compare/v1.0.0...v1.1.0
                [1.1.0-rc.1]: %s/compare/v1.0.0...v1.1.0-rc.1
                [1.0.0]: %s/commits/v1.0.0
                """.formatted(link(u, two), link(u, three), link(u, side), link(u, two), link(u, side), link(u, one), u, u, u);
        assertEquals(expected, Files.readString(file));
    }

    private static String link(String url, String sha) {
        return "[" + sha.substring(0, 7) + "](" + url + "/commit/" + sha + ")";
    }

    @Test
    void aHistoryWithoutTagsOfThePrefixSaysWhyTheChangelogHasNoSection() {
        TestRepos repo = TestRepos.nr(dir);
        repo.c("-m", "feat: one");
        repo.ta("rel/app-1.0.0");
        RecordingLog log = new RecordingLog();

        new HistoryEngine(HistoryRepos.settings(dir, "example-org/app"), log).fullChangelog(false);

        assertEquals(java.util.List.of("WARN no release tag (vX.Y.Z) was read, so the changelog has no release section:"
                + " set release.tagPrefix or release.tagPrefixes to the prefix of the project's tags, or fetch them"
                + " (git fetch --tags)", "INFO Wrote 0 release sections to target/release/CHANGELOG.full.md"), log.lines);
    }
}
