package dev.llmproxy.release.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmproxy.release.git.GitRepo;
import dev.llmproxy.release.git.PushFailure;
import dev.llmproxy.release.git.TestRepos;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PushUndo} on a real repository: what a run made locally is undone only when nothing else
 * changed since, and every message says what happened or the exact commands.
 */
class PushUndoTest {
    private static final String TAG = "v1.5.0";

    @TempDir
    java.nio.file.Path dir;

    private TestRepos repo;
    private String before;

    @BeforeEach
    void setUp() {
        repo = TestRepos.nr(dir.resolve("repo"));
        repo.write("a.txt", "a\n");
        repo.git("add", "a.txt");
        repo.c("-m", "feat: a");
        before = repo.sha("HEAD");
    }

    private GitRepo git() {
        return GitRepo.open(repo.dir());
    }

    private String release(boolean tag) {
        repo.write("a.txt", "released\n");
        repo.c("-am", "chore: release 1.5.0");
        if (tag) {
            repo.ta(TAG);
        }
        return repo.sha("HEAD");
    }

    @Test
    void aRunThatMadeNothingUndoesNothing() {
        assertEquals("this run made no local commit or tag", PushUndo.undo(git(), TAG, false, before, before));
        assertEquals(before, repo.sha("HEAD"));
    }

    @Test
    void theReleaseCommitAndTagAreUndone() {
        String made = release(true);

        assertEquals("the release commit and the local tag v1.5.0 were undone, so the repository is as before the run"
                + " (HEAD at " + before.substring(0, 7) + ")", PushUndo.undo(git(), TAG, true, before, made));

        assertEquals(before, repo.sha("HEAD"));
        assertEquals("", repo.git("tag", "-l", TAG));
        assertEquals("", repo.git("status", "--porcelain"));
    }

    @Test
    void aReleaseCommitWithoutATagOfThisRunIsUndoneAndAnOlderTagStays() {
        String made = release(true);

        assertEquals("the release commit was undone, so the repository is as before the run (HEAD at "
                + before.substring(0, 7) + ")", PushUndo.undo(git(), TAG, false, before, made));

        assertEquals(before, repo.sha("HEAD"));
        assertEquals(made, repo.sha(TAG + "^{commit}"), "a tag this run did not make is kept");
    }

    @Test
    void aTagMadeOnAnExistingCommitIsRemovedAndHeadStays() {
        repo.ta(TAG);

        assertEquals("the local tag v1.5.0 was removed, so the repository is as before the run (HEAD at "
                + before.substring(0, 7) + ")", PushUndo.undo(git(), TAG, true, before, before));

        assertEquals(before, repo.sha("HEAD"));
        assertEquals("", repo.git("tag", "-l", TAG));
    }

    @Test
    void aChangedTrackedFileOrAMovedHeadLeavesEverythingAndGivesTheCommands() {
        String made = release(true);
        repo.write("a.txt", "edited during the push\n");

        assertEquals("the repository changed during the run, so nothing was undone: to undo the release locally run"
                + " `git tag -d v1.5.0 && git reset --hard " + before + "` (reset discards uncommitted changes: stash them"
                + " first)", PushUndo.undo(git(), TAG, true, before, made));
        assertEquals(made, repo.sha("HEAD"));
        assertEquals(made, repo.sha(TAG + "^{commit}"));

        repo.git("checkout", "--", "a.txt");
        repo.c("--allow-empty", "-m", "docs: someone else's commit");
        String moved = repo.sha("HEAD");
        assertEquals("the repository changed during the run, so nothing was undone: to undo the release locally run"
                + " `git reset --hard " + before + "` (reset discards uncommitted changes: stash them first)",
                PushUndo.undo(git(), TAG, false, before, made));
        assertEquals(moved, repo.sha("HEAD"));
    }

    @Test
    void whenUndoingFailsTheMessageSaysWhyAndGivesTheCommands() {
        String made = release(false);
        String unknown = "0".repeat(40);

        String message = PushUndo.undo(git(), TAG, false, unknown, made);

        assertEquals("undoing failed (cannot reset the branch to " + unknown + ": ", message.substring(0,
                ("undoing failed (cannot reset the branch to " + unknown + ": ").length()));
        assertEquals(" (reset discards uncommitted changes: stash them first)", message.substring(message.lastIndexOf(" (")));
        assertEquals(true, message.contains("): to undo the release locally run `git reset --hard " + unknown + "`"), message);
        assertEquals(made, repo.sha("HEAD"));
    }

    @Test
    void anExistingTagMayBePushedOnlyWhenTheRemoteHasItAtTheSameCommitOrNotAtAll() {
        TestRepos origin = TestRepos.bare(dir.resolve("origin.git"));
        repo.git("remote", "add", "origin", origin.dir().toString());
        repo.ta(TAG);

        PushUndo.requireSameTagOnRemote(git(), "origin", TAG, Optional.empty());
        repo.git("push", "-q", "origin", "refs/tags/" + TAG);
        PushUndo.requireSameTagOnRemote(git(), "origin", TAG, Optional.empty());

        String elsewhere = release(false);
        repo.git("tag", "-f", "-a", TAG, "-m", TAG);
        String here = repo.sha(TAG + "^{commit}");
        assertEquals(elsewhere, here);
        PushFailure e = assertThrows(PushFailure.class,
                () -> PushUndo.requireSameTagOnRemote(git(), "origin", TAG, Optional.empty()));
        assertEquals(PushFailure.tagElsewhere(TAG, "origin", before, here).getMessage(), e.getMessage());
    }
}
