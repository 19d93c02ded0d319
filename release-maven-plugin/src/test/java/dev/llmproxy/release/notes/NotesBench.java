package dev.llmproxy.release.notes;

import dev.llmproxy.release.commits.CommitParser;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Benchmark (not a test): generates repositories of conventional commits with {@code git
 * fast-import}, then times walking the range with JGit, parsing, building and rendering the notes,
 * next to {@code git log --format=%H%x00%B} on the same repository; prints commits/s and peak heap.
 * See docs/performance.md for the command and figures.
 *
 * <p>Uses JGit's {@link RevWalk} directly (the {@code git.GitRepo} class is written in parallel)
 * and {@link TestCommits} as the parser; the lead switches both to the engine classes when merged.
 *
 * <p>Arguments: {@code <work dir> <body bytes> <commit count>...}
 */
public final class NotesBench {

    private static final String[] TYPES = {"feat", "fix", "perf", "docs", "chore", "test", "ci", "refactor", "build", "style"};
    private static final String[] SCOPES = {null, "api", "proxy", "cli", "deps", "auth/oauth"};
    private static final String LOREM = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. ";

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int bodyBytes = Integer.parseInt(args[1]);
        System.out.printf(Locale.ROOT, "%9s %8s %10s %12s %10s %12s %6s %10s %12s%n", "commits", "entries", "git log s",
                "git log c/s", "notes s", "notes c/s", "ratio", "peak MiB", "retained MiB");
        for (int i = 2; i < args.length; i++) {
            int count = Integer.parseInt(args[i]);
            Path repo = work.resolve("repo-" + count + "-" + bodyBytes);
            if (!Files.exists(repo.resolve("HEAD")) && !Files.exists(repo.resolve(".git"))) {
                generate(repo, count, bodyBytes);
            }
            double gitBest = Double.MAX_VALUE;
            double oursBest = Double.MAX_VALUE;
            long peak = 0;
            long retained = 0;
            int entries = 0;
            for (int run = 0; run < 3; run++) {
                gitBest = Math.min(gitBest, gitLog(repo));
                Result r = notes(repo);
                oursBest = Math.min(oursBest, r.seconds);
                peak = Math.max(peak, r.peakHeap);
                retained = Math.max(retained, r.retainedHeap);
                entries = r.entries;
            }
            int walked = count - 1;
            System.out.printf(Locale.ROOT, "%9d %8d %10.2f %12.0f %10.2f %12.0f %6.2f %10.1f %12.1f%n", walked, entries, gitBest,
                    walked / gitBest, oursBest, walked / oursBest, gitBest / oursBest, peak / 1048576.0, retained / 1048576.0);
        }
    }

    /** One linear history: commit 1 tagged v1.0.0, then {@code count - 1} commits to walk. */
    static void generate(Path repo, int count, int bodyBytes) throws Exception {
        Files.createDirectories(repo);
        run(repo, "git", "init", "-q", "--bare", "-b", "main");
        Process p = new ProcessBuilder("git", "fast-import", "--quiet").directory(repo.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream out = new BufferedOutputStream(p.getOutputStream(), 1 << 16)) {
            for (int i = 1; i <= count; i++) {
                byte[] message = message(i, bodyBytes).getBytes(StandardCharsets.UTF_8);
                String head = "commit refs/heads/main\nmark :" + i + "\ncommitter Bench <bench@example.org> "
                        + (1_700_000_000L + i) + " +0000\ndata " + message.length + "\n";
                out.write(head.getBytes(StandardCharsets.UTF_8));
                out.write(message);
                out.write((i > 1 ? "from :" + (i - 1) + "\n" : "") .getBytes(StandardCharsets.UTF_8));
                out.write(("M 644 inline f" + (i % 100) + ".txt\ndata " + String.valueOf(i).length() + "\n" + i + "\n\n").getBytes(StandardCharsets.UTF_8));
                if (i == 1) {
                    out.write("reset refs/tags/v1.0.0\nfrom :1\n\n".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git fast-import failed in " + repo);
        }
    }

    static String message(int i, int bodyBytes) {
        String type = TYPES[i % TYPES.length];
        String scope = SCOPES[i % SCOPES.length];
        StringBuilder m = new StringBuilder(type);
        if (scope != null) {
            m.append('(').append(scope).append(')');
        }
        m.append(i % 997 == 0 ? "!" : "").append(": change number ").append(i).append(" for <T> and @Name");
        if (i % 13 == 0) {
            m.append(" (#").append(i).append(')');
        }
        m.append("\n\n");
        while (m.length() < bodyBytes) {
            m.append(LOREM);
        }
        m.append("\n\nRefs: #").append(i % 500 + 1).append('\n');
        if (i % 7 == 0) {
            m.append("Closes #").append(i % 300 + 1).append('\n');
        }
        m.append("Co-authored-by: Pair <pair@example.org>\n");
        return m.toString();
    }

    static double gitLog(Path repo) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder("git", "log", "--format=%H%x00%B", "v1.0.0..main").directory(repo.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git log failed in " + repo);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    record Result(double seconds, int entries, long peakHeap, long retainedHeap) {}

    static Result notes(Path repo) throws IOException, InterruptedException {
        System.gc();
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        long start = System.nanoTime();
        NotesBuilder builder = new NotesBuilder(NotesConfig.defaults());
        try (Repository repository = new FileRepositoryBuilder().setGitDir(repo.toFile()).setMustExist(true).build();
                RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve("refs/heads/main");
            ObjectId from = repository.resolve("refs/tags/v1.0.0^{commit}");
            walk.markStart(walk.parseCommit(head));
            walk.markUninteresting(walk.parseCommit(from));
            for (RevCommit c = walk.next(); c != null; c = walk.next()) {
                builder.add(CommitParser.parse(c.name(), c.getFullMessage(), c.getParentCount()));
                c.disposeBody();
            }
        }
        ReleaseNotes notes = builder.build(new ReleaseInfo("example-org/app", "2.0.0", "v2.0.0", "v1.0.0", LocalDate.of(2026, 3, 1)), Map.of());
        MarkdownRenderer renderer = new MarkdownRenderer(NotesConfig.GITHUB_BODY_LIMIT);
        int length = renderer.releaseBody(notes).length() + renderer.changelogSection(notes).length();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = sampler.stopAndGetPeak();
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        if (length == 0 || notes.entryCount() == 0) {
            throw new IllegalStateException("no notes rendered");
        }
        return new Result(seconds, notes.entryCount(), peak, retained);
    }

    /** Samples used heap every millisecond (garbage not yet collected included). */
    static final class HeapSampler extends Thread {
        private volatile boolean running = true;
        private long peak;

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stopAndGetPeak() throws InterruptedException {
            running = false;
            join();
            return peak;
        }
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed in " + dir);
        }
    }
}
