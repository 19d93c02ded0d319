import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates a synthetic repository for bench/peers.sh with one {@code git fast-import} run (as
 * release-maven-plugin's ChangelogBench does): a main line of Conventional Commits, a side branch
 * merged back without squashing, release tags {@code vX.Y.Z} (some {@code -beta.N}) on release
 * commits {@code release: vX.Y.Z}, and package tags {@code plugin-x@X.Y.Z} that are not release
 * tags. With {@code changelog=true} every release commit also updates CHANGELOG.md (for replay).
 *
 * <p>Usage: {@code java bench/GenerateHistory.java <dir> <commits> <release tags> <other tags>
 * <side branch commits> <changelog true|false>}
 */
public final class GenerateHistory {

    private static final String[] TYPES = {"feat", "fix", "fix", "chore", "docs", "perf", "refactor", "fix", "test", "feat", "build", "ci"};
    private static final String[] SCOPES = {null, "ssr", "deps", "hmr", "css", null, "optimizer", "config"};

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int commits = Integer.parseInt(args[1]);
        int releases = Integer.parseInt(args[2]);
        int otherTags = Integer.parseInt(args[3]);
        int side = Integer.parseInt(args[4]);
        boolean changelog = Boolean.parseBoolean(args[5]);
        Files.createDirectories(dir);
        run(dir, "git", "init", "-q", "-b", "main");
        run(dir, "git", "config", "user.name", "Bench");
        run(dir, "git", "config", "user.email", "bench@example.org");
        Process p = new ProcessBuilder("git", "fast-import", "--quiet").directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int mainCommits = commits - side - 1; // one merge commit
        int forkAt = mainCommits / 2;
        int mergeAt = forkAt + side / 3;
        int releaseEvery = Math.max(2, mainCommits / releases);
        int tagEvery = otherTags == 0 ? Integer.MAX_VALUE : Math.max(1, (mainCommits - releases) / otherTags);
        StringBuilder log = new StringBuilder();
        int major = 0;
        int minor = 1;
        int patch = 0;
        int released = 0;
        int tagged = 0;
        int mark = 0;
        long time = 1_600_000_000L;
        try (OutputStream out = new BufferedOutputStream(p.getOutputStream(), 1 << 16)) {
            int forkMark = 0;
            for (int i = 1; i <= mainCommits; i++) {
                if (side > 0 && i == mergeAt) {
                    // the side branch: commits on top of the fork point, then merged into main without squashing
                    int parent = forkMark;
                    for (int s = 0; s < side; s++) {
                        mark++;
                        commit(out, "refs/heads/side", mark, time++, message(100_000 + s), parent, 0, null);
                        parent = mark;
                    }
                    mark++;
                    commit(out, "refs/heads/main", mark, time++, "Merge branch 'side'\n", lastMain, parent, null);
                    lastMain = mark;
                }
                String text;
                boolean release = i % releaseEvery == 0 && released < releases;
                String version = null;
                if (release) {
                    released++;
                    if (released % 60 == 0) {
                        major++;
                        minor = 0;
                        patch = 0;
                    } else if (released % 6 == 0) {
                        minor++;
                        patch = 0;
                    } else {
                        patch++;
                    }
                    version = major + "." + minor + "." + patch + (released % 25 == 0 ? "-beta." + (released % 3) : "");
                    text = "release: v" + version + "\n";
                    log.insert(0, "## " + version + "\n\n- entries of " + version + "\n\n");
                } else {
                    text = message(i);
                }
                mark++;
                commit(out, "refs/heads/main", mark, time++, text, lastMain, 0, changelog && release ? "# Changelog\n\n" + log : null);
                lastMain = mark;
                if (i == forkAt) {
                    forkMark = mark;
                }
                if (release) {
                    tag(out, "v" + version, mark, time);
                } else if (i % tagEvery == 0 && tagged < otherTags) {
                    tagged++;
                    tag(out, "plugin-legacy@" + (tagged / 10) + "." + (tagged % 10) + ".0", mark, time);
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git fast-import failed in " + dir);
        }
        if (side > 0) {
            run(dir, "git", "branch", "-q", "-D", "side");
        }
        run(dir, "git", "reset", "-q", "--hard", "main");
        System.out.println("generated " + dir + ": " + mark + " commits, " + released + " release tags, " + tagged + " other tags");
    }

    private static int lastMain = 0;

    private static String message(int i) {
        String type = TYPES[i % TYPES.length];
        String scope = SCOPES[i % SCOPES.length];
        StringBuilder m = new StringBuilder(type);
        if (scope != null) {
            m.append('(').append(scope).append(')');
        }
        m.append(i % 401 == 0 ? "!" : "").append(": change number ").append(i).append(" of the bundler");
        if (i % 3 != 0) {
            m.append(" (#").append(i % 20_000).append(')');
        }
        m.append('\n');
        if (i % 5 == 0) {
            m.append("\nA body that explains change ").append(i).append(" in a sentence or two.\n");
        }
        if (i % 401 == 0) {
            m.append("\nBREAKING CHANGE: option ").append(i).append(" was removed\n");
        }
        return m.toString();
    }

    private static void commit(OutputStream out, String ref, int mark, long time, String text, int parent, int mergeParent,
            String changelog) throws IOException {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("commit ").append(ref).append("\nmark :").append(mark)
                .append("\nauthor Dev <dev@example.org> ").append(time).append(" +0000")
                .append("\ncommitter Dev <dev@example.org> ").append(time).append(" +0000")
                .append("\ndata ").append(message.length).append('\n');
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(message);
        StringBuilder rest = new StringBuilder();
        if (parent > 0) {
            rest.append("from :").append(parent).append('\n');
        }
        if (mergeParent > 0) {
            rest.append("merge :").append(mergeParent).append('\n');
        }
        rest.append(inline("src/f" + (mark % 50) + ".txt", mark + "\n"));
        if (changelog != null) {
            rest.append(inline("CHANGELOG.md", changelog));
        }
        out.write(rest.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void tag(OutputStream out, String name, int mark, long time) throws IOException {
        String message = name + "\n";
        String text = "tag " + name + "\nfrom :" + mark + "\ntagger Dev <dev@example.org> " + time + " +0000\ndata "
                + message.length() + "\n" + message + "\n";
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String inline(String path, String text) {
        return "M 644 inline " + path + "\ndata " + text.getBytes(StandardCharsets.UTF_8).length + "\n" + text;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed in " + dir);
        }
    }
}
