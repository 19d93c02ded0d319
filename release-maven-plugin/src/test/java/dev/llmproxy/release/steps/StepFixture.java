package dev.llmproxy.release.steps;

import dev.llmproxy.release.TestPoms;
import dev.llmproxy.release.git.GitRepo;
import dev.llmproxy.release.git.TestRepos;
import dev.llmproxy.release.github.GitHubConfig;
import dev.llmproxy.release.github.GitHubReleaser;
import dev.llmproxy.release.github.RecordingLog;
import dev.llmproxy.release.github.ReleaseNotifier;
import dev.llmproxy.release.github.ReleaseRequest;
import dev.llmproxy.release.github.RetryPolicy;
import dev.llmproxy.release.notes.MarkdownRenderer;
import dev.llmproxy.release.notes.NotesBuilder;
import dev.llmproxy.release.notes.NotesConfig;
import dev.llmproxy.release.notes.ReleaseInfo;
import dev.llmproxy.release.notes.ReleaseNotes;
import dev.llmproxy.release.notes.TestCommits;
import dev.llmproxy.release.plan.ReleasePlan;
import dev.llmproxy.release.plan.ReleaseSettings;
import dev.llmproxy.release.plan.SettingsResolver;
import dev.llmproxy.release.pom.VersionFiles;
import dev.llmproxy.release.standin.GitHubStandIn;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real repository for the step tests: {@code pom.xml} at 1.5.0-SNAPSHOT, {@code v1.4.0}, one {@code feat} commit
 * after it, pushed to a bare {@code origin}; the plan releases 1.5.0 as {@code v1.5.0}. Settings are {@code release.*}
 * properties, resolved as the mojo and the CLI resolve them.
 */
public final class StepFixture implements AutoCloseable {
    static final String TOKEN = "test-token-1234567890";
    static final String VERSION = "1.5.0";
    static final String TAG = "v1.5.0";
    static final RetryPolicy NO_WAIT = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1),
            Duration.ofSeconds(30), Duration.ofSeconds(10), d -> { }, System::nanoTime);

    final TestRepos repo;
    final TestRepos origin;
    final Map<String, String> properties = new HashMap<>();
    final RecordingLog log = new RecordingLog();
    /** The commit messages the notes are made of. */
    final List<String> messages = new ArrayList<>(List.of("feat(proxy): stream responses"));
    /** The answer of the GitHub refusal check (no repository, no token, no write access), empty when GitHub can. */
    Optional<String> gitHubRefusal = Optional.empty();
    GitHubStandIn github;
    private final List<GitRepo> opened = new ArrayList<>();

    StepFixture(Path dir) {
        repo = appWithOrigin(dir);
        origin = TestRepos.at(dir.resolve("origin.git"));
        properties.put("release.date", "2026-11-30");
        properties.put("release.github.skip", "true");
        properties.put("release.commit", "true");
        properties.put("release.push", "true");
    }

    /**
     * @param dir an empty directory
     * @return {@code dir/app}: {@code pom.xml} at 1.5.0-SNAPSHOT, {@code v1.4.0}, one {@code feat} commit after it,
     *     all pushed to the bare {@code dir/origin.git}
     */
    public static TestRepos appWithOrigin(Path dir) {
        TestRepos origin = TestRepos.bare(dir.resolve("origin.git"));
        TestRepos repo = TestRepos.nr(dir.resolve("app"));
        repo.write("pom.xml", TestPoms.app("1.5.0-SNAPSHOT"));
        repo.write(".gitignore", "target/\n");
        repo.git("add", "pom.xml", ".gitignore");
        repo.c("-m", "chore: init");
        repo.ta("v1.4.0");
        repo.c("-m", "feat(proxy): stream responses");
        repo.git("remote", "add", "origin", origin.dir().toString());
        repo.git("push", "-q", "origin", "main", "v1.4.0");
        return repo;
    }

    /** Starts the GitHub stand-in and points the settings at it. */
    GitHubStandIn withGitHub() {
        github = GitHubStandIn.start("example-org/app", TOKEN);
        properties.put("release.github.skip", "false");
        properties.put("release.github.apiUrl", github.apiUrl().toString());
        properties.put("release.github.repository", "example-org/app");
        return github;
    }

    ReleaseSettings settings() {
        Map<String, String> env = github == null ? Map.of() : Map.of("GITHUB_TOKEN", TOKEN);
        return SettingsResolver.resolve(repo.dir(), properties, env, true, () -> null);
    }

    /** @return the plan of a new release 1.5.0 made from HEAD, with a draft (or published) GitHub Release */
    ReleasePlan plan() {
        return plan(VERSION, false);
    }

    /**
     * @param version the version to release, null for nothing to release
     * @param alreadyReleased whether the plan finds its tag on HEAD
     */
    ReleasePlan plan(String version, boolean alreadyReleased) {
        boolean publish = Boolean.parseBoolean(properties.getOrDefault("release.publish", "false"));
        return new ReleasePlan(ReleasePlan.SCHEMA_VERSION, "example-org/app", repo.sha("HEAD"), "v1.4.0", "1.4.0",
                version, version == null ? null : "v" + version, version == null ? "none" : "minor",
                version == null ? "no releasable commits since v1.4.0" : "minor: 1 feat commit", alreadyReleased,
                new ReleasePlan.CommitCounts(1, 0, 1, 0, 0), version == null ? List.of() : List.of("pom.xml", "CHANGELOG.md"),
                "target/release/notes.md", List.of(),
                new ReleasePlan.GitHubAction("create", null, !publish, false, "true", null), true, "origin", List.of(),
                null, List.of(), Map.of(), "maven", List.of());
    }

    /** @return the notes of the release from {@link #messages} */
    ReleaseNotes notes() {
        List<dev.llmproxy.release.commits.ConventionalCommit> commits = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            commits.add(TestCommits.commit(i + 1, messages.get(i)));
        }
        return NotesBuilder.build(NotesConfig.defaults(), new ReleaseInfo("example-org/app", VERSION, TAG, "v1.4.0",
                LocalDate.of(2026, 11, 30), "https://github.com"), commits, null);
    }

    /** @return a world over the repository as it is now, with a fresh GitHub handle */
    World world() {
        ReleaseSettings settings = settings();
        GitRepo git = GitRepo.open(repo.dir());
        opened.add(git);
        MarkdownRenderer renderer = new MarkdownRenderer(125_000);
        ReleaseNotes notes = notes();
        GitHubHandle handle = null;
        if (github != null) {
            GitHubConfig config = new GitHubConfig(github.apiUrl(), "example-org", "app", Optional.of(TOKEN));
            handle = new GitHubHandle(() -> gitHubRefusal, () -> new GitHubReleaser(config, NO_WAIT, log),
                    () -> new ReleaseRequest(TAG, TAG, renderer.releaseBody(notes, log::warn),
                            git.tagTarget(TAG).orElse(git.headSha()), settings.github().publish(), false, "true",
                            settings.github().assetGlobs().stream().map(a -> repo.dir().resolve(a)).toList(),
                            !settings.github().assetGlobs().isEmpty()),
                    () -> new ReleaseNotifier(config, NO_WAIT, log));
        }
        return new World(settings, git, VersionFiles.load(repo.dir(), null), notes, renderer, handle, log);
    }

    /** Makes the release commit and tag as the local steps would (poms, changelog, commit, tag). */
    void releaseLocally(World world) {
        ReleaseSteps.applyAll(List.of(new WritePoms(), new WriteChangelog(), new CommitRelease(), new TagRelease()),
                plan(), world);
    }

    @Override
    public void close() {
        opened.forEach(GitRepo::close);
        if (github != null) {
            github.close();
        }
    }

    /** A step that counts the calls of {@link #apply}: "apply never called" is asserted, not assumed. */
    static final class Counting implements Step {
        final Step step;
        int applied;

        Counting(Step step) {
            this.step = step;
        }

        @Override
        public String name() {
            return step.name();
        }

        @Override
        public Status check(ReleasePlan plan, World world) {
            return step.check(plan, world);
        }

        @Override
        public Status apply(ReleasePlan plan, World world) {
            applied++;
            return step.apply(plan, world);
        }

        /** @return the status the runner ends with for this step alone */
        Status run(ReleasePlan plan, World world) {
            return ReleaseSteps.applyAll(List.of(this), plan, world).get(0).status();
        }
    }
}
