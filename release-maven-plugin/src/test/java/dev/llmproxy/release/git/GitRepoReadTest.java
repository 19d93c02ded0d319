package dev.llmproxy.release.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.ReleaseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a repository: opening, HEAD, tags, reachability, history walks. */
class GitRepoReadTest {

    @TempDir
    Path tmp;

    @Test
    void opensFromAnySubdirectoryAndReportsTheWorkTreeRoot() throws Exception {
        TestRepos repo = TestRepos.nr(tmp.resolve("r"));
        String head = repo.c("-m", "feat: a");
        Path sub = Files.createDirectories(repo.dir().resolve("module/src"));

        try (GitRepo git = GitRepo.open(sub)) {
            assertEquals(repo.dir().toRealPath(), git.workTree().toRealPath());
            assertEquals(head, git.headSha());
            assertEquals(Optional.of("main"), git.currentBranch());
        }
    }

    @Test
    void readsAFileAsHeadHasItNotAsTheWorkTreeHasIt() throws Exception {
        TestRepos repo = TestRepos.nr(tmp.resolve("r"));
        repo.write("core/pom.xml", "<project/>\n");
        repo.git("add", "-A");
        repo.c("-m", "chore: init");
        repo.write("core/pom.xml", "<project>edited</project>\n");

        try (GitRepo git = GitRepo.open(repo.dir())) {
            assertEquals("<project/>\n", new String(git.readAtHead("core/pom.xml").orElseThrow(), "UTF-8"));
            assertTrue(git.readAtHead("web/pom.xml").isEmpty());
        }
    }

    @Test
    void refusesADirectoryOutsideAnyRepository() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));

        ReleaseException e = assertThrows(ReleaseException.class, () -> GitRepo.open(plain));

        assertEquals("not a git repository: " + plain.toAbsolutePath()
                + " (run inside a clone of the project, or point to one)", e.getMessage());
    }

    @Test
    void refusesABareRepository() {
        TestRepos bare = TestRepos.bare(tmp.resolve("origin.git"));

        ReleaseException e = assertThrows(ReleaseException.class, () -> GitRepo.open(bare.dir()));

        assertTrue(e.getMessage().contains("is a bare repository"), e.getMessage());
    }

    @Test
    void opensALinkedWorktreeOnItsOwnBranch() {
        TestRepos repo = TestRepos.nr(tmp.resolve("r"));
        repo.c("-m", "feat: a");
        repo.git("worktree", "add", "-q", "-b", "side", tmp.resolve("side").toString());
        String sideHead = TestRepos.at(tmp.resolve("side")).c("-m", "fix: on side");

        try (GitRepo git = GitRepo.open(tmp.resolve("side"))) {
            assertEquals(sideHead, git.headSha());
            assertEquals(Optional.of("side"), git.currentBranch());
            git.requireCompleteHistory();
        }
    }

    @Test
    void detachedHeadHasNoBranch() {
        TestRepos repo = TestRepos.nr(tmp.resolve("r"));
        String first = repo.c("-m", "feat: a");
        repo.c("-m", "feat: b");
        repo.git("checkout", "-q", "--detach", first);

        try (GitRepo git = GitRepo.open(repo.dir())) {
            assertEquals(Optional.empty(), git.currentBranch());
            assertEquals(first, git.headSha());
        }
    }

    @Test
    void aRepositoryWithoutCommitsHasNoHead() {
        TestRepos repo = TestRepos.nr(tmp.resolve("r"));

        try (GitRepo git = GitRepo.open(repo.dir())) {
            ReleaseException e = assertThrows(ReleaseException.class, git::headSha);
            assertTrue(e.getMessage().contains("has no commits yet"), e.getMessage());
            assertEquals(Optional.of("main"), git.currentBranch());
            assertEquals(List.of(), git.tags());
        }
    }

    @Test
    void readsAnnotatedLightweightAndNestedTagsMadeWithTheGitCommandLine() {
        TestRepos repo = TestRepos.nr(tmp.resolve("r"));
        String first = repo.c("-m", "feat: a");
        repo.ta("v1.0.0");
        String second = repo.c("-m", "fix: b");
        repo.tl("v1.0.1");
        repo.git("tag", "-a", "-m", "tag of a tag", "v1.0.1-signed-off", "v1.0.0");
        repo.git("tag", "tree-tag", "HEAD^{tree}");

        try (GitRepo git = GitRepo.open(repo.dir())) {
            assertEquals(
                    List.of(
                            new TagRef("v1.0.0", first, true),
                            new TagRef("v1.0.1", second, false),
                            new TagRef("v1.0.1-signed-off", first, true)),
                    git.tags());
            assertEquals(Optional.of(first), git.tagTarget("v1.0.0"));
            assertEquals(Optional.of(second), git.tagTarget("v1.0.1"));
            assertEquals(Optional.empty(), git.tagTarget("v9.9.9"));
        }
    }

    @Test
    void readsTagsMadeWithJGitIncludingPackedRefs() throws Exception {
        Path dir = tmp.resolve("jgit");
        RevCommit first;
        RevCommit second;
        try (Git jgit = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            PersonIdent dev = new PersonIdent("Dev", "dev@example.com");
            first = jgit.commit().setMessage("feat: a").setAuthor(dev).setCommitter(dev).setAllowEmpty(true).setSign(false).call();
            jgit.tag().setName("v0.9.0").setObjectId(first).setAnnotated(false).call();
            second = jgit.commit().setMessage("feat: b").setAuthor(dev).setCommitter(dev).setAllowEmpty(true).setSign(false).call();
            jgit.tag().setName("v0.10.0").setObjectId(second).setAnnotated(true).setMessage("v0.10.0").setTagger(dev).setSigned(false).call();
        }
        TestRepos.at(dir).git("pack-refs", "--all");

        try (GitRepo git = GitRepo.open(dir)) {
            assertEquals(
                    List.of(new TagRef("v0.10.0", second.name(), true), new TagRef("v0.9.0", first.name(), false)),
                    git.tags());
        }
    }

    @Test
    void reachabilityFollowsMergesAndIgnoresOtherBranches() {
        MergedHistory h = mergedHistory();

        try (GitRepo git = GitRepo.open(h.repo().dir())) {
            assertTrue(git.isAncestor(h.root(), h.merge()));
            assertTrue(git.isAncestor(h.feature(), h.merge()));
            assertTrue(git.isAncestor(h.merge(), h.merge()));
            assertFalse(git.isAncestor(h.unmerged(), h.merge()));
            assertFalse(git.isAncestor(h.merge(), h.root()));
            ReleaseException e = assertThrows(ReleaseException.class,
                    () -> git.isAncestor("0000000000000000000000000000000000000001", h.merge()));
            assertTrue(e.getMessage().startsWith("unknown commit '0000000000000000000000000000000000000001'"), e.getMessage());
        }
    }

    /** Case V2 (versions.md): the commits after v0.9.0 and after v0.10.0, newest first. */
    @Test
    void walksTheRangeAfterATagNewestFirstWithAllFields() {
        TestRepos repo = TestRepos.nr(tmp.resolve("r"));
        repo.c("-m", "feat: new");
        repo.ta("v0.1.0");
        repo.c("-m", "fix: whatever");
        repo.ta("v0.9.0");
        String stuff = repo.c("-m", "feat: stuff");
        repo.ta("v0.10.0");
        String y = repo.c("-m", "fix: y", "-m", "Body line.\n\nRefs: #7");

        try (GitRepo git = GitRepo.open(repo.dir())) {
            assertEquals(
                    List.of(new RawCommit(y, "fix: y\n\nBody line.\n\nRefs: #7\n", 1, "Dev", "dev@example.com", commitTime(repo, y))),
                    walk(git, git.tagTarget("v0.10.0").orElseThrow(), git.headSha()));
            assertEquals(
                    List.of(new RawCommit(stuff, "feat: stuff\n", 1, "Dev", "dev@example.com", commitTime(repo, stuff))),
                    walk(git, git.tagTarget("v0.9.0").orElseThrow(), "v0.10.0"));
        }
    }

    @Test
    void walksWholeHistoryWithMergesRootAndBothSidesOfABranch() {
        MergedHistory h = mergedHistory();

        try (GitRepo git = GitRepo.open(h.repo().dir())) {
            List<RawCommit> all = walk(git, null, h.merge());
            assertEquals(List.of(h.merge(), h.main(), h.feature(), h.root()), all.stream().map(RawCommit::sha).toList());
            assertEquals(List.of(2, 1, 1, 0), all.stream().map(RawCommit::parentCount).toList());
            assertEquals(List.of(h.merge(), h.main(), h.feature()), walk(git, h.root(), h.merge()).stream().map(RawCommit::sha).toList());
            assertEquals(List.of(h.merge(), h.feature()), walk(git, h.main(), h.merge()).stream().map(RawCommit::sha).toList());
        }
    }

    @Test
    void aLongHistoryStreamsEveryCommitOnceInOrder() {
        TestRepos repo = TestRepos.nr(tmp.resolve("r"));
        repo.fastImport(5_000, i -> "fix: change " + i + "\n\n" + "body ".repeat(50));

        try (GitRepo git = GitRepo.open(repo.dir())) {
            List<String> subjects = new ArrayList<>();
            git.walk(null, "HEAD", c -> subjects.add(c.message().lines().findFirst().orElseThrow()));
            assertEquals(5_000, subjects.size());
            assertEquals("fix: change 4999", subjects.get(0));
            assertEquals("fix: change 0", subjects.get(4_999));
        }
    }

    @Test
    void anExceptionFromTheSinkEndsTheWalkUnchanged() {
        TestRepos repo = TestRepos.nr(tmp.resolve("r"));
        repo.c("-m", "feat: a");
        repo.c("-m", "feat: b");
        IllegalStateException stop = new IllegalStateException("stop");

        try (GitRepo git = GitRepo.open(repo.dir())) {
            List<String> seen = new ArrayList<>();
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> git.walk(null, "HEAD", c -> {
                seen.add(c.message());
                throw stop;
            }));
            assertSame(stop, thrown);
            assertEquals(List.of("feat: b\n"), seen);
        }
    }

    @Test
    void walkingFromAnUnknownCommitIsAReleaseException() {
        TestRepos repo = TestRepos.nr(tmp.resolve("r"));
        repo.c("-m", "feat: a");

        try (GitRepo git = GitRepo.open(repo.dir())) {
            ReleaseException e = assertThrows(ReleaseException.class, () -> git.walk("no-such-ref", "HEAD", c -> {}));
            assertTrue(e.getMessage().startsWith("unknown commit 'no-such-ref'"), e.getMessage());
        }
    }

    @Test
    void changedTrackedFilesListsModifiedStagedDeletedButNotUntracked() {
        TestRepos repo = TestRepos.nr(tmp.resolve("r"));
        repo.write("pom.xml", "<project/>\n");
        repo.write("README.md", "readme\n");
        repo.write("gone.txt", "x\n");
        repo.git("add", ".");
        repo.c("-m", "feat: files");

        try (GitRepo git = GitRepo.open(repo.dir())) {
            assertEquals(List.of(), git.changedTrackedFiles());

            repo.write("pom.xml", "<project>changed</project>\n");
            repo.write("staged.txt", "new\n");
            repo.git("add", "staged.txt");
            repo.git("rm", "-q", "gone.txt");
            repo.write("untracked.txt", "not added\n");

            assertEquals(List.of("gone.txt", "pom.xml", "staged.txt"), git.changedTrackedFiles());
        }
    }

    @Test
    void walkTellsWhetherTheStartOfTheRangeIsAnAncestorOfItsEnd() {
        MergedHistory h = mergedHistory();

        try (GitRepo git = GitRepo.open(h.repo().dir())) {
            assertTrue(git.walk(h.root(), h.merge(), c -> {}));
            assertTrue(git.walk(h.feature(), h.merge(), c -> {}), "reached through the merge's second parent");
            assertTrue(git.walk(h.merge(), h.merge(), c -> {}), "a commit is its own ancestor");
            assertTrue(git.walk(null, h.merge(), c -> {}));
            List<String> streamed = new ArrayList<>();
            assertFalse(git.walk(h.unmerged(), h.merge(), c -> streamed.add(c.sha())));
            assertEquals(List.of(h.merge(), h.main(), h.feature()), streamed, "the range is still from..to");
            assertFalse(git.walk(h.main(), h.feature(), c -> {}));
        }
    }

    private record MergedHistory(TestRepos repo, String root, String feature, String unmerged, String main, String merge) {}

    /** root; branch feature (merged into main with --no-ff); branch unmerged (never merged); main. */
    private MergedHistory mergedHistory() {
        TestRepos repo = TestRepos.nr(tmp.resolve("r"));
        String root = repo.c("-m", "feat: root");
        repo.git("checkout", "-q", "-b", "feature");
        String feature = repo.c("-m", "feat: on feature");
        repo.git("checkout", "-q", "-b", "unmerged", root);
        String unmerged = repo.c("-m", "feat: never merged");
        repo.git("checkout", "-q", "main");
        String main = repo.c("-m", "fix: on main");
        repo.git("merge", "-q", "--no-ff", "-m", "Merge branch 'feature'", "feature");
        return new MergedHistory(repo, root, feature, unmerged, main, repo.sha("HEAD"));
    }

    private static List<RawCommit> walk(GitRepo git, String from, String to) {
        List<RawCommit> commits = new ArrayList<>();
        git.walk(from, to, commits::add);
        return commits;
    }

    private static long commitTime(TestRepos repo, String sha) {
        return Long.parseLong(repo.git("log", "-1", "--format=%ct", sha));
    }
}
