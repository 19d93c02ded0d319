package dev.llmproxy.release.git;

import dev.llmproxy.release.ReleaseException;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.EmptyCommitException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.lib.UserConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The git repository of the project being released: history and tags are read with JGit, the
 * release commit and annotated tag are written with JGit, and the push runs the {@code git} command
 * line (see {@link #pushAtomic}).
 *
 * <p>Every failure is a {@link ReleaseException} with one line naming the problem and the fix; no
 * JGit exception escapes. Environment variables such as {@code GIT_DIR} are ignored: the repository
 * is always the one that contains the directory given to {@link #open}.
 *
 * <p>Not thread-safe; open one instance per task and close it.
 */
public final class GitRepo implements AutoCloseable {

    private static final String FULL_HISTORY_FIX =
            "run `git fetch --unshallow --tags` (on GitHub Actions: actions/checkout with `fetch-depth: 0`), then rerun";
    private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/\\s]+@)?([^:/\\s]{2,}):(?!//)(.+)$");
    private static final Pattern URL_LIKE =
            Pattern.compile("^(?i:https?|ssh|git|git\\+ssh|ssh\\+git)://(?:[^@/\\s]+@)?([^/:\\s]+)(?::\\d+)?/(.+)$");
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final Repository repository;
    private final Git git;
    private final Path workTree;
    private String gitExecutable = "git";
    /**
     * The commits {@link #isAncestor} parsed (headers only, no bodies), kept for the next {@link
     * #walk}: finding the last release walks the same range that is then read, and JGit's parse of
     * each commit and its object map are most of a walk's cost. Released by {@link #walk}.
     */
    private RevWalk parsedHistory;

    private GitRepo(Repository repository) {
        this.repository = repository;
        this.git = new Git(repository);
        this.workTree = repository.getWorkTree().toPath();
    }

    /**
     * Opens the repository whose work tree contains {@code anyDirInsideWorkTree}, searching upwards
     * like {@code git} does (linked worktrees and {@code .git} files included).
     *
     * @param anyDirInsideWorkTree the work tree root or any directory below it
     * @return an open repository; close it when done
     * @throws ReleaseException when no repository with a work tree contains the directory (bare
     *     repositories are refused)
     */
    public static GitRepo open(Path anyDirInsideWorkTree) {
        Path dir = anyDirInsideWorkTree.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
        if (!Files.isDirectory(dir) || builder.getGitDir() == null) {
            throw new ReleaseException(
                    "not a git repository: " + dir + " (run inside a clone of the project, or point to one)");
        }
        Repository repository;
        try {
            repository = builder.setMustExist(true).build();
        } catch (IOException | IllegalArgumentException e) {
            throw new ReleaseException("cannot open the git repository at " + builder.getGitDir() + ": " + oneLine(e)
                    + " (check that it is a valid clone)", e);
        }
        if (repository.isBare()) {
            repository.close();
            throw new ReleaseException(
                    "not a git work tree: " + dir + " is a bare repository (run inside a clone with checked-out files)");
        }
        return new GitRepo(repository);
    }

    /** Uses another {@code git} program for {@link #pushAtomic}; for tests of a missing git. */
    GitRepo withGitExecutable(String executable) {
        this.gitExecutable = executable;
        return this;
    }

    /** @return the absolute root directory of the work tree */
    public Path workTree() {
        return workTree;
    }

    /**
     * @return the full 40-hex SHA-1 of the commit HEAD points at
     * @throws ReleaseException when the repository has no commit yet
     */
    public String headSha() {
        return resolveCommit(Constants.HEAD).name();
    }

    /**
     * @return the short name of the checked-out branch ({@code "main"}), or empty when HEAD is
     *     detached (as on a CI checkout of a tag or pull request)
     */
    public Optional<String> currentBranch() {
        try {
            String fullBranch = repository.getFullBranch();
            return fullBranch != null && fullBranch.startsWith(Constants.R_HEADS)
                    ? Optional.of(fullBranch.substring(Constants.R_HEADS.length()))
                    : Optional.empty();
        } catch (IOException e) {
            throw failure("read HEAD", e);
        }
    }

    /**
     * Refuses a repository whose history or tags are known to be incomplete, because the last
     * release would be missed and a wrong version proposed.
     *
     * <p>Detected: a shallow repository ({@code .git/shallow}, e.g. {@code git clone --depth 1} or the
     * default {@code actions/checkout}); a clone made with {@code --no-tags}, recognised by {@code
     * remote.<name>.tagOpt = --no-tags} on {@code origin} or on the current branch's remote (this also
     * covers {@code git clone --depth 50 --no-tags} of a history shorter than 50 commits, which is not
     * shallow). Not detectable offline, so not detected: tags deleted locally, tags created on the
     * remote after the last fetch, and a repository filled by {@code git fetch <remote> <branch>}
     * without tags; run {@code git fetch --tags} first when in doubt.
     *
     * @throws ReleaseException naming the problem and the command that fixes it
     */
    public void requireCompleteHistory() {
        int shallowCommits;
        try {
            shallowCommits = repository.getObjectDatabase().getShallowCommits().size();
        } catch (IOException e) {
            throw failure("read the shallow-clone state", e);
        }
        if (shallowCommits > 0 || Files.exists(repository.getCommonDirectory().toPath().resolve("shallow"))) {
            throw new ReleaseException("shallow clone: older history and release tags are missing, so the last release"
                    + " cannot be found: " + FULL_HISTORY_FIX);
        }
        StoredConfig config = repository.getConfig();
        Set<String> remotes = new LinkedHashSet<>();
        remotes.add(Constants.DEFAULT_REMOTE_NAME);
        currentBranch().map(branch -> config.getString("branch", branch, "remote")).ifPresent(remotes::add);
        for (String remote : remotes) {
            if ("--no-tags".equals(config.getString("remote", remote, "tagOpt"))) {
                throw new ReleaseException("remote " + remote + " is set to fetch no tags (remote." + remote
                        + ".tagOpt=--no-tags, from `git clone --no-tags`), so release tags may be missing: run `git config"
                        + " --unset remote." + remote + ".tagOpt && git fetch --tags " + remote
                        + "` (on GitHub Actions: actions/checkout with `fetch-depth: 0`), then rerun");
            }
        }
    }

    /**
     * Lists every tag that names a commit, annotated and lightweight alike, sorted by name. Tags of
     * trees or blobs are left out (they can never be releases).
     *
     * @return the tags with the commit each one peels to
     * @throws ReleaseException when a tag points at an object missing from the repository
     */
    public List<TagRef> tags() {
        List<TagRef> tags = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                String name = ref.getName().substring(Constants.R_TAGS.length());
                RevObject target = parseTag(walk, name, ref.getObjectId());
                RevObject peeled = walk.peel(target);
                if (peeled instanceof RevCommit) {
                    tags.add(new TagRef(name, peeled.name(), target instanceof RevTag));
                }
            }
        } catch (MissingObjectException e) {
            throw new ReleaseException("a tag points at a missing object " + e.getObjectId().name() + ": "
                    + FULL_HISTORY_FIX, e);
        } catch (IOException e) {
            throw failure("read tags", e);
        }
        tags.sort(Comparator.comparing(TagRef::name));
        return tags;
    }

    /**
     * Where a tag points.
     *
     * @param name the short tag name ({@code "v1.2.0"})
     * @return the full SHA-1 of the commit the tag peels to (for a tag of a tree or blob: that
     *     object's SHA-1), or empty when no such tag exists
     */
    public Optional<String> tagTarget(String name) {
        try (RevWalk walk = new RevWalk(repository)) {
            Ref ref = repository.exactRef(Constants.R_TAGS + name);
            if (ref == null) {
                return Optional.empty();
            }
            return Optional.of(walk.peel(parseTag(walk, name, ref.getObjectId())).name());
        } catch (IOException e) {
            throw failure("read tag " + name, e);
        }
    }

    /**
     * @param revision a commit SHA-1 (full or abbreviated), tag, branch or any revision git understands
     * @return the full SHA-1 of the commit it names (a tag peeled)
     * @throws ReleaseException when it names no commit of this repository
     */
    public String resolveCommitSha(String revision) {
        return resolveCommit(revision).name();
    }

    /**
     * @param ancestorSha a commit SHA-1 (full or abbreviated) or any revision git understands
     * @param descendantSha likewise
     * @return true when {@code ancestorSha} is reachable from {@code descendantSha} (a commit is its
     *     own ancestor), as {@code git merge-base --is-ancestor}
     * @throws ReleaseException when either commit is unknown
     */
    public boolean isAncestor(String ancestorSha, String descendantSha) {
        try {
            RevWalk walk = parsedHistory();
            return walk.isMergedInto(walk.parseCommit(resolveCommit(ancestorSha)), walk.parseCommit(resolveCommit(descendantSha)));
        } catch (MissingObjectException e) {
            throw missingHistory(e);
        } catch (IOException e) {
            throw failure("compare commits " + ancestorSha + " and " + descendantSha, e);
        }
    }

    /**
     * The commits a merge brought: reachable from its second and later parents but not from its
     * first, as {@code git log M^1..M} without {@code M} (issue #12, item 3: a merge with a
     * Conventional subject stands for them in the notes).
     *
     * @param mergeSha a commit's SHA; a commit with fewer than two parents brought none
     * @return full SHAs, newest first; empty for a non-merge
     * @throws ReleaseException when the commit is unknown or history is missing (shallow clone)
     */
    public List<String> branchCommits(String mergeSha) {
        return commitNames("read the branch of merge " + mergeSha, walk -> {
            RevCommit merge = walk.parseCommit(resolveCommit(mergeSha));
            if (merge.getParentCount() < 2) {
                return false;
            }
            walk.markUninteresting(walk.parseCommit(merge.getParent(0)));
            for (int i = 1; i < merge.getParentCount(); i++) {
                walk.markStart(walk.parseCommit(merge.getParent(i)));
            }
            return true;
        });
    }

    /**
     * The first-parent line of a range, as {@code git log --first-parent from..to}: the commits made
     * on, or merged into, the released branch itself.
     *
     * @param fromExclusiveSha the last release commit, or {@code null} for the whole history
     * @param toSha the newest commit
     * @return full SHAs, in no particular order
     * @throws ReleaseException when a commit is unknown or history is missing (shallow clone)
     */
    public Set<String> firstParentLine(String fromExclusiveSha, String toSha) {
        return new java.util.HashSet<>(commitNames("read the first-parent history of " + toSha, walk -> {
            walk.setFirstParent(true);
            walk.markStart(walk.parseCommit(resolveCommit(toSha)));
            if (fromExclusiveSha != null) {
                walk.markUninteresting(walk.parseCommit(resolveCommit(fromExclusiveSha)));
            }
            return true;
        }));
    }

    /** Prepares a walk of commit headers; false when there is nothing to walk. */
    @FunctionalInterface
    private interface WalkSetup {
        boolean prepare(RevWalk walk) throws IOException;
    }

    /** @return the full SHAs a freshly prepared walk yields, in walk order */
    private List<String> commitNames(String action, WalkSetup setup) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRetainBody(false);
            List<String> shas = new ArrayList<>();
            if (setup.prepare(walk)) {
                for (RevCommit commit = walk.next(); commit != null; commit = walk.next()) {
                    shas.add(commit.name());
                }
            }
            return shas;
        } catch (MissingObjectException e) {
            throw missingHistory(e);
        } catch (IOException e) {
            throw failure(action, e);
        }
    }

    private RevWalk parsedHistory() {
        if (parsedHistory == null) {
            parsedHistory = new RevWalk(repository);
            parsedHistory.setRetainBody(false); // it may walk the whole range: bodies are read again by walk, one at a time
        }
        return parsedHistory;
    }

    /**
     * Streams the commits reachable from {@code toSha} but not from {@code fromExclusiveSha}, newest
     * first by committer time (git's default {@code git log from..to} order), to {@code sink}, one at
     * a time: a message is released as soon as the sink returns, so memory does not grow with the
     * messages of a long history.
     *
     * @param fromExclusiveSha the last release commit (excluded with all its ancestors), or {@code
     *     null} for the whole history
     * @param toSha the newest commit to include (usually HEAD)
     * @param sink receives each commit; an exception it throws ends the walk and propagates unchanged
     * @return true when {@code fromExclusiveSha} is {@code toSha} or one of its ancestors (a streamed
     *     commit has it as a parent), so that the range is {@code git log from..to} of a release
     *     reachable from {@code toSha}; true when {@code fromExclusiveSha} is null
     * @throws ReleaseException when a commit is unknown or history is missing (shallow clone)
     */
    public boolean walk(String fromExclusiveSha, String toSha, Consumer<RawCommit> sink) {
        try (RevWalk walk = parsedHistory()) {
            parsedHistory = null;
            walk.reset();
            walk.setRetainBody(true);
            walk.sort(RevSort.COMMIT_TIME_DESC);
            RevCommit to = walk.parseCommit(resolveCommit(toSha));
            walk.markStart(to);
            RevCommit from = fromExclusiveSha == null ? null : walk.parseCommit(resolveCommit(fromExclusiveSha));
            if (from != null) {
                walk.markUninteresting(from);
            }
            boolean reached = from == null || from.equals(to);
            for (RevCommit commit = walk.next(); commit != null; commit = walk.next()) {
                walk.parseBody(commit); // parsed by isAncestor without its body
                for (int i = 0; i < commit.getParentCount() && !reached; i++) {
                    reached = commit.getParent(i).equals(from);
                }
                PersonIdent author = commit.getAuthorIdent();
                RawCommit raw = new RawCommit(
                        commit.name(),
                        commit.getFullMessage(),
                        commit.getParentCount(),
                        author == null ? "" : author.getName(),
                        author == null ? "" : author.getEmailAddress(),
                        commit.getCommitTime());
                commit.disposeBody();
                sink.accept(raw);
            }
            return reached;
        } catch (MissingObjectException e) {
            throw missingHistory(e);
        } catch (IOException e) {
            throw failure("read history", e);
        }
    }

    /**
     * Lists tracked files that differ from HEAD in the index or the work tree: modified, staged,
     * deleted, or in conflict. Untracked files are not listed: they cannot end up in the release
     * commit (which takes only the paths it is given), so they do not block a release.
     *
     * @return repository-relative paths with {@code /} separators, sorted; empty for a clean tree
     */
    public List<String> changedTrackedFiles() {
        Status status = status();
        Set<String> changed = new TreeSet<>();
        changed.addAll(status.getAdded());
        changed.addAll(status.getChanged());
        changed.addAll(status.getRemoved());
        changed.addAll(status.getModified());
        changed.addAll(status.getMissing());
        changed.addAll(status.getConflicting());
        return List.copyOf(changed);
    }

    /**
     * Deletes a local tag (undoing a tag this run created when its push was rejected, so no tag is
     * left dangling). A missing tag is not an error.
     *
     * @param name the short tag name
     * @throws ReleaseException when the ref cannot be deleted
     */
    public void deleteTag(String name) {
        try {
            git.tagDelete().setTags(Constants.R_TAGS + name).call();
        } catch (GitAPIException e) {
            throw new ReleaseException("cannot delete the local tag " + name + ": " + e.getMessage()
                    + " (delete it with git tag -d " + name + ")", e);
        }
    }

    /**
     * @param relativePath a path relative to the work tree root, {@code /} separators
     * @return the bytes of that file in HEAD's tree, or empty when HEAD has no such file
     * @throws ReleaseException when the repository cannot be read
     */
    public Optional<byte[]> readAtHead(String relativePath) {
        return readAt(Constants.HEAD, relativePath);
    }

    /**
     * @param revision a commit SHA, tag or ref ({@code HEAD})
     * @param relativePath a path relative to the work tree root, {@code /} separators
     * @return the bytes of that file in the commit's tree, or empty when it has no such file
     * @throws ReleaseException when the repository cannot be read
     */
    public Optional<byte[]> readAt(String revision, String relativePath) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(resolveCommit(revision));
            try (TreeWalk tree = TreeWalk.forPath(repository, relativePath, commit.getTree())) {
                return tree == null ? Optional.empty() : Optional.of(repository.open(tree.getObjectId(0)).getBytes());
            }
        } catch (IOException e) {
            throw failure("read " + relativePath + " at " + revision, e);
        }
    }

    /**
     * Of the given paths, those that differ from HEAD: modified, staged, deleted, or new and not yet
     * tracked (e.g. a first {@code CHANGELOG.md}). Used to commit exactly what a release changed.
     *
     * @param relativePaths paths relative to the work tree root, {@code /} separators
     * @return the changed ones, in the order given
     */
    public List<String> changedAmong(List<String> relativePaths) {
        Status status = status();
        Set<String> changed = new TreeSet<>(changedTrackedFiles());
        changed.addAll(status.getUntracked());
        return relativePaths.stream().filter(changed::contains).toList();
    }

    /**
     * Commits exactly {@code relativePaths} (their work-tree content; a path missing from the work
     * tree is committed as deleted) on the current branch, with author and committer from git's
     * configuration ({@code user.name}, {@code user.email}, or {@code GIT_AUTHOR_*}/{@code
     * GIT_COMMITTER_*}). Commit hooks run as with {@code git commit}; the commit is not signed.
     *
     * <p>Refused, with index and branch unchanged: a detached HEAD; user name or e-mail not
     * configured; other changes already staged (they would be mixed into the release commit or
     * silently left behind, so the user decides); paths with no change. When the commit itself
     * fails (e.g. a hook rejects it) the paths are unstaged again.
     *
     * @param relativePaths paths relative to the work tree root, {@code /} separators, non-empty
     * @param message the commit message ({@code "chore(release): 1.2.0"}); a final newline is added
     * @return the full SHA-1 of the new commit
     * @throws IllegalArgumentException for an empty list or a path outside the work tree
     * @throws ReleaseException for a refusal above
     */
    public String commit(List<String> relativePaths, String message) {
        if (relativePaths.isEmpty()) {
            throw new IllegalArgumentException("no paths to commit: pass the files the release changed");
        }
        List<String> paths = relativePaths.stream().map(GitRepo::checkedPath).distinct().toList();
        String branch = currentBranch().orElseThrow(() -> new ReleaseException("HEAD is detached at "
                + headSha().substring(0, 7) + ", so the release commit would belong to no branch: check out the"
                + " release branch (e.g. `git switch main`), then rerun"));
        PersonIdent author = identity(true);
        PersonIdent committer = identity(false);
        Status before = status();
        Set<String> otherStaged = new TreeSet<>();
        otherStaged.addAll(before.getAdded());
        otherStaged.addAll(before.getChanged());
        otherStaged.addAll(before.getRemoved());
        paths.forEach(otherStaged::remove);
        if (!otherStaged.isEmpty()) {
            throw new ReleaseException("other changes are staged (" + String.join(", ", otherStaged) + "): unstage them"
                    + " (`git restore --staged <file>`) or commit them first, then rerun");
        }
        try {
            stage(paths);
            RevCommit commit = git.commit()
                    .setMessage(withFinalNewline(message))
                    .setAuthor(author)
                    .setCommitter(committer)
                    .setSign(false)
                    .setAllowEmpty(false)
                    .call();
            return commit.name();
        } catch (EmptyCommitException e) {
            unstage(paths);
            throw new ReleaseException("nothing to commit on " + branch + ": " + String.join(", ", paths)
                    + " are unchanged since HEAD (the release commit is already made, or the files were not written)");
        } catch (GitAPIException | RuntimeException e) {
            unstage(paths);
            throw new ReleaseException("cannot commit " + String.join(", ", paths) + ": " + oneLine(e)
                    + " (fix the cause, then rerun)", e);
        }
    }

    /**
     * Creates the annotated tag {@code name} on commit {@code sha}, with the configured user as tagger
     * (not signed). Convergent: when the tag already names that commit (annotated or lightweight),
     * nothing changes.
     *
     * @param name the short tag name ({@code "v1.2.0"})
     * @param sha the commit to tag (full or abbreviated SHA-1, or any revision)
     * @param message the tag message; a final newline is added
     * @return true when the tag was created, false when it already pointed at {@code sha}
     * @throws IllegalArgumentException when {@code name} is not a valid git tag name
     * @throws ReleaseException when the tag exists on another commit (naming both commits and the
     *     fix), the commit is unknown, or user name or e-mail are not configured
     */
    public boolean createAnnotatedTag(String name, String sha, String message) {
        if (!Repository.isValidRefName(Constants.R_TAGS + name)) {
            throw new IllegalArgumentException("invalid tag name '" + name + "': use a name git accepts, e.g. v1.2.0");
        }
        ObjectId target = resolveCommit(sha);
        Optional<String> existing = tagTarget(name);
        if (existing.isPresent()) {
            if (existing.get().equals(target.name())) {
                return false;
            }
            throw new ReleaseException("tag " + name + " already exists on commit " + existing.get() + ", not on "
                    + target.name() + ": delete it if it is stale (`git tag -d " + name + "`, and `git push origin :refs/tags/"
                    + name + "` if it was pushed) or release another version");
        }
        PersonIdent tagger = identity(false);
        try (RevWalk walk = new RevWalk(repository)) {
            git.tag()
                    .setName(name)
                    .setObjectId(walk.parseCommit(target))
                    .setAnnotated(true)
                    .setMessage(withFinalNewline(message))
                    .setTagger(tagger)
                    .setSigned(false)
                    .call();
            return true;
        } catch (IOException | GitAPIException | RuntimeException e) {
            throw new ReleaseException("cannot create tag " + name + ": " + oneLine(e) + " (fix the cause, then rerun)", e);
        }
    }

    /**
     * Pushes {@code branch} and tag {@code tagName} to {@code remote} atomically (both refs or
     * neither) with {@code git push --atomic}, run as a process in the work tree with stdin closed
     * and {@code GIT_TERMINAL_PROMPT=0}, so the user's SSH keys and credential helpers apply and
     * nothing can wait for a password.
     *
     * <p>A token (CI) is used only when the remote's push URL is {@code https} (or {@code http} on a
     * loopback address): it travels as the environment-provided setting {@code http.extraheader:
     * AUTHORIZATION: basic base64(x-access-token:TOKEN)}, never on the command line, and is masked
     * in every message. For an SSH or file remote the token is not sent.
     *
     * @param remote a configured remote name ({@code "origin"}) or a URL
     * @param branch the local branch to push to the same name on the remote
     * @param tagName the local tag to push to the same name on the remote
     * @param token a GitHub token, or empty to use git's own credentials
     * @throws IllegalArgumentException for names git would refuse or read as options
     * @throws ReleaseException when git is not installed
     * @throws PushFailure when the push fails or any ref update is rejected: git's first error line
     *     (secrets masked), the cause and its fix; for a tag that exists on the remote, both commits.
     *     The remote is then unchanged
     */
    public void pushAtomic(String remote, String branch, String tagName, Optional<String> token) {
        if (remote.isBlank() || remote.startsWith("-")) {
            throw new IllegalArgumentException("invalid remote '" + remote + "': use a remote name such as origin");
        }
        if (!Repository.isValidRefName(Constants.R_HEADS + branch)) {
            throw new IllegalArgumentException("invalid branch name '" + branch + "': use the name of a local branch");
        }
        if (!Repository.isValidRefName(Constants.R_TAGS + tagName)) {
            throw new IllegalArgumentException("invalid tag name '" + tagName + "': use a name git accepts, e.g. v1.2.0");
        }
        try {
            new GitPush(gitExecutable, workTree).pushAtomic(remote, pushUrl(remote), branch, tagName, token);
        } catch (PushFailure e) {
            if (e.cause() != PushFailure.Cause.TAG_EXISTS) {
                throw e;
            }
            String there = remoteTagCommit(remote, tagName, token).orElse("(unknown)");
            String here = tagTarget(tagName).orElse("(none)");
            throw PushFailure.tagElsewhere(tagName, remote, there, here);
        }
    }

    /**
     * Where {@code tagName} is on {@code remote} ({@code git ls-remote}, with the same credentials and
     * token rules as {@link #pushAtomic}).
     *
     * @param remote a configured remote name or a URL
     * @param tagName the short tag name
     * @param token a GitHub token, or empty to use git's own credentials
     * @return the full SHA-1 of the commit the remote's tag peels to, or empty when the remote has
     *     no such tag
     * @throws ReleaseException when git is missing or the remote cannot be read (by cause, with the fix)
     */
    public Optional<String> remoteTagCommit(String remote, String tagName, Optional<String> token) {
        if (remote.isBlank() || remote.startsWith("-")) {
            throw new IllegalArgumentException("invalid remote '" + remote + "': use a remote name such as origin");
        }
        return new GitPush(gitExecutable, workTree).remoteTagCommit(remote, pushUrl(remote), tagName, token);
    }

    /**
     * Refuses early when git has no user name or e-mail for the release commit and tag.
     *
     * @throws ReleaseException naming the missing settings and the commands that set them
     */
    public void requireIdentity() {
        identity(true);
        identity(false);
    }

    /**
     * {@code git reset --hard <sha>} on the current branch: undoes the commits this run made after a
     * rejected push. Only for a clean work tree, where it changes nothing but the files of those commits.
     *
     * @param sha the commit the branch goes back to
     * @throws ReleaseException when the reset fails (with the command to run by hand)
     */
    public void resetHard(String sha) {
        try {
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(sha).call();
        } catch (GitAPIException | RuntimeException e) {
            throw new ReleaseException("cannot reset the branch to " + sha + ": " + oneLine(e)
                    + " (run `git reset --hard " + sha + "`)", e);
        }
    }

    /**
     * @param remote a remote name ({@code "origin"})
     * @return its configured {@code remote.<name>.url} exactly as written, or empty when the remote
     *     is not configured
     */
    public Optional<String> remoteUrl(String remote) {
        return Optional.ofNullable(repository.getConfig().getString("remote", remote, "url"));
    }

    /**
     * @param remote {@code release.remote}: a remote name or a URL/path git accepts
     * @return true when {@code remote} is a configured remote, or a URL or path (it holds {@code /}
     *     or {@code :}, as {@code https://host/x.git}, {@code git@host:x.git} and {@code ../x.git} do)
     */
    public boolean isPushTarget(String remote) {
        return repository.getConfig().getSubsections("remote").contains(remote)
                || remote.contains("/") || remote.contains(":");
    }

    /**
     * Reads the GitHub (or GitHub Enterprise) repository from a remote URL. Accepted forms: {@code
     * https://github.com/o/r(.git)(/)}, with user info or a port; {@code git@github.com:o/r.git}
     * (scp-like); {@code ssh://git@github.com(:22)/o/r}; {@code git://host/o/r}; any host.
     *
     * @param remoteUrl a remote URL as in {@code git remote -v}
     * @return {@code "owner/name"} (never including credentials or host), or empty when the URL is
     *     a local path, has not exactly two path segments, or names are not valid GitHub names
     */
    public static Optional<String> gitHubRepository(String remoteUrl) {
        if (remoteUrl == null) {
            return Optional.empty();
        }
        String url = remoteUrl.strip();
        Matcher matcher = URL_LIKE.matcher(url);
        if (!matcher.matches()) {
            matcher = SCP_LIKE.matcher(url);
            if (!matcher.matches()) {
                return Optional.empty();
            }
        }
        String path = matcher.group(2).replaceAll("/+$", "");
        if (path.endsWith(".git")) {
            path = path.substring(0, path.length() - ".git".length());
        }
        String[] parts = path.replaceFirst("^/", "").split("/", -1);
        if (parts.length != 2
                || !OWNER.matcher(parts[0]).matches()
                || !NAME.matcher(parts[1]).matches()
                || parts[1].equals(".")
                || parts[1].equals("..")) {
            return Optional.empty();
        }
        return Optional.of(parts[0] + "/" + parts[1]);
    }

    /**
     * Reads the host of a remote URL, in the forms {@link #gitHubRepository(String)} accepts.
     *
     * @param remoteUrl a remote URL as in {@code git remote -v}
     * @return the host without user info or port, e.g. {@code github.com}; empty for a local path or an unknown form
     */
    public static Optional<String> remoteHost(String remoteUrl) {
        if (remoteUrl == null) {
            return Optional.empty();
        }
        String url = remoteUrl.strip();
        Matcher matcher = URL_LIKE.matcher(url);
        if (matcher.matches()) {
            return Optional.of(matcher.group(1));
        }
        matcher = SCP_LIKE.matcher(url);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Closes the underlying JGit repository. */
    @Override
    public void close() {
        if (parsedHistory != null) {
            parsedHistory.close();
        }
        repository.close();
    }

    private Optional<URIish> pushUrl(String remote) {
        try {
            if (repository.getConfig().getSubsections("remote").contains(remote)) {
                RemoteConfig config = new RemoteConfig(repository.getConfig(), remote);
                List<URIish> urls = config.getPushURIs().isEmpty() ? config.getURIs() : config.getPushURIs();
                return urls.stream().findFirst();
            }
            return Optional.of(new URIish(remote));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private RevObject parseTag(RevWalk walk, String name, ObjectId id) throws IOException {
        if (id == null) {
            throw new ReleaseException("tag " + name + " is broken (no target): delete it (`git tag -d " + name
                    + "`) and fetch tags again (`git fetch --tags`), then rerun");
        }
        return walk.parseAny(id);
    }

    private ObjectId resolveCommit(String revision) {
        ObjectId id;
        try {
            id = repository.resolve(revision + "^{commit}");
        } catch (MissingObjectException e) {
            id = null;
        } catch (IOException | RuntimeException e) {
            throw new ReleaseException("cannot resolve '" + revision + "' in " + workTree + ": " + oneLine(e)
                    + " (pass a commit SHA, branch or tag)", e);
        }
        if (id == null && Constants.HEAD.equals(revision)) {
            throw new ReleaseException("the repository at " + workTree + " has no commits yet: commit the project first,"
                    + " then rerun");
        }
        if (id == null) {
            throw new ReleaseException("unknown commit '" + revision + "' in " + workTree + ": pass a commit that exists,"
                    + " or fetch it (`git fetch --unshallow --tags`), then rerun");
        }
        return id;
    }

    private PersonIdent identity(boolean author) {
        UserConfig user = repository.getConfig().get(UserConfig.KEY);
        List<String> missing = new ArrayList<>();
        if (author ? user.isAuthorNameImplicit() : user.isCommitterNameImplicit()) {
            missing.add("user.name");
        }
        if (author ? user.isAuthorEmailImplicit() : user.isCommitterEmailImplicit()) {
            missing.add("user.email");
        }
        if (!missing.isEmpty()) {
            throw new ReleaseException("git " + String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " not set, so the release commit and tag would have no author: run `git config --global user.name"
                    + " \"Your Name\"` and `git config --global user.email you@example.com`, then rerun");
        }
        return author
                ? new PersonIdent(user.getAuthorName(), user.getAuthorEmail())
                : new PersonIdent(user.getCommitterName(), user.getCommitterEmail());
    }

    private Status status() {
        try {
            return git.status().call();
        } catch (GitAPIException | RuntimeException e) {
            throw failure("read the working tree status", e);
        }
    }

    private void stage(List<String> paths) throws GitAPIException {
        for (String path : paths) {
            if (Files.exists(workTree.resolve(path))) {
                git.add().addFilepattern(path).call();
            } else {
                git.rm().setCached(true).addFilepattern(path).call();
            }
        }
    }

    private void unstage(List<String> paths) {
        try {
            var reset = git.reset();
            paths.forEach(reset::addPath);
            reset.call();
        } catch (GitAPIException | RuntimeException e) {
            // the original failure is what the user needs to see; the index is reported by `git status`
        }
    }

    private static String checkedPath(String path) {
        String normalized = path.replace(File.separatorChar, '/');
        if (normalized.isBlank()
                || normalized.startsWith("/")
                || Path.of(normalized).isAbsolute()
                || List.of(normalized.split("/")).contains("..")) {
            throw new IllegalArgumentException("path '" + path + "' is not inside the work tree: pass a path relative to"
                    + " the repository root");
        }
        return normalized;
    }

    private static String withFinalNewline(String message) {
        return message.endsWith("\n") ? message : message + "\n";
    }

    private ReleaseException missingHistory(MissingObjectException e) {
        return new ReleaseException("commit " + e.getObjectId().name() + " is missing from " + workTree
                + " (shallow or incomplete clone): " + FULL_HISTORY_FIX, e);
    }

    private ReleaseException failure(String action, Exception e) {
        return new ReleaseException("cannot " + action + " in " + workTree + ": " + oneLine(e), e);
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
