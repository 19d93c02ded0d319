package dev.llmproxy.release.plan;

import dev.llmproxy.release.commits.ConventionalCommit;
import dev.llmproxy.release.commits.MessageSplitter;
import dev.llmproxy.release.git.GitRepo;
import dev.llmproxy.release.git.RawCommit;
import dev.llmproxy.release.notes.NotesBuilder;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The commits of one range read from history into the notes and the bump decision (issue #12, items
 * 1 and 3): each commit's changes as release-please reads them ({@link MessageSplitter}), and a
 * merge whose subject is a Conventional Commit, made on the released branch's first-parent line, as
 * the one entry of its branch. Merges elsewhere (main merged into a feature branch) stand for nothing.
 */
final class CommitFeed {
    private final GitRepo git;
    private final String fromExclusiveSha;
    private final String toSha;
    /** Read on the first conventional merge only: most ranges have none. */
    private Set<String> firstParentLine;

    /**
     * @param git the repository
     * @param fromExclusiveSha the range's start (excluded), or null for the whole history
     * @param toSha the range's end
     */
    CommitFeed(GitRepo git, String fromExclusiveSha, String toSha) {
        this.git = git;
        this.fromExclusiveSha = fromExclusiveSha;
        this.toSha = toSha;
    }

    /**
     * @param raw one commit of the range, as walked
     * @param notes receives every change, and a conventional merge standing for its branch
     * @param decision receives every change as the bump counts it (a merge itself never counts)
     */
    void feed(RawCommit raw, NotesBuilder notes, Consumer<ConventionalCommit> decision) {
        List<ConventionalCommit> changes = MessageSplitter.parse(raw.sha(), raw.message(), raw.parentCount());
        for (ConventionalCommit change : changes) {
            notes.add(change);
            decision.accept(change);
        }
        if (raw.parentCount() > 1 && !changes.isEmpty()) {
            MessageSplitter.conventionalMerge(changes.get(0)).filter(merge -> onFirstParentLine(raw.sha())).ifPresent(merge -> {
                notes.add(merge);
                notes.standFor(git.branchCommits(raw.sha()));
            });
        }
    }

    private boolean onFirstParentLine(String sha) {
        if (firstParentLine == null) {
            firstParentLine = git.firstParentLine(fromExclusiveSha, toSha);
        }
        return firstParentLine.contains(sha);
    }
}
