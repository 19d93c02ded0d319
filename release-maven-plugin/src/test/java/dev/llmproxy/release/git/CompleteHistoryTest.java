package dev.llmproxy.release.git;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmproxy.release.ReleaseException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Case V3 (versions.md): shallow clones and clones without tags are refused, and the fix works. */
class CompleteHistoryTest {

    private static final String SHALLOW =
            "shallow clone: older history and release tags are missing, so the last release cannot be found: run"
                    + " `git fetch --unshallow --tags` (on GitHub Actions: actions/checkout with `fetch-depth: 0`), then rerun";
    private static final String NO_TAGS =
            "remote origin is set to fetch no tags (remote.origin.tagOpt=--no-tags, from `git clone --no-tags`), so"
                    + " release tags may be missing: run `git config --unset remote.origin.tagOpt && git fetch --tags origin`"
                    + " (on GitHub Actions: actions/checkout with `fetch-depth: 0`), then rerun";

    @TempDir
    Path tmp;

    private TestRepos src;

    /** {@code nr; c -m "feat: a"; ta v1.0.0; c -m "feat: b"; c -m "fix: c"}. */
    @BeforeEach
    void sourceRepository() {
        src = TestRepos.nr(tmp.resolve("src"));
        src.c("-m", "feat: a");
        src.ta("v1.0.0");
        src.c("-m", "feat: b");
        src.c("-m", "fix: c");
    }

    @Test
    void aFullCloneIsComplete() {
        TestRepos clone = TestRepos.cloneOf(src, tmp.resolve("full"));

        try (GitRepo git = GitRepo.open(clone.dir())) {
            assertDoesNotThrow(git::requireCompleteHistory);
            assertEquals(List.of("v1.0.0"), git.tags().stream().map(TagRef::name).toList());
        }
    }

    @Test
    void aDepthOneCloneIsRefusedWithTheFix() {
        TestRepos clone = TestRepos.cloneOf(src, tmp.resolve("shallow"), "--depth", "1");

        try (GitRepo git = GitRepo.open(clone.dir())) {
            assertEquals(SHALLOW, assertThrows(ReleaseException.class, git::requireCompleteHistory).getMessage());
            assertEquals(List.of(), git.tags());
        }
    }

    @Test
    void aDepthFiftyCloneWithoutTagsIsRefusedThoughItHoldsAllCommits() {
        TestRepos clone = TestRepos.cloneOf(src, tmp.resolve("notags"), "--depth", "50", "--no-tags");

        try (GitRepo git = GitRepo.open(clone.dir())) {
            assertEquals(NO_TAGS, assertThrows(ReleaseException.class, git::requireCompleteHistory).getMessage());
        }
    }

    @Test
    void aShallowCloneWithoutTagsIsRefusedAsShallow() {
        src.c("-m", "fix: d");
        TestRepos clone = TestRepos.cloneOf(src, tmp.resolve("shallow-notags"), "--depth", "2", "--no-tags");

        try (GitRepo git = GitRepo.open(clone.dir())) {
            assertEquals(SHALLOW, assertThrows(ReleaseException.class, git::requireCompleteHistory).getMessage());
        }
    }

    @Test
    void theCommandsInTheMessagesRepairTheClones() {
        TestRepos shallow = TestRepos.cloneOf(src, tmp.resolve("shallow"), "--depth", "1");
        shallow.git("fetch", "-q", "--unshallow", "--tags");
        TestRepos noTags = TestRepos.cloneOf(src, tmp.resolve("notags"), "--no-tags");
        noTags.git("config", "--unset", "remote.origin.tagOpt");
        noTags.git("fetch", "-q", "--tags", "origin");

        for (TestRepos repaired : List.of(shallow, noTags)) {
            try (GitRepo git = GitRepo.open(repaired.dir())) {
                assertDoesNotThrow(git::requireCompleteHistory);
                assertEquals(List.of(new TagRef("v1.0.0", src.sha("v1.0.0^{commit}"), true)), git.tags());
            }
        }
    }

    @Test
    void walkingPastTheShallowBoundaryStopsThere() {
        TestRepos clone = TestRepos.cloneOf(src, tmp.resolve("shallow"), "--depth", "1");

        try (GitRepo git = GitRepo.open(clone.dir())) {
            List<String> seen = new ArrayList<>();
            git.walk(null, "HEAD", c -> seen.add(c.message()));
            assertEquals(List.of("fix: c\n"), seen);
        }
    }
}
