package dev.llmproxy.release.git;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Assumptions;

/**
 * A real git repository driven by the {@code git} command line, with the helpers of the case files
 * (the set-up snippets of the field cases) as methods:
 *
 * <pre>{@code
 * TestRepos repo = TestRepos.nr(tempDir);        // nr
 * repo.c("-m", "feat: a");                        // c -m "feat: a"
 * repo.ta("v1.0.0");                              // ta v1.0.0   (annotated)
 * repo.tl("v1.0.1", "HEAD~1");                    // tl v1.0.1 HEAD~1   (lightweight)
 * }</pre>
 *
 * <p>Every git run is isolated from the machine: no system or global git configuration (so a
 * developer's {@code commit.gpgSign} or hooks path cannot interfere), no {@code GIT_DIR}-style
 * variables, stdin closed. Commit and tag times come from a clock that advances one minute per git
 * run, so SHA-1s and the newest-first order are the same on every run.
 *
 * <p>When {@code git} is not installed, tests using this class are skipped, or fail naming git when
 * {@code CI=true}.
 */
public final class TestRepos {

    /** 2024-01-01T00:00:00Z, the time of the first git run. */
    public static final long START_EPOCH_SECONDS = 1_704_067_200L;

    private static Boolean gitAvailable;

    private final Path dir;
    private long clock = START_EPOCH_SECONDS;

    private TestRepos(Path dir) {
        this.dir = dir;
    }

    /**
     * {@code nr}: a new repository in {@code dir} (created if needed) on branch {@code main}, with
     * {@code user.name Dev} and {@code user.email dev@example.com}.
     */
    public static TestRepos nr(Path dir) {
        requireGit();
        TestRepos repo = at(dir);
        repo.git("init", "-q", "-b", "main");
        repo.git("config", "user.email", "dev@example.com");
        repo.git("config", "user.name", "Dev");
        return repo;
    }

    /** An existing repository or work tree in {@code dir}. */
    public static TestRepos at(Path dir) {
        requireGit();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestRepos(dir);
    }

    /** A new bare repository in {@code dir}, to serve as {@code origin}. */
    public static TestRepos bare(Path dir) {
        TestRepos repo = at(dir);
        repo.git("init", "-q", "--bare", "-b", "main");
        return repo;
    }

    /**
     * {@code git clone -q <options> file://<source> <target>}, with the same user configured in the
     * clone. The {@code file://} form makes {@code --depth} produce a real shallow clone.
     */
    public static TestRepos cloneOf(TestRepos source, Path target, String... options) {
        List<String> args = new ArrayList<>(List.of("clone", "-q"));
        args.addAll(Arrays.asList(options));
        args.add(source.dir.toUri().toString());
        args.add(target.toString());
        source.git(args.toArray(String[]::new));
        TestRepos clone = at(target);
        clone.clock = source.clock;
        clone.git("config", "user.email", "dev@example.com");
        clone.git("config", "user.name", "Dev");
        return clone;
    }

    /**
     * A bare {@code origin.git} whose {@code main} holds one commit {@code feat: first}, and a clone of it.
     *
     * @param dir an empty directory for {@code origin.git}, {@code seed} and {@code local}
     * @return the bare origin and the clone
     */
    public static OriginAndClone originAndClone(Path dir) {
        TestRepos origin = bare(dir.resolve("origin.git"));
        TestRepos seed = nr(dir.resolve("seed"));
        seed.c("-m", "feat: first");
        seed.git("push", "-q", origin.dir().toString(), "main");
        return new OriginAndClone(origin, cloneOf(origin, dir.resolve("local")));
    }

    /** A bare remote and a clone of it, see {@link #originAndClone}. */
    public record OriginAndClone(TestRepos origin, TestRepos local) {}

    /** @return the repository's directory (the work tree, or the bare repository) */
    public Path dir() {
        return dir;
    }

    /** {@code c}: {@code git commit -q --allow-empty <args>}, e.g. {@code c("-m", "feat: a")}; returns the new HEAD. */
    public String c(String... args) {
        List<String> command = new ArrayList<>(List.of("commit", "-q", "--allow-empty"));
        command.addAll(Arrays.asList(args));
        git(command.toArray(String[]::new));
        return sha("HEAD");
    }

    /** {@code ta}: annotated tag {@code git tag -a <name> -m <name> <args>}. */
    public void ta(String name, String... args) {
        List<String> command = new ArrayList<>(List.of("tag", "-a", name, "-m", name));
        command.addAll(Arrays.asList(args));
        git(command.toArray(String[]::new));
    }

    /** {@code tl}: lightweight tag {@code git tag <name> <args>}. */
    public void tl(String name, String... args) {
        List<String> command = new ArrayList<>(List.of("tag", name));
        command.addAll(Arrays.asList(args));
        git(command.toArray(String[]::new));
    }

    /** @return the full SHA-1 that {@code git rev-parse <revision>} prints */
    public String sha(String revision) {
        return git("rev-parse", "--verify", "-q", revision);
    }

    /** Writes a file (UTF-8) relative to the work tree, creating parent directories. */
    public Path write(String relativePath, String content) {
        Path file = dir.resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Appends {@code count} commits on the current branch in one {@code git fast-import} run, for
     * large histories (hundreds of thousands of commits in seconds).
     *
     * @param message the message of the i-th new commit, i from 0 (oldest)
     */
    public void fastImport(int count, IntFunction<String> message) {
        String branch = git("symbolic-ref", "HEAD");
        String parent = git("for-each-ref", "--format=%(objectname)", branch);
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < count; i++) {
            byte[] text = message.apply(i).getBytes(StandardCharsets.UTF_8);
            long time = clock++;
            stream.append("commit ").append(branch).append('\n')
                    .append("author Dev <dev@example.com> ").append(time).append(" +0000\n")
                    .append("committer Dev <dev@example.com> ").append(time).append(" +0000\n")
                    .append("data ").append(text.length).append('\n')
                    .append(new String(text, StandardCharsets.UTF_8)).append('\n');
            if (i == 0 && !parent.isEmpty()) {
                stream.append("from ").append(parent).append('\n');
            }
        }
        run(List.of("fast-import", "--quiet"), stream.toString());
        git("reset", "-q", "--hard");
    }

    /**
     * Runs {@code git <args>} in the repository and returns its standard output without the final
     * line end; fails the test with git's output when git exits non-zero.
     */
    public String git(String... args) {
        return run(Arrays.asList(args), "");
    }

    private String run(List<String> args, String stdin) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        isolate(builder.environment());
        String date = "@" + clock + " +0000";
        clock += 60;
        builder.environment().put("GIT_AUTHOR_DATE", date);
        builder.environment().put("GIT_COMMITTER_DATE", date);
        try {
            Process process = builder.start();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            String stdout = readAll(process.getInputStream());
            int exitCode = process.waitFor();
            if (exitCode != 0) {
                fail("git " + String.join(" ", args) + " in " + dir + " exited " + exitCode + ": " + stderr.join() + stdout);
            }
            return stdout.endsWith("\n") ? stdout.substring(0, stdout.length() - 1) : stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Removes what would make a git process read the machine's configuration or another repository. */
    public static void isolate(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("GIT_"));
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("GIT_CONFIG_GLOBAL", Path.of(System.getProperty("java.io.tmpdir"), "no-such-gitconfig").toString());
        environment.put("GIT_TERMINAL_PROMPT", "0");
    }

    /** Skips the calling test when {@code git} is missing, or fails naming it when {@code CI=true}. */
    public static synchronized void requireGit() {
        if (gitAvailable == null) {
            try {
                Process process = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
                readAll(process.getInputStream());
                gitAvailable = process.waitFor() == 0;
            } catch (IOException e) {
                gitAvailable = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                gitAvailable = false;
            }
        }
        if (!gitAvailable && "true".equals(System.getenv("CI"))) {
            fail("git is required by this test and is not on the PATH: install git");
        }
        Assumptions.assumeTrue(gitAvailable, "git is not on the PATH: test skipped");
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
