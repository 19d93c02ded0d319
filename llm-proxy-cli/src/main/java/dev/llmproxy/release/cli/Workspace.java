package dev.llmproxy.release.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The repository a release command works on: a Maven reactor (its root, as {@link MavenProject}
 * finds it) or, without any {@code pom.xml}, the git work tree's top directory (tags-only mode).
 *
 * @param root the reactor root or the work tree's top directory (absolute, normalised)
 * @param maven true for a Maven reactor, false in tags-only mode
 */
record Workspace(Path root, boolean maven) {

    /**
     * @param start the directory to start from
     * @return the workspace
     * @throws CliException ({@link CliException#USAGE}) when {@code start} is in neither a Maven
     *     project nor a git work tree
     */
    static Workspace locate(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        Optional<Path> reactor = MavenProject.reactorRoot(dir);
        if (reactor.isPresent()) {
            return new Workspace(reactor.get(), true);
        }
        String top = git(dir, "rev-parse", "--show-toplevel").map(String::strip)
                .orElseThrow(() -> new CliException(CliException.USAGE, "no pom.xml and no git repository in " + dir
                        + " or any directory above it: run llm-proxy inside a git repository or pass -C <dir>"));
        return new Workspace(Path.of(top).toAbsolutePath().normalize(), false);
    }

    /** @return the {@code target/release} directory, where the plan and the notes are written */
    Path releaseDir() {
        return root.resolve("target").resolve("release");
    }

    /**
     * @param args git arguments
     * @return git's first output line in {@link #root}, or empty when git is missing or fails
     */
    Optional<String> git(String... args) {
        return git(root, args).map(output -> output.lines().findFirst().orElse(""));
    }

    /**
     * The real run's dirty-tree check, made by the preview with git (faster than the engine's
     * work-tree scan, which a dry run leaves out).
     *
     * @param releaseFiles the files the release itself changes (they may be modified already)
     * @return the refusal the real run would give, or empty when only release files are modified
     */
    Optional<String> uncommittedChanges(List<String> releaseFiles) {
        // "XY path" or "XY old -> new"; X is often a space, so the output is not stripped in front
        List<String> dirty = git(root, "status", "--porcelain", "--untracked-files=no").orElse("").lines()
                .filter(line -> line.length() > 3)
                .map(line -> line.substring(3))
                .map(path -> path.contains(" -> ") ? path.substring(path.indexOf(" -> ") + 4) : path)
                .filter(file -> !releaseFiles.contains(file))
                .toList();
        return dirty.isEmpty() ? Optional.empty() : Optional.of("the working tree has uncommitted changes in "
                + String.join(", ", dirty) + ": commit or stash them, then rerun");
    }

    /** @return git's whole output, or empty when git is missing or fails or prints nothing */
    private static Optional<String> git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
            return process.waitFor() == 0 && !output.isEmpty() ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The race between preview and confirmation: refuses when the remote's branch has commits this
     * clone does not contain (the push would be rejected after the release commit and tag were made).
     *
     * @param remote the remote pushed to ({@code origin})
     * @throws CliException ({@link CliException#FAILED}) naming the remote's commit and the fix
     */
    void requireRemoteNotAhead(String remote) {
        Optional<String> branch = git("symbolic-ref", "--short", "-q", "HEAD");
        if (branch.isEmpty()) {
            return; // detached HEAD: the engine refuses with its own message
        }
        Optional<String> remoteHead = git("ls-remote", remote, "refs/heads/" + branch.get())
                .map(line -> line.split("\\s+")[0]);
        if (remoteHead.isEmpty()) {
            return; // a new branch on the remote, or no remote: the push says so
        }
        if (!isAncestor(remoteHead.get())) {
            throw new CliException(CliException.FAILED, remote + "'s " + branch.get() + " moved to "
                    + remoteHead.get().substring(0, 7) + ", which this clone does not have (another push landed):"
                    + " nothing was changed; bring it in (git pull --rebase " + remote + " " + branch.get()
                    + "), then rerun");
        }
    }

    private boolean isAncestor(String sha) {
        try {
            Process process = new ProcessBuilder("git", "-C", root.toString(), "merge-base", "--is-ancestor", sha, "HEAD")
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return true; // cannot tell: the push decides
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
