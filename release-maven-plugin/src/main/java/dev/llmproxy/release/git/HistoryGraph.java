package dev.llmproxy.release.git;

import dev.llmproxy.release.ReleaseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The whole commit graph of a repository, read once, read-only, for questions about many points of
 * history at once (issue #12: replay of past releases and the full-history changelog).
 *
 * <p>{@link #load} walks every commit reachable from HEAD and from every tag exactly once, newest
 * first by committer time (git's default order), hands each message to a sink and keeps only the
 * shape of the graph: an index per commit, its SHA, its parents and its time. Ranges ({@code git log
 * from..to}) are then answered in memory by {@link #ancestors} without touching the repository, so
 * hundreds of releases cost one walk. Files of any commit are read from git objects ({@link
 * #fileAt}): no work tree is checked out. Nothing is ever written.
 *
 * <p>Not thread-safe; close it to release the repository.
 */
public final class HistoryGraph implements AutoCloseable {

    /**
     * One tag of the graph.
     *
     * @param name short name without {@code refs/tags/}
     * @param commit index of the commit it peels to ({@link #sha(int)})
     * @param epochSeconds the tagger time of an annotated tag, else the commit's committer time
     */
    public record Tag(String name, int commit, long epochSeconds) {}

    private final Repository repository;
    private final Path workTree;
    private final String[] shas;
    private final int[][] parents;
    private final long[] times;
    private final Map<String, Integer> index;
    private final List<Tag> tags;
    private final int head;
    /** Reads the files of {@link #fileAt}: one reader keeps its caches (pack windows, deltas) across commits. */
    private ObjectReader reader;

    private HistoryGraph(Repository repository, String[] shas, int[][] parents, long[] times, Map<String, Integer> index,
            List<Tag> tags, int head) {
        this.repository = repository;
        this.workTree = repository.isBare() ? repository.getDirectory().toPath() : repository.getWorkTree().toPath();
        this.shas = shas;
        this.parents = parents;
        this.times = times;
        this.index = index;
        this.tags = List.copyOf(tags);
        this.head = head;
    }

    /**
     * Opens the repository containing {@code dir} and reads its graph in one walk.
     *
     * @param dir the work tree root or any directory below it
     * @param sink receives every commit once, newest first, with its index in this graph (0 is the
     *     newest); an exception it throws ends the load and propagates
     * @return the graph; close it when done
     * @throws ReleaseException when there is no repository, it has no commit, or history is missing
     *     (shallow clone)
     */
    public static HistoryGraph load(Path dir, CommitSink sink) {
        Path start = dir.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(start.toFile());
        if (!Files.isDirectory(start) || builder.getGitDir() == null) {
            throw new ReleaseException("not a git repository: " + start + " (run inside a clone of the project, or point to one)");
        }
        Repository repository;
        try {
            repository = builder.setMustExist(true).build();
        } catch (IOException | IllegalArgumentException e) {
            throw new ReleaseException("cannot open the git repository at " + builder.getGitDir() + ": " + e.getMessage()
                    + " (check that it is a valid clone)", e);
        }
        try {
            return read(repository, sink);
        } catch (RuntimeException e) {
            repository.close();
            throw e;
        }
    }

    /** Receives the commits of {@link #load}. */
    @FunctionalInterface
    public interface CommitSink {
        /**
         * @param index the commit's index in the graph (0 = newest)
         * @param commit the commit with its full message
         */
        void accept(int index, RawCommit commit);
    }

    private static HistoryGraph read(Repository repository, CommitSink sink) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.sort(RevSort.COMMIT_TIME_DESC);
            List<Ref> tagRefs = repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS);
            List<RevCommit> tagCommits = new ArrayList<>();
            List<String> tagNames = new ArrayList<>();
            List<Long> tagTimes = new ArrayList<>();
            for (Ref ref : tagRefs) {
                if (ref.getObjectId() == null) {
                    continue;
                }
                RevObject target = walk.parseAny(ref.getObjectId());
                RevObject peeled = walk.peel(target);
                if (peeled instanceof RevCommit commit) {
                    PersonIdent tagger = target instanceof RevTag tag ? tag.getTaggerIdent() : null;
                    tagCommits.add(commit);
                    tagNames.add(ref.getName().substring(Constants.R_TAGS.length()));
                    tagTimes.add(tagger != null ? tagger.getWhenAsInstant().getEpochSecond() : commit.getCommitTime());
                    walk.markStart(commit);
                }
            }
            ObjectId headId = repository.resolve(Constants.HEAD + "^{commit}");
            if (headId == null && tagCommits.isEmpty()) {
                throw new ReleaseException("the repository at " + repository.getDirectory() + " has no commits yet: commit the"
                        + " project first, then rerun");
            }
            if (headId != null) {
                walk.markStart(walk.parseCommit(headId));
            }
            List<RevCommit> order = new ArrayList<>();
            Map<String, Integer> index = new HashMap<>();
            for (RevCommit commit = walk.next(); commit != null; commit = walk.next()) {
                int i = order.size();
                order.add(commit);
                index.put(commit.name(), i);
                PersonIdent author = commit.getAuthorIdent();
                sink.accept(i, new RawCommit(commit.name(), commit.getFullMessage(), commit.getParentCount(),
                        author == null ? "" : author.getName(), author == null ? "" : author.getEmailAddress(),
                        commit.getCommitTime()));
                commit.disposeBody();
            }
            int n = order.size();
            String[] shas = new String[n];
            int[][] parents = new int[n][];
            long[] times = new long[n];
            for (int i = 0; i < n; i++) {
                RevCommit c = order.get(i);
                shas[i] = c.name();
                times[i] = c.getCommitTime();
                int[] p = new int[c.getParentCount()];
                for (int j = 0; j < p.length; j++) {
                    Integer at = index.get(c.getParent(j).name());
                    if (at == null) {
                        throw new ReleaseException("commit " + c.getParent(j).name() + " is missing (shallow or incomplete"
                                + " clone): run `git fetch --unshallow --tags`, then rerun");
                    }
                    p[j] = at;
                }
                parents[i] = p;
            }
            List<Tag> tags = new ArrayList<>();
            for (int t = 0; t < tagNames.size(); t++) {
                tags.add(new Tag(tagNames.get(t), index.get(tagCommits.get(t).name()), tagTimes.get(t)));
            }
            tags.sort(Comparator.comparing(Tag::name));
            return new HistoryGraph(repository, shas, parents, times, index, tags,
                    headId == null ? -1 : index.get(headId.name()));
        } catch (MissingObjectException e) {
            throw new ReleaseException("commit " + e.getObjectId().name() + " is missing (shallow or incomplete clone): run"
                    + " `git fetch --unshallow --tags`, then rerun", e);
        } catch (IOException e) {
            throw new ReleaseException("cannot read history in " + repository.getDirectory() + ": " + e.getMessage(), e);
        }
    }

    /** @return the number of commits */
    public int size() {
        return shas.length;
    }

    /** @return the work tree root (the git directory of a bare repository) */
    public Path workTree() {
        return workTree;
    }

    /** @return the index of HEAD's commit, or -1 when HEAD names no commit */
    public int head() {
        return head;
    }

    /** @return every tag that names a commit, sorted by name */
    public List<Tag> tags() {
        return tags;
    }

    /** @param commit an index; @return its full 40-hex SHA-1 */
    public String sha(int commit) {
        return shas[commit];
    }

    /** @param commit an index; @return its committer time in seconds since the epoch */
    public long time(int commit) {
        return times[commit];
    }

    /** @param commit an index; @return the indexes of its parents in order (first parent first) */
    public int[] parents(int commit) {
        return parents[commit].clone();
    }

    /** @param sha a full SHA-1; @return its index, or empty when the commit is not in the graph */
    public Optional<Integer> indexOf(String sha) {
        return Optional.ofNullable(index.get(sha));
    }

    /**
     * Marks every ancestor of {@code commit}, itself included ({@code git rev-list commit}).
     *
     * @param commit an index, or -1 for none
     * @return a set over indexes: {@code result[i]} is true when commit {@code i} is reachable
     */
    public boolean[] ancestors(int commit) {
        boolean[] seen = new boolean[shas.length];
        if (commit < 0) {
            return seen;
        }
        int[] stack = new int[shas.length];
        int top = 0;
        stack[top++] = commit;
        seen[commit] = true;
        while (top > 0) {
            int c = stack[--top];
            for (int p : parents[c]) {
                if (!seen[p]) {
                    seen[p] = true;
                    stack[top++] = p;
                }
            }
        }
        return seen;
    }

    /**
     * The commits of {@code git log from..to}, newest first by committer time.
     *
     * @param reachableFromTo {@link #ancestors} of the range's end
     * @param reachableFromFrom {@link #ancestors} of the commit the range starts after ({@code
     *     ancestors(-1)} for the whole history)
     * @return indexes, ascending (so newest first)
     */
    public int[] range(boolean[] reachableFromTo, boolean[] reachableFromFrom) {
        int[] out = new int[shas.length];
        int n = 0;
        for (int i = 0; i < shas.length; i++) {
            if (reachableFromTo[i] && !reachableFromFrom[i]) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Reads a file as it was at a commit, from git objects.
     *
     * @param commit an index
     * @param path a repository-relative path with {@code /} separators
     * @return the file's text as UTF-8, or empty when the commit has no such file
     */
    public Optional<String> fileAt(int commit, String path) {
        return bytesAt(commit, path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * Reads a file as it was at a commit, from git objects.
     *
     * @param commit an index
     * @param path a repository-relative path with {@code /} separators
     * @return the file's bytes, or empty when the commit has no such file
     */
    public Optional<byte[]> bytesAt(int commit, String path) {
        if (reader == null) {
            reader = repository.newObjectReader();
        }
        try (RevWalk walk = new RevWalk(reader)) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(shas[commit]));
            try (TreeWalk tree = TreeWalk.forPath(reader, path, c.getTree())) {
                if (tree == null || (tree.getFileMode(0).getBits() & 0170000) != 0100000) {
                    return Optional.empty();
                }
                return Optional.of(reader.open(tree.getObjectId(0)).getBytes());
            }
        } catch (IOException e) {
            throw new ReleaseException("cannot read " + path + " at " + shas[commit] + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param remote a remote name
     * @return its configured URL, or empty
     */
    public Optional<String> remoteUrl(String remote) {
        return Optional.ofNullable(repository.getConfig().getString("remote", remote, "url"));
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
        repository.close();
    }
}
