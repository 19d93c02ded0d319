package dev.llmproxy.release.steps;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.git.GitRepo;
import dev.llmproxy.release.git.PushFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * After a rejected push the repository goes back to how it was before the run, or the message says
 * exactly how to get there (docs/release.md, "When the push is refused").
 */
final class PushUndo {
    private PushUndo() {}

    /**
     * Undoes what this run made locally (its tag, its commits) when nothing else changed since: HEAD
     * is still the last commit it made and no tracked file differs from it. Otherwise nothing is
     * touched and the commands are returned.
     *
     * @param git the repository
     * @param tag the release tag
     * @param tagCreated whether this run created the tag
     * @param before HEAD before this run's commits
     * @param made HEAD after this run's commits (equal to {@code before} when it made none)
     * @return one clause for the push failure's message: what was undone, or the commands to run
     */
    static String undo(GitRepo git, String tag, boolean tagCreated, String before, String made) {
        boolean committed = !before.equals(made);
        if (!tagCreated && !committed) {
            return "this run made no local commit or tag";
        }
        if (git.headSha().equals(made) && git.changedTrackedFiles().isEmpty()) {
            try {
                if (tagCreated) {
                    git.deleteTag(tag);
                }
                if (committed) {
                    git.resetHard(before);
                }
                return (committed ? "the release commit" + (tagCreated ? " and the local tag " + tag + " were" : " was") + " undone"
                        : "the local tag " + tag + " was removed") + ", so the repository is as before the run (HEAD at "
                        + before.substring(0, 7) + ")";
            } catch (ReleaseException e) {
                return "undoing failed (" + e.getMessage() + "): to undo the release locally run " + commands(tag, tagCreated, before, committed);
            }
        }
        return "the repository changed during the run, so nothing was undone: to undo the release locally run "
                + commands(tag, tagCreated, before, committed);
    }

    /**
     * Before pushing an existing release tag: the remote must not have it at another commit.
     *
     * @throws PushFailure naming both commits and the fix
     */
    static void requireSameTagOnRemote(GitRepo git, String remote, String tag, Optional<String> token) {
        Optional<String> there = git.remoteTagCommit(remote, tag, token);
        String here = git.tagTarget(tag).orElse("(none)");
        if (there.isPresent() && !there.get().equals(here)) {
            throw PushFailure.tagElsewhere(tag, remote, there.get(), here);
        }
    }

    private static String commands(String tag, boolean tagCreated, String before, boolean committed) {
        List<String> commands = new ArrayList<>();
        if (tagCreated) {
            commands.add("git tag -d " + tag);
        }
        if (committed) {
            commands.add("git reset --hard " + before);
        }
        return "`" + String.join(" && ", commands) + "` (reset discards uncommitted changes: stash them first)";
    }
}
