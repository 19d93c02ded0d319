package dev.llmproxy.release.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmproxy.release.standin.Fault;
import dev.llmproxy.release.standin.GitHubStandIn;
import dev.llmproxy.release.standin.PullRequestSeed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine in the CLI's JVM, as processes of the shaded jar on real git repositories with bare
 * origins (issue 11 items 1, 3, 5, 6, 7): a machine with only a JDK and git, a repository without
 * pom.xml released end to end against the GitHub stand-in, previews without token and with a
 * read-only token, a race with origin, and the warnings in a pseudo-terminal.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InProcessReleaseIT {
    private static final Path JAR = Path.of(System.getProperty("cli.jar"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String TOKEN = "ghp_writeTokenForTests";
    private static final String READ_ONLY = "ghp_readOnlyTokenForTests";

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {}

    /** A git repository without pom.xml: v1.2.3 on the first commit, then a feat and a fix, pushed. */
    private Path tagsOnlyRepository() {
        Path repo = dir.resolve("app");
        Path origin = dir.resolve("origin.git");
        git(dir, "init", "-q", "--bare", origin.toString());
        git(dir, "init", "-q", "-b", "main", repo.toString());
        git(repo, "config", "user.email", "dev@example.com");
        git(repo, "config", "user.name", "Dev");
        write(repo.resolve("index.js"), "console.log('hi')\n");
        write(repo.resolve(".gitignore"), "target/\n");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "feat: first");
        git(repo, "tag", "-a", "v1.2.3", "-m", "v1.2.3");
        write(repo.resolve("index.js"), "console.log('hello')\n");
        git(repo, "commit", "-q", "-am", "feat(greeting): say hello");
        write(repo.resolve("index.js"), "console.log('hello!')\n");
        git(repo, "commit", "-q", "-am", "fix: exclaim");
        git(repo, "remote", "add", "origin", origin.toString());
        git(repo, "push", "-q", "origin", "main", "--tags");
        return repo;
    }

    /** @return a machine's environment with a JDK (the one running the jar) and git, and no Maven */
    private Map<String, String> noMaven(Map<String, String> extra) throws IOException {
        Path bin = dir.resolve("bin");
        if (!Files.exists(bin.resolve("git"))) {
            Files.createDirectories(bin);
            Files.createSymbolicLink(bin.resolve("git"), Path.of(SampleProject.run(dir, "sh", "-c", "command -v git")));
        }
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin.toString());
        env.put("LANG", "C.UTF-8");
        env.put("HOME", dir.toString());
        env.putAll(extra);
        return env;
    }

    private Result jar(Path workDir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String out = readAll(process.getInputStream());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "process did not end");
        return new Result(process.exitValue(), out, err.get());
    }

    @Test
    void machineWithOnlyJdkAndGitPlansAMavenProjectFromItsPomConfiguration() throws Exception {
        Path repo = tagsOnlyRepository();
        write(repo.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.example</groupId>
                  <artifactId>app</artifactId>
                  <version>1.3.0-SNAPSHOT</version>
                  <properties>
                    <prefix>v</prefix>
                  </properties>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.llmproxy</groupId>
                        <artifactId>release-maven-plugin</artifactId>
                        <configuration>
                          <tagPrefix>${prefix}</tagPrefix>
                          <githubSkip>true</githubSkip>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """);
        git(repo, "add", "pom.xml");
        git(repo, "commit", "-q", "-m", "build: add a pom");

        Result result = jar(repo, noMaven(Map.of()), "release", "draft", "--dry-run");

        assertEquals(0, result.exitCode(), result::toString);
        assertAll(
                () -> assertTrue(result.out().contains("Version  1.2.3 → 1.3.0"), result::toString),
                () -> assertTrue(result.out().contains("Files    pom.xml, CHANGELOG.md\n"), result::toString),
                () -> assertTrue(result.out().contains("GitHub   skipped"), result::toString),
                () -> assertTrue(result.out().contains("Dry run: nothing was changed."), result::toString),
                () -> assertFalse(result.out().contains("tags only"), result::toString));
        assertEquals("", git(repo, "status", "--porcelain", "--untracked-files=no"));
    }

    @Test
    void repositoryWithoutPomIsReleasedTagsOnlyWithAssetsOnGitHub() throws Exception {
        Path repo = tagsOnlyRepository();
        write(repo.resolve("dist/app.txt"), "the build\n");
        try (GitHubStandIn gitHub = GitHubStandIn.start("example-org/app", TOKEN)) {
            Map<String, String> env = noMaven(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", gitHub.apiUrl().toString()));

            Result result = jar(repo, env, "release", "draft", "--yes", "--version-file", "VERSION",
                    "-D", "release.github.repository=example-org/app", "-D", "release.assets=dist/*.txt");

            assertEquals(0, result.exitCode(), result::toString);
            assertAll(
                    () -> assertTrue(result.out().contains("Version  1.2.3 → 1.3.0"), result::toString),
                    () -> assertTrue(result.out().contains("Files    VERSION, CHANGELOG.md\n"), result::toString),
                    () -> assertTrue(result.out().contains("Mode     tags only"), result::toString),
                    () -> assertTrue(result.out().contains("✔ Released v1.3.0 (1.2.3 → 1.3.0)"), result::toString));
            assertEquals("1.3.0\n", Files.readString(repo.resolve("VERSION")));
            assertEquals("chore(release): 1.3.0", git(repo, "log", "-1", "--format=%s"));
            assertEquals("CHANGELOG.md\nVERSION", git(repo, "show", "--name-only", "--format=", "HEAD"));
            assertEquals("v1.2.3\nv1.3.0", git(dir.resolve("origin.git"), "tag", "-l"));
            assertEquals(git(repo, "rev-parse", "HEAD"), git(dir.resolve("origin.git"), "rev-parse", "main"));
            JsonNode plan = new ObjectMapper().readTree(repo.resolve("target/release/plan.json").toFile());
            assertEquals("tags", plan.path("mode").asText());
            List<JsonNode> releases = gitHub.releases();
            assertEquals(1, releases.size(), releases::toString);
            assertEquals("v1.3.0", releases.get(0).path("tag_name").asText());
            assertTrue(releases.get(0).path("draft").asBoolean());
            List<String> assets = new ArrayList<>();
            releases.get(0).path("assets").forEach(a -> assets.add(a.path("name").asText()));
            assertEquals(List.of("app.txt", "SHA256SUMS"), assets);
        }
    }

    /** Issue #12 item 1: the CLI's in-process plan reads a pull request body's override for the version too. */
    @Test
    void previewReadsTheOverrideInAPullRequestBodyForTheVersion() throws Exception {
        Path repo = tagsOnlyRepository();
        write(repo.resolve("index.js"), "console.log('hello, clients')\n");
        git(repo, "commit", "-q", "-am", "fix: regenerate clients (#12)");
        String sha = git(repo, "rev-parse", "HEAD");
        try (GitHubStandIn gitHub = GitHubStandIn.start("example-org/app", TOKEN)) {
            gitHub.addPullRequest(new PullRequestSeed(12, "fix: regenerate clients", "Generated.\n\nBEGIN_COMMIT_OVERRIDE\n"
                    + "feat!: drop the v1 client\nEND_COMMIT_OVERRIDE\n", "dev", "CONTRIBUTOR", List.of(),
                    "b".repeat(40), sha, true, "2026-11-30T10:00:00Z"));
            Map<String, String> env = noMaven(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", gitHub.apiUrl().toString()));

            Result online = jar(repo, env, "release", "draft", "--dry-run", "-D", "release.github.repository=example-org/app");
            Result offline = jar(repo, noMaven(Map.of()), "release", "draft", "--dry-run", "--no-github");

            assertEquals(0, online.exitCode(), online::toString);
            assertTrue(online.out().contains("Version  1.2.3 → 2.0.0  (major: 1 breaking commit, first " + sha.substring(0, 7)
                    + " feat!: drop the v1 client; the body of pull request #12 overrides its commit)\n"), online::toString);
            assertEquals(0, offline.exitCode(), offline::toString);
            assertTrue(offline.out().contains("Version  1.2.3 → 1.3.0  (minor: 1 feat commit, first "), offline::toString);
        }
    }

    @Test
    void anUploadAndARateLimitWaitShowOnOneUpdatingLineInATerminal() throws Exception {
        SampleProject.requireProgram("script");
        Path repo = tagsOnlyRepository();
        write(repo.resolve("dist/app.txt"), "the build\n");
        try (GitHubStandIn gitHub = GitHubStandIn.start("example-org/app", TOKEN)) {
            // the answer to the upload comes after 2.5 s: the progress line has shown by then
            gitHub.inject(Fault.on("POST", "/assets$").delay(Duration.ofMillis(2500)));
            gitHub.inject(Fault.on("POST", "/releases$").status(403, "You have exceeded a secondary rate limit").retryAfter(3));
            Map<String, String> env = noMaven(Map.of("TERM", "xterm", "NO_COLOR", "1", "GITHUB_TOKEN", TOKEN,
                    "GITHUB_API_URL", gitHub.apiUrl().toString()));

            String screen = terminalSession(repo, env, "release draft --yes --version-file VERSION"
                    + " -D release.github.repository=example-org/app -D release.assets=dist/app.txt", () -> {}, null, 0);

            assertTrue(Pattern.compile("\rUploading app\\.txt: 10 / 10 B(, [0-9.]+ [KMG]?i?B/s)? \\.\\.\\. [0-9]+\\.[0-9] s\u001b\\[K")
                    .matcher(screen).find(), screen);
            assertTrue(screen.contains("hit GitHub's secondary rate limit (403 You have exceeded a secondary rate limit);"
                    + " waiting 3 s before try 2 of 6\n"), screen);
            assertTrue(Pattern.compile("\rGitHub: create release v1\\.3\\.0 waits for the secondary rate limit: [123] s left \\.\\.\\. ")
                    .matcher(screen).find(), screen);
            assertTrue(screen.contains("\r\u001b[K"), "the line is cleared at the end: " + screen);
            List<String> assets = new ArrayList<>();
            gitHub.releases().get(0).path("assets").forEach(a -> assets.add(a.path("name").asText()));
            assertEquals(List.of("app.txt", "SHA256SUMS"), assets);
        }
    }

    @Test
    void previewWithoutTokenSaysSoAndRefusesBeforeAsking() throws Exception {
        Path repo = tagsOnlyRepository();
        Map<String, String> env = noMaven(Map.of());

        Result dry = jar(repo, env, "release", "draft", "--dry-run", "-D", "release.github.repository=example-org/app");
        Result real = jar(repo, env, "release", "draft", "-D", "release.github.repository=example-org/app");

        String blocked = "cannot create the GitHub Release: no token (set GITHUB_TOKEN or GH_TOKEN), or pass --no-github"
                + " to release without GitHub";
        assertEquals(0, dry.exitCode(), dry::toString);
        assertTrue(dry.out().contains("GitHub   blocked: would create a draft release in example-org/app (see below)"), dry::toString);
        assertTrue(dry.out().contains("Blocked: " + blocked + "\n"), dry::toString);
        assertEquals(1, real.exitCode(), real::toString);
        assertTrue(real.err().endsWith("llm-proxy: " + blocked + " (nothing was changed)\n"), real::toString);
        assertFalse(real.out().contains("[y/N]"), real::toString);
        assertEquals("v1.2.3", git(repo, "tag", "-l"));
    }

    @Test
    void aDirtyWorkTreeIsABlockerOfThePreviewAsOfTheRealRunAndNamesEveryFileWhole() throws Exception {
        Path repo = tagsOnlyRepository();
        write(repo.resolve("index.js"), "console.log('edited')\n");
        write(repo.resolve(".gitignore"), "target/\nbuild/\n");
        Map<String, String> env = noMaven(Map.of());

        Result dry = jar(repo, env, "release", "draft", "--dry-run", "--no-github");
        Result real = jar(repo, env, "release", "draft", "--yes", "--no-github");

        String blocked = "the working tree has uncommitted changes in .gitignore, index.js: commit or stash them, then rerun";
        assertEquals(0, dry.exitCode(), dry::toString);
        assertTrue(dry.out().contains("Blocked: " + blocked + "\n"), dry::toString);
        assertEquals(1, real.exitCode(), real::toString);
        assertTrue(real.err().endsWith("llm-proxy: " + blocked + " (nothing was changed)\n"), real::toString);
        assertEquals("v1.2.3", git(repo, "tag", "-l"));
        assertEquals("fix: exclaim", git(repo, "log", "-1", "--format=%s"));
    }

    @Test
    void readOnlyTokenIsFoundByThePreview() throws Exception {
        Path repo = tagsOnlyRepository();
        try (GitHubStandIn gitHub = GitHubStandIn.builder().repository("example-org/app").token(TOKEN)
                .readOnlyToken(READ_ONLY).start()) {
            Map<String, String> env = noMaven(Map.of("GITHUB_TOKEN", READ_ONLY, "GITHUB_API_URL", gitHub.apiUrl().toString()));

            Result result = jar(repo, env, "release", "draft", "--yes", "-D", "release.github.repository=example-org/app");

            assertEquals(1, result.exitCode(), result::toString);
            assertTrue(result.err().endsWith("llm-proxy: cannot create the GitHub Release: the token has no write access to"
                    + " example-org/app (permissions.push is false): use a token with contents: write on it, or pass"
                    + " --no-github to release without GitHub (nothing was changed)\n"), result::toString);
            assertEquals(0, gitHub.writeCount());
            assertEquals("v1.2.3", git(dir.resolve("origin.git"), "tag", "-l"));
            assertEquals("fix: exclaim", git(repo, "log", "-1", "--format=%s"));
        }
    }

    @Test
    void originMovingBetweenPreviewAndConfirmationIsRefusedBeforeAnyChange() throws Exception {
        SampleProject.requireProgram("script");
        Path repo = tagsOnlyRepository();
        Path other = dir.resolve("other");
        git(dir, "clone", "-q", "-b", "main", dir.resolve("origin.git").toString(), other.toString());
        git(other, "config", "user.email", "other@example.com");
        git(other, "config", "user.name", "Other");

        String screen = terminalSession(repo, noMaven(Map.of("TERM", "xterm", "NO_COLOR", "1")), "release draft --no-github",
                () -> {
                    write(other.resolve("other.txt"), "x\n");
                    git(other, "add", "other.txt");
                    git(other, "commit", "-q", "-m", "feat: landed meanwhile");
                    git(other, "push", "-q", "origin", "main");
                }, "y", 1);

        String moved = git(other, "rev-parse", "--short=7", "HEAD");
        assertTrue(screen.contains("llm-proxy: origin's main moved to " + moved + ", which this clone does not have"
                + " (another push landed): nothing was changed; bring it in (git pull --rebase origin main), then rerun"),
                screen);
        assertEquals("v1.2.3", git(repo, "tag", "-l"));
        assertEquals("fix: exclaim", git(repo, "log", "-1", "--format=%s"));
        assertFalse(Files.exists(repo.resolve("CHANGELOG.md")), screen);
    }

    @Test
    void warningsAreCollapsedByKindInATerminalAndAllShownWithVerbose() throws Exception {
        SampleProject.requireProgram("script");
        Path repo = tagsOnlyRepository();
        for (int i = 1; i <= 3; i++) {
            write(repo.resolve("n" + i + ".txt"), "x\n");
            git(repo, "add", "-A");
            git(repo, "commit", "-q", "-m", "fix:no space " + i);
        }
        Map<String, String> env = noMaven(Map.of("TERM", "xterm", "NO_COLOR", "1"));

        String collapsed = terminalSession(repo, env, "release draft --dry-run --no-github", () -> {}, null, 0);
        String verbose = terminalSession(repo, env, "release draft --dry-run --no-github -v", () -> {}, null, 0);

        assertEquals(1, count(collapsed, "is not a valid Conventional Commits header"), collapsed);
        assertTrue(collapsed.contains("' is not a valid Conventional Commits header and is not counted"
                + " (and 2 more like it; --verbose shows all)\n"), collapsed);
        assertEquals(3, count(verbose, "is not a valid Conventional Commits header"), verbose);
    }

    @Test
    void cancellingAtThePromptExitsOneAndChangesNothing() throws Exception {
        SampleProject.requireProgram("script");
        Path repo = tagsOnlyRepository();

        String screen = terminalSession(repo, noMaven(Map.of("TERM", "xterm", "NO_COLOR", "1")),
                "release draft --no-github --next-snapshot --version-file VERSION", () -> {}, "n", 1);

        assertTrue(screen.contains("Next     1.3.1-SNAPSHOT in a second commit (--next-snapshot)"), screen);

        assertTrue(screen.contains("Create v1.3.0? [y/N] n\nCancelled: nothing was changed.\n"), screen);
        assertEquals("v1.2.3", git(repo, "tag", "-l"));
    }

    @Test
    void completionScriptsForBashZshAndFish() throws Exception {
        Path repo = tagsOnlyRepository();
        Map<String, String> env = noMaven(Map.of());

        Result bash = jar(repo, env, "completion", "bash");
        Result zsh = jar(repo, env, "completion", "zsh");
        Result fish = jar(repo, env, "completion", "fish");
        Result unknown = jar(repo, env, "completion", "tcsh");

        assertEquals(0, bash.exitCode(), bash::toString);
        assertTrue(bash.out().contains("complete -F _complete_llm-proxy -o default llm-proxy"), bash.out());
        assertEquals(bash.out(), zsh.out());
        assertTrue(zsh.out().contains("bashcompinit"), zsh.out());
        assertTrue(fish.out().contains("complete -c llm-proxy -n '__fish_use_subcommand' -a release"), fish.out());
        assertTrue(fish.out().contains("complete -c llm-proxy -n '__fish_seen_subcommand_from draft' -l bump -r -a 'auto major minor patch'"),
                fish.out());
        assertEquals(2, unknown.exitCode(), unknown::toString);
    }

    /** Runs the jar in a pseudo-terminal and checks its exit code (see {@link PseudoTerminal#run}). */
    private String terminalSession(Path repo, Map<String, String> env, String args, Runnable meanwhile, String answer,
            int expectedExit) throws Exception {
        PseudoTerminal.Session session = PseudoTerminal.run(repo, env, "'" + JAVA + "' -jar '" + JAR + "' " + args,
                meanwhile, answer);
        assertEquals(expectedExit, session.exitCode(), session.screen());
        return session.screen();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    private static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return SampleProject.run(dir, command.toArray(String[]::new));
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
