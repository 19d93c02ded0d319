package dev.llmproxy.release.plan;

import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.TestPoms;
import dev.llmproxy.release.commits.CommitParser;
import dev.llmproxy.release.git.GitRepo;
import dev.llmproxy.release.notes.NotesBuilder;
import dev.llmproxy.release.notes.NotesConfig;
import dev.llmproxy.release.notes.ReleaseInfo;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark (not a test) of what a user runs: {@code release:changelog} in dry run, that is {@code
 * new ReleaseEngine(settings, log).changelog()} on a generated repository with a work tree (range
 * from the tags, {@code GitRepo.walk}, {@code CommitParser}, the bump decision, {@code NotesBuilder},
 * {@code MarkdownRenderer}, {@code target/release/plan.json} and {@code notes.md} written), next to
 * {@code git log --format=%H%x00%B} over the same range. Prints commits/s, peak heap and the heap the
 * engine still holds when it has made the plan. Command and figures: docs/performance.md.
 *
 * <p>Arguments: {@code <work dir> <body bytes> <commit count>...}. Repositories are generated once
 * per (count, body bytes) under the work directory and reused.
 */
public final class ChangelogBench {

    private static final String[] TYPES = {"feat", "fix", "perf", "docs", "chore", "test", "ci", "refactor", "build", "style"};
    private static final String[] SCOPES = {null, "api", "proxy", "cli", "deps", "auth/oauth"};
    private static final String LOREM = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. ";
    private static final String POM = TestPoms.app("1.1.0-SNAPSHOT");
    private static final int RUNS = 3;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int bodyBytes = Integer.parseInt(args[1]);
        System.out.printf(Locale.ROOT, "-Xmx %d MiB, bodies of %d bytes, best of %d runs%n",
                Runtime.getRuntime().maxMemory() >> 20, bodyBytes, RUNS);
        System.out.printf(Locale.ROOT, "%9s %8s %10s %12s %10s %12s %6s %10s %12s%n", "commits", "entries", "git log s",
                "git log c/s", "engine s", "engine c/s", "ratio", "peak MiB", "retained MiB");
        for (int i = 2; i < args.length; i++) {
            int count = Integer.parseInt(args[i]);
            Path repo = work.toAbsolutePath().resolve("repo-" + count + "-" + bodyBytes);
            if (!Files.exists(repo.resolve(".git/bench-complete"))) {
                generate(repo, count, bodyBytes);
            }
            double gitBest = Double.MAX_VALUE;
            double oursBest = Double.MAX_VALUE;
            long peak = 0;
            long retained = 0;
            for (int run = 0; run < RUNS; run++) {
                gitBest = Math.min(gitBest, gitLog(repo));
                Result r = changelog(repo);
                oursBest = Math.min(oursBest, r.seconds);
                peak = Math.max(peak, r.peakHeap);
                retained = Math.max(retained, r.retainedHeap);
            }
            int walked = count - 1;
            System.out.printf(Locale.ROOT, "%9d %8d %10.2f %12.0f %10.2f %12.0f %6.2f %10.1f %12.1f%n", walked,
                    entries(repo), gitBest, walked / gitBest, oursBest, walked / oursBest, gitBest / oursBest,
                    peak / 1048576.0, retained / 1048576.0);
        }
    }

    /**
     * One linear history in a repository with a work tree: commit 1 adds pom.xml and .gitignore and
     * is tagged v1.0.0, then {@code count - 1} commits to walk, each changing one small file. Every
     * 100th commit (i % 100 == 50) is a {@code git revert} of commit i - 10 (both in the range, so
     * they cancel out); every 1000th (i % 1000 == 500) reverts commit 1, outside the range.
     */
    static void generate(Path repo, int count, int bodyBytes) throws Exception {
        if (Files.exists(repo)) {
            run(repo.getParent(), "rm", "-rf", repo.toString());
        }
        Files.createDirectories(repo);
        run(repo, "git", "init", "-q", "-b", "main");
        Process p = new ProcessBuilder("git", "fast-import", "--quiet").directory(repo.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream out = new BufferedOutputStream(p.getOutputStream(), 1 << 16);
                BufferedReader marks = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            for (int i = 1; i <= count; i++) {
                int reverted = i % 1000 == 500 ? 1 : i % 100 == 50 ? i - 10 : 0;
                String text;
                if (reverted > 0) {
                    out.write(("get-mark :" + reverted + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    text = "Revert \"" + subject(reverted, bodyBytes) + "\"\n\nThis reverts commit " + marks.readLine() + ".\n";
                } else {
                    text = i == 1 ? "chore: start\n" : message(i, bodyBytes);
                }
                byte[] message = text.getBytes(StandardCharsets.UTF_8);
                StringBuilder head = new StringBuilder("commit refs/heads/main\nmark :").append(i)
                        .append("\ncommitter Bench <bench@example.org> ").append(1_700_000_000L + i)
                        .append(" +0000\ndata ").append(message.length).append('\n');
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                out.write(message);
                StringBuilder files = new StringBuilder();
                if (i == 1) {
                    files.append(inline("pom.xml", POM)).append(inline(".gitignore", "target/\n"));
                } else {
                    files.append("from :").append(i - 1).append('\n');
                }
                files.append(inline("f" + (i % 100) + ".txt", i + "\n")).append('\n');
                if (i == 1) {
                    files.append("reset refs/tags/v1.0.0\nfrom :1\n\n");
                }
                out.write(files.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git fast-import failed in " + repo);
        }
        run(repo, "git", "reset", "-q", "--hard", "main");
        Files.writeString(repo.resolve(".git/bench-complete"), "");
    }

    private static String subject(int i, int bodyBytes) {
        return i == 1 ? "chore: start" : message(i, bodyBytes).lines().findFirst().orElseThrow();
    }

    private static String inline(String path, String text) {
        return "M 644 inline " + path + "\ndata " + text.getBytes(StandardCharsets.UTF_8).length + "\n" + text;
    }

    /** Commit {@code i}: 10 types, 6 scopes, every 997th breaking, every 13th a squash title. */
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

    /** Entries in the notes of the range (untimed, same classes as the engine; for the per-entry heap). */
    static int entries(Path repo) {
        NotesBuilder builder = new NotesBuilder(NotesConfig.defaults());
        try (GitRepo git = GitRepo.open(repo)) {
            String from = git.tagTarget("v1.0.0").orElseThrow();
            git.walk(from, git.headSha(), raw -> builder.add(CommitParser.parse(raw.sha(), raw.message(), raw.parentCount())));
        }
        return builder.build(new ReleaseInfo("example-org/app", "2.0.0", "v2.0.0", "v1.0.0", LocalDate.of(2026, 3, 1)), Map.of())
                .entryCount();
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

    /**
     * @param seconds wall time of {@code changelog()}, without the one full GC of {@link RetainedHeap}
     * @param peakHeap largest used heap sampled during the run, bytes (uncollected garbage included)
     * @param retainedHeap live heap the run added, bytes, measured after a full GC when the engine
     *     has the plan, the notes and the body and is about to report them
     */
    record Result(double seconds, long peakHeap, long retainedHeap) {}

    static Result changelog(Path repo) throws InterruptedException {
        TestSettings settings = new TestSettings(repo);
        settings.dryRun = true;
        settings.repository = "example-org/app";
        System.gc();
        long baseline = usedHeap();
        RetainedHeap log = new RetainedHeap();
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        long start = System.nanoTime();
        ReleasePlan plan = new ReleaseEngine(settings.build(), log).changelog();
        long elapsed = System.nanoTime() - start - log.gcNanos;
        long peak = sampler.stopAndGetPeak();
        if (!"2.0.0".equals(plan.version()) || !Files.exists(repo.resolve(ReleaseEngine.NOTES_FILE))) {
            throw new IllegalStateException("unexpected plan in " + repo + ": " + plan);
        }
        return new Result(elapsed / 1e9, peak, log.used - baseline);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * A silent log that, at the engine's first progress line (the plan is made, notes and body
     * rendered, nothing released yet), runs a full GC and records the live heap and the GC's time.
     */
    static final class RetainedHeap implements ReleaseLog {
        long used;
        long gcNanos;

        @Override
        public void info(String line) {
            if (gcNanos == 0) {
                long start = System.nanoTime();
                System.gc();
                used = usedHeap();
                gcNanos = System.nanoTime() - start;
            }
        }

        @Override
        public void warn(String line) {
            throw new IllegalStateException("unexpected warning: " + line);
        }
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
                peak = Math.max(peak, usedHeap());
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
