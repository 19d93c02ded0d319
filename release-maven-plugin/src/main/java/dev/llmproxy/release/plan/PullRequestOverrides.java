package dev.llmproxy.release.plan;

import dev.llmproxy.release.commits.ConventionalCommit;
import dev.llmproxy.release.commits.MessageSplitter;
import dev.llmproxy.release.notes.IssueReferences;
import dev.llmproxy.release.notes.NotesBuilder;
import dev.llmproxy.release.notes.PullRequestInfo;
import dev.llmproxy.release.notes.PullRequestSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * release-please's {@code BEGIN_COMMIT_OVERRIDE} blocks in the bodies of merged pull requests, for the version
 * decision as for the notes (issue #12, item 1; docs/migrating.md "From release-please").
 *
 * <p>Only a range with a commit whose subject names its pull request the way GitHub's squash merge does ({@code
 * chore: x (#12)}) is looked at: override blocks come with squash merges, and other ranges cost no request. Online (a
 * repository, a token, GitHub not skipped), the planner then asks for the pull requests of the commits the notes
 * would look up anyway, once, and replaces every such commit whose pull request body holds an override by the
 * changes of the block, as {@link NotesBuilder} does for the entries; the notes read the same answer from {@link
 * #source()} without a second request. Offline, each commit's own message decides; when the project is configured
 * for release-please (its configuration file was read), one warning says that those pull request bodies were not
 * read and how to read them.
 */
final class PullRequestOverrides {
    private static final int NAMED_NUMBERS = 3;

    private final Remembering source;
    private final String offlineCause;

    private PullRequestOverrides(Remembering source, String offlineCause) {
        this.source = source;
        this.offlineCause = offlineCause;
    }

    /**
     * @param source the pull requests of the commits (GitHub), or null when GitHub is not read
     * @param settings the goal's settings, to name why GitHub is not read
     * @param repository owner/name, or null when unknown
     * @param releasePleaseConfigured whether a release-please configuration file was read: only then does an offline
     *     run warn that pull request bodies were not read
     * @return the overrides of one planning run
     */
    static PullRequestOverrides of(PullRequestSource source, ReleaseSettings settings, String repository,
            boolean releasePleaseConfigured) {
        if (source != null) {
            return new PullRequestOverrides(new Remembering(source), null);
        }
        return new PullRequestOverrides(null, releasePleaseConfigured ? offlineCause(settings, repository) : null);
    }

    /** @return overrides that read nothing and warn about nothing (the commits' own messages decide) */
    static PullRequestOverrides none() {
        return new PullRequestOverrides(null, null);
    }

    private static String offlineCause(ReleaseSettings settings, String repository) {
        if (settings.github().skip()) {
            return "release.github.skip is set";
        }
        if (repository == null) {
            return "no GitHub repository is known: set release.github.repository";
        }
        return "no GitHub token: set GITHUB_TOKEN or GH_TOKEN";
    }

    /** @return the pull requests for the notes (answers the planner's question again without a request), or null */
    PullRequestSource source() {
        return source;
    }

    /** @return whether the decision must keep the SHA of every commit, so that an override can replace it */
    boolean online() {
        return source != null;
    }

    /**
     * The decision's commits with the overrides of their pull requests applied.
     *
     * @param commits the range's commits as the decision keeps them, newest first (online: every one with its SHA)
     * @param notes the notes builder of the range: its {@link NotesBuilder#shas()} are the commits looked up
     * @param keep how the decision keeps a commit of an override block (e.g. without its body)
     * @param referenced the pull requests the range's squash-merged commits name
     * @param since the last release's tag, or null, for the warning
     * @return the commits to decide on, a suffix for the plan's reason, and the offline warning if any
     */
    Applied apply(List<ConventionalCommit> commits, NotesBuilder notes, UnaryOperator<ConventionalCommit> keep,
            References referenced, String since) {
        if (referenced.count() == 0) {
            return new Applied(commits, "", Optional.empty());
        }
        if (source == null) {
            return new Applied(commits, "", warning(referenced, since));
        }
        List<String> shas = notes.shas();
        Map<String, PullRequestInfo> pullRequests = shas.isEmpty() ? Map.of() : source.forCommits(shas);
        Map<String, String> blocks = new HashMap<>();
        pullRequests.forEach((sha, pr) -> {
            String block = MessageSplitter.overrideBlock(pr.body());
            if (block != null) {
                blocks.put(sha, block);
            }
        });
        if (blocks.isEmpty()) {
            return new Applied(commits, "", Optional.empty());
        }
        List<ConventionalCommit> applied = new ArrayList<>(commits.size());
        Set<String> replaced = new HashSet<>();
        Set<Integer> numbers = new TreeSet<>();
        for (ConventionalCommit commit : commits) {
            String block = blocks.get(commit.sha());
            if (block == null) {
                applied.add(commit);
            } else if (replaced.add(commit.sha())) {
                numbers.add(pullRequests.get(commit.sha()).number());
                MessageSplitter.parse(commit.sha(), block, 1).forEach(c -> applied.add(keep.apply(c)));
            }
        }
        return new Applied(applied, numbers.isEmpty() ? "" : "; " + overridden(numbers), Optional.empty());
    }

    private static String overridden(Set<Integer> numbers) {
        String which = numbers.size() == 1 ? "pull request " : "pull requests ";
        return "the body of " + which + hashes(numbers, numbers.size()) + " overrides "
                + (numbers.size() == 1 ? "its commit" : "their commits");
    }

    private Optional<String> warning(References referenced, String since) {
        if (offlineCause == null) {
            return Optional.empty();
        }
        int n = referenced.count();
        return Optional.of(n + (n == 1 ? " squash-merged commit" : " squash-merged commits")
                + (since == null ? "" : " since " + since) + " name" + (n == 1 ? "s its pull request (" : " their pull requests (")
                + hashes(referenced.first(), n) + "), whose body GitHub was not asked for: a release-please"
                + " BEGIN_COMMIT_OVERRIDE there does not count, " + (n == 1 ? "the commit's own message decides" : "the commits' own messages decide")
                + " the version (" + offlineCause + ")");
    }

    private static String hashes(Collection<Integer> numbers, int count) {
        List<String> named = numbers.stream().limit(NAMED_NUMBERS).map(n -> "#" + n).toList();
        return String.join(", ", named) + (count > named.size() ? ", ..." : "");
    }

    /** The pull requests a range's squash-merged commits name: how many, and the first few, newest first. */
    static final class References {
        private final List<Integer> first = new ArrayList<>(NAMED_NUMBERS);
        private int count;

        /** @param commit one change of the range, in walk order; counted when its subject ends in {@code (#N)} */
        void add(ConventionalCommit commit) {
            int number = commit.subject() == null ? 0 : IssueReferences.squashPullRequest(commit.subject());
            if (number != 0) {
                count++;
                if (first.size() < NAMED_NUMBERS) {
                    first.add(number);
                }
            }
        }

        /** @return how many changes of the range name a pull request */
        int count() {
            return count;
        }

        /** @return the first three numbers named, or fewer */
        List<Integer> first() {
            return first;
        }
    }

    /**
     * @param commits the commits to decide on, newest first
     * @param reasonSuffix appended to the plan's reason ({@code "; the body of pull request #31 overrides its
     *     commit"}), empty when no override applied
     * @param warning the offline warning, one line, or empty
     */
    record Applied(List<ConventionalCommit> commits, String reasonSuffix, Optional<String> warning) {}

    /** Asks each commit once: the notes ask again for the commits the decision asked for. */
    private static final class Remembering implements PullRequestSource {
        private final PullRequestSource delegate;
        private final Set<String> asked = new HashSet<>();
        private final Map<String, PullRequestInfo> found = new HashMap<>();

        Remembering(PullRequestSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, PullRequestInfo> forCommits(List<String> shas) {
            List<String> unasked = shas.stream().filter(sha -> !asked.contains(sha)).distinct().toList();
            if (!unasked.isEmpty()) {
                found.putAll(delegate.forCommits(unasked));
                asked.addAll(unasked);
            }
            Map<String, PullRequestInfo> answer = new LinkedHashMap<>();
            shas.stream().filter(found::containsKey).forEach(sha -> answer.put(sha, found.get(sha)));
            return answer;
        }
    }
}
