package dev.llmproxy.release.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.ReleaseException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The release commit and the annotated tag, and their refusals (issue #2 items 8 and 9). */
class GitRepoWriteTest {

    @TempDir
    Path tmp;

    private TestRepos repo;
    private String base;

    @BeforeEach
    void projectWithTwoFiles() {
        repo = TestRepos.nr(tmp.resolve("r"));
        repo.write("pom.xml", "<version>1.1.0-SNAPSHOT</version>\n");
        repo.write("other.txt", "other\n");
        repo.write("old.txt", "old\n");
        repo.git("add", ".");
        base = repo.c("-m", "feat: project");
    }

    @Test
    void commitsExactlyTheGivenPathsWithTheConfiguredUser() {
        repo.write("pom.xml", "<version>1.2.0</version>\n");
        repo.write("CHANGELOG.md", "# Changelog\n");
        repo.write("other.txt", "edited, not part of the release\n");
        repo.write("untracked.txt", "untracked\n");
        deleteFile("old.txt");

        String sha;
        try (GitRepo git = GitRepo.open(repo.dir())) {
            sha = git.commit(List.of("pom.xml", "CHANGELOG.md", "old.txt"), "chore(release): 1.2.0");
            assertEquals(List.of("other.txt"), git.changedTrackedFiles());
        }

        assertEquals(sha, repo.sha("refs/heads/main"));
        assertEquals(base, repo.sha(sha + "^"));
        assertEquals("A\tCHANGELOG.md\nD\told.txt\nM\tpom.xml", repo.git("diff-tree", "--no-commit-id", "-r", "--name-status", sha));
        assertEquals("chore(release): 1.2.0\n|Dev <dev@example.com>|Dev <dev@example.com>",
                repo.git("log", "-1", "--format=%B|%an <%ae>|%cn <%ce>", sha));
        assertEquals("?? untracked.txt", repo.git("status", "--porcelain", "--untracked-files=all", "--", "untracked.txt"));
    }

    @Test
    void refusesWhenOtherChangesAreStagedAndChangesNothing() {
        repo.write("pom.xml", "<version>1.2.0</version>\n");
        repo.write("other.txt", "staged by the user\n");
        repo.git("add", "other.txt");
        String indexBefore = repo.git("diff", "--cached", "--name-status");

        try (GitRepo git = GitRepo.open(repo.dir())) {
            ReleaseException e = assertThrows(ReleaseException.class, () -> git.commit(List.of("pom.xml"), "chore(release): 1.2.0"));
            assertEquals("other changes are staged (other.txt): unstage them (`git restore --staged <file>`) or commit"
                    + " them first, then rerun", e.getMessage());
        }
        assertEquals(base, repo.sha("HEAD"));
        assertEquals(indexBefore, repo.git("diff", "--cached", "--name-status"));
    }

    @Test
    void refusesADetachedHead() {
        repo.git("checkout", "-q", "--detach");
        repo.write("pom.xml", "<version>1.2.0</version>\n");

        try (GitRepo git = GitRepo.open(repo.dir())) {
            ReleaseException e = assertThrows(ReleaseException.class, () -> git.commit(List.of("pom.xml"), "chore(release): 1.2.0"));
            assertEquals("HEAD is detached at " + base.substring(0, 7) + ", so the release commit would belong to no"
                    + " branch: check out the release branch (e.g. `git switch main`), then rerun", e.getMessage());
        }
        assertEquals(base, repo.sha("HEAD"));
        assertEquals("", repo.git("diff", "--cached", "--name-only"));
    }

    @Test
    void refusesWhenUserNameAndEmailAreNotConfigured() {
        repo.git("config", "--unset", "user.name");
        repo.git("config", "--unset", "user.email");
        repo.write("pom.xml", "<version>1.2.0</version>\n");
        SystemReader original = SystemReader.getInstance();
        SystemReader.setInstance(withoutUserOrSystemConfig(original));
        try (GitRepo git = GitRepo.open(repo.dir())) {
            String expected = "git user.name and user.email are not set, so the release commit and tag would have no"
                    + " author: run `git config --global user.name \"Your Name\"` and `git config --global user.email"
                    + " you@example.com`, then rerun";
            assertEquals(expected, assertThrows(ReleaseException.class,
                    () -> git.commit(List.of("pom.xml"), "chore(release): 1.2.0")).getMessage());
            assertEquals(expected, assertThrows(ReleaseException.class,
                    () -> git.createAnnotatedTag("v1.2.0", base, "v1.2.0")).getMessage());
        } finally {
            SystemReader.setInstance(original);
        }
        assertEquals(base, repo.sha("HEAD"));
        assertEquals("", repo.git("diff", "--cached", "--name-only"));
        assertEquals("", repo.git("tag"));
    }

    @Test
    void refusesPathsWithoutChangesAndLeavesTheIndexClean() {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            ReleaseException e = assertThrows(ReleaseException.class, () -> git.commit(List.of("pom.xml"), "chore(release): 1.2.0"));
            assertTrue(e.getMessage().startsWith("nothing to commit on main: pom.xml are unchanged since HEAD"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> git.commit(List.of(), "chore(release): 1.2.0"));
            assertThrows(IllegalArgumentException.class, () -> git.commit(List.of("../outside.xml"), "x"));
        }
        assertEquals(base, repo.sha("HEAD"));
        assertEquals("", repo.git("diff", "--cached", "--name-only"));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aCommitRejectedByAHookUnstagesThePaths() throws Exception {
        Path hook = repo.write(".git/hooks/pre-commit", "#!/bin/sh\necho 'hook says no' >&2\nexit 1\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        repo.write("pom.xml", "<version>1.2.0</version>\n");

        try (GitRepo git = GitRepo.open(repo.dir())) {
            ReleaseException e = assertThrows(ReleaseException.class, () -> git.commit(List.of("pom.xml"), "chore(release): 1.2.0"));
            assertTrue(e.getMessage().startsWith("cannot commit pom.xml: "), e.getMessage());
        }
        assertEquals(base, repo.sha("HEAD"));
        assertEquals("", repo.git("diff", "--cached", "--name-only"));
        assertEquals(" M pom.xml", repo.git("status", "--porcelain", "--", "pom.xml"));
    }

    @Test
    void createsAnAnnotatedTagOnceAndThenAcceptsItAsDone() {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            assertTrue(git.createAnnotatedTag("v1.2.0", base, "Release 1.2.0"));
            String tagObject = repo.sha("refs/tags/v1.2.0");

            assertFalse(git.createAnnotatedTag("v1.2.0", base, "Release 1.2.0 again"));

            assertEquals(tagObject, repo.sha("refs/tags/v1.2.0"));
            assertEquals(Optional.of(base), git.tagTarget("v1.2.0"));
            assertEquals(List.of(new TagRef("v1.2.0", base, true)), git.tags());
        }
        assertEquals("tag", repo.git("cat-file", "-t", "v1.2.0"));
        assertEquals("Release 1.2.0\n|Dev <dev@example.com>", repo.git("tag", "-l", "--format=%(contents)|%(taggername) %(taggeremail)", "v1.2.0"));
    }

    @Test
    void aLightweightTagOnTheSameCommitCountsAsDone() {
        repo.tl("v1.2.0");

        try (GitRepo git = GitRepo.open(repo.dir())) {
            assertFalse(git.createAnnotatedTag("v1.2.0", base, "Release 1.2.0"));
        }
        assertEquals("commit", repo.git("cat-file", "-t", "v1.2.0"));
    }

    @Test
    void refusesATagThatExistsOnAnotherCommitNamingBothAndTheFix() {
        repo.ta("v1.2.0");
        String tagObject = repo.sha("refs/tags/v1.2.0");
        String release = repo.c("-m", "chore(release): 1.2.0");

        try (GitRepo git = GitRepo.open(repo.dir())) {
            ReleaseException e = assertThrows(ReleaseException.class, () -> git.createAnnotatedTag("v1.2.0", release, "v1.2.0"));
            assertEquals("tag v1.2.0 already exists on commit " + base + ", not on " + release + ": delete it if it is"
                    + " stale (`git tag -d v1.2.0`, and `git push origin :refs/tags/v1.2.0` if it was pushed) or release"
                    + " another version", e.getMessage());
        }
        assertEquals(tagObject, repo.sha("refs/tags/v1.2.0"));
    }

    @Test
    void refusesAnInvalidTagName() {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            assertThrows(IllegalArgumentException.class, () -> git.createAnnotatedTag("v1..2", base, "x"));
            assertThrows(IllegalArgumentException.class, () -> git.createAnnotatedTag("v1 2", base, "x"));
        }
        assertEquals("", repo.git("tag"));
    }

    private void deleteFile(String relativePath) {
        assertTrue(new File(repo.dir().toFile(), relativePath).delete());
    }

    /** JGit without the machine's ~/.gitconfig, system config or GIT_AUTHOR_/GIT_COMMITTER_ variables. */
    private SystemReader withoutUserOrSystemConfig(SystemReader original) {
        File none = tmp.resolve("no-such-config").toFile();
        return new SystemReader.Delegate(original) {
            @Override
            public FileBasedConfig openUserConfig(Config parent, FS fs) {
                return new FileBasedConfig(parent, none, fs);
            }

            @Override
            public FileBasedConfig openSystemConfig(Config parent, FS fs) {
                return new FileBasedConfig(parent, none, fs);
            }

            @Override
            public String getenv(String variable) {
                return variable.startsWith("GIT_AUTHOR_") || variable.startsWith("GIT_COMMITTER_") ? null : super.getenv(variable);
            }
        };
    }
}
