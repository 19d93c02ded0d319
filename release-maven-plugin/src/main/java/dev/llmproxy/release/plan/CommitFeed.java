package dev.llmproxy.release.plan;

import dev.llmproxy.release.commits.ConventionalCommit;
import dev.llmproxy.release.commits.MessageSplitter;
import dev.llmproxy.release.git.GitRepo;
import dev.llmproxy.release.git.RawCommit;
import dev.llmproxy.release.notes.NotesBuilder;
import java.util.List;
import java.util.function.Consumer;

/**
 * One commit read from history into the notes and the bump decision (issue #12, items 1 and 3):
 * its changes as release-please reads them ({@link MessageSplitter}), and, for a merge whose subject
 * is a Conventional Commit, that merge as the one entry of its branch.
 */
final class CommitFeed {

    private CommitFeed() {}

    /**
     * @param git the repository (asked for a merge's branch commits only when the merge has a
     *     Conventional subject)
     * @param raw the commit as walked
     * @param notes receives every change, and a conventional merge standing for its branch
     * @param decision receives every change as the bump counts it (a merge itself never counts)
     */
    static void feed(GitRepo git, RawCommit raw, NotesBuilder notes, Consumer<ConventionalCommit> decision) {
        List<ConventionalCommit> changes = MessageSplitter.parse(raw.sha(), raw.message(), raw.parentCount());
        for (ConventionalCommit change : changes) {
            notes.add(change);
            decision.accept(change);
        }
        if (raw.parentCount() > 1 && !changes.isEmpty()) {
            MessageSplitter.conventionalMerge(changes.get(0)).ifPresent(merge -> {
                notes.add(merge);
                notes.standFor(git.branchCommits(raw.sha()));
            });
        }
    }
}
