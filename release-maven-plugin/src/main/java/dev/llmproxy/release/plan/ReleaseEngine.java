package dev.llmproxy.release.plan;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.TextFiles;
import dev.llmproxy.release.api.ApiCheckSettings;
import dev.llmproxy.release.commits.CommitParser;
import dev.llmproxy.release.git.GitRepo;
import dev.llmproxy.release.github.GitHubAccess;
import dev.llmproxy.release.github.GitHubConfig;
import dev.llmproxy.release.github.GitHubPullRequests;
import dev.llmproxy.release.github.GitHubReleaser;
import dev.llmproxy.release.github.ReleaseNotifier;
import dev.llmproxy.release.github.ReleaseOutcome;
import dev.llmproxy.release.github.ReleaseRequest;
import dev.llmproxy.release.github.RetryPolicy;
import dev.llmproxy.release.notes.GitHubReleaseYaml;
import dev.llmproxy.release.notes.MarkdownRenderer;
import dev.llmproxy.release.notes.NotesBuilder;
import dev.llmproxy.release.notes.NotesConfig;
import dev.llmproxy.release.notes.PullRequestSource;
import dev.llmproxy.release.notes.ReleaseInfo;
import dev.llmproxy.release.notes.ReleaseNotes;
import dev.llmproxy.release.pom.VersionFiles;
import dev.llmproxy.release.steps.GitHubHandle;
import dev.llmproxy.release.steps.GitHubRelease;
import dev.llmproxy.release.steps.ReleaseSteps;
import dev.llmproxy.release.steps.Step;
import dev.llmproxy.release.steps.World;
import dev.llmproxy.release.version.LatestRule;
import dev.llmproxy.release.version.ReleaseTag;
import dev.llmproxy.release.version.SemVer;
import dev.llmproxy.release.version.TagNaming;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The release engine behind the three goals. Each goal first computes the {@link ReleasePlan}
 * (written to {@code target/release/plan.json}, with the notes in {@code target/release/notes.md}),
 * then checks every step of its list ({@link ReleaseSteps}): a BLOCKED step refuses before anything
 * is written, a dry run stops there; otherwise each step is checked again and applied when TODO, so a
 * rerun after any failure converges to the state of one clean run (docs/architecture.md "The engine as
 * steps").
 */
public final class ReleaseEngine {
    /** Where the plan goes, relative to the reactor root. */
    public static final String PLAN_FILE = "target/release/plan.json";
    /** Where the release body goes, relative to the reactor root. */
    public static final String NOTES_FILE = "target/release/notes.md";

    private static final String DETACHED_HEAD =
            "HEAD is detached: check out the branch to release (git switch main), then rerun";

    private final ReleaseSettings settings;
    private final ReleaseLog log;
    private final RetryPolicy retry;
    private final ApiCheckSettings apiCheck;
    /** Settings taken from a release-please file (plan.json {@code settingsFrom}). */
    private final Map<String, String> settingsFrom;

    /**
     * @param settings the goal's parameters
     * @param log where progress and warnings go
     */
    public ReleaseEngine(ReleaseSettings settings, ReleaseLog log) {
        this(settings, log, RetryPolicy.defaults());
    }

    /** With a retry policy of the caller's (tests: no real waiting). */
    ReleaseEngine(ReleaseSettings settings, ReleaseLog log, RetryPolicy retry) {
        this(ReleasePleaseConfig.apply(settings, log), log, retry, ApiCheckSettings.defaults());
    }

    /** @param fromReleasePlease the caller's settings with a release-please file's defaults, read (and logged) once */
    private ReleaseEngine(ReleasePleaseConfig.Applied fromReleasePlease, ReleaseLog log, RetryPolicy retry,
            ApiCheckSettings apiCheck) {
        this.settings = fromReleasePlease.settings();
        this.settingsFrom = fromReleasePlease.from();
        this.log = log;
        this.retry = retry;
        this.apiCheck = apiCheck;
    }

    /**
     * @param apiCheck how the bump is checked against the API change (default: {@link ApiCheckSettings#defaults()})
     * @return an engine with the same settings that checks the API so
     */
    public ReleaseEngine withApiCheck(ApiCheckSettings apiCheck) {
        return new ReleaseEngine(new ReleasePleaseConfig.Applied(settings, settingsFrom), log, retry, apiCheck);
    }

    /**
     * {@code release:bump}: decides the version and rewrites the reactor's poms; with {@code
     * release.commit=true} also commits them and tags the commit.
     *
     * @return the plan
     * @throws ReleaseException on a refusal; nothing was changed then
     */
    public ReleasePlan bump() {
        try (Run run = new Run(false, true)) {
            return run.execute(ReleaseSteps.bump());
        }
    }

    /**
     * {@code release:changelog}: writes the release body and the version's section of {@code
     * CHANGELOG.md} (replacing an earlier section of the same version).
     *
     * @return the plan
     * @throws ReleaseException on a refusal; nothing was changed then
     */
    public ReleasePlan changelog() {
        try (Run run = new Run(false, false)) {
            return run.execute(ReleaseSteps.changelog());
        }
    }

    /**
     * {@code release:draft}: the whole release. Bump and changelog when not done yet, release commit,
     * annotated tag, push when asked, then the GitHub Release (a draft unless {@code
     * release.publish=true}) with assets and {@code SHA256SUMS}. On a HEAD that already carries the
     * release tag only the GitHub part runs.
     *
     * @return the plan, with the GitHub outcome
     * @throws ReleaseException on a refusal or a permanent GitHub error; a rerun finishes the job
     */
    public ReleasePlan draft() {
        try (Run run = new Run(true, true)) {
            return run.execute(ReleaseSteps.draft());
        }
    }

    /** One goal's run: the decision, the notes and the plan, then the steps. */
    private final class Run implements AutoCloseable {
        final GitRepo git;
        final VersionFiles reactor;
        final ReleasePlanner.Decision decision;
        final ApiGate.Result api;
        final String repository;
        final ReleaseNotes notes;
        final MarkdownRenderer renderer;
        final String body;
        final List<Path> assets;
        /** Shadows the engine's log: repeated warnings collapse, all go to warnings.txt and plan.json. */
        final Warnings log = new Warnings(ReleaseEngine.this.log);
        final List<String> blockers = new ArrayList<>();
        /** The pull requests the planner read for the overrides, read again by the notes without a request. */
        PullRequestOverrides pullRequestOverrides;
        final GitHubHandle github;
        final World world;
        ReleasePlan plan;

        /**
         * Decides, checks and writes the plan; a refusal comes before anything is written or asked
         * of GitHub, but for the pull requests of squash-merged commits that the decision reads
         * ({@link PullRequestOverrides}).
         *
         * @param withGitHub whether the goal works on the GitHub Release
         * @param changesWorkTree whether the goal rewrites files (then the work tree must be clean
         *     but for release files, HEAD on a branch, the tag free)
         */
        Run(boolean withGitHub, boolean changesWorkTree) {
            deleteStalePlan();
            git = GitRepo.open(settings.root());
            try {
                git.requireCompleteHistory();
                reactor = VersionFiles.load(settings.root(), settings.versionFile());
                NotesConfig notesConfig = notesConfig();
                repository = repository();
                pullRequestOverrides = PullRequestOverrides.of(pullRequests(), settings, repository, !settingsFrom.isEmpty());
                api = new ApiGate(settings, apiCheck, log).check(new ReleasePlanner(settings, log,
                        () -> new NotesBuilder(notesConfig), pullRequestOverrides).decide(git, reactor), git, reactor);
                decision = api.decision();
                log.logCollapsed();
                ExpectationCheck.require(settings.expect(), decision);
                warnIfPomIsAhead();
                List<String> files = releaseFiles(changesWorkTree);
                if (changesWorkTree && releasesLocally()) {
                    requireCleanExceptReleaseFiles(files);
                } else if (changesWorkTree && makesNewRelease()) {
                    // a dry run: the real run's checks become blockers of the plan (the dirty-tree check
                    // needs a work-tree scan, which a dry run saves; llm-proxy checks that with git)
                    refusalBeforeWriting().ifPresent(blockers::add);
                }
                checkBeforeWriting(changesWorkTree);
                renderer = new MarkdownRenderer(settings.notes().bodyLimit());
                notes = decision.releases() ? notes(decision.notes()) : null;
                body = notes == null ? null : renderer.releaseBody(notes, log::warn) + api.notice() + appendix();
                assets = withGitHub && decision.releases() ? assets() : List.of();
                github = withGitHub ? gitHubHandle() : null;
                plan = plan(files, withGitHub && decision.releases() ? gitHubPreview() : null);
                world = new World(settings, git, reactor, notes, renderer, github, log);
            } catch (RuntimeException e) {
                git.close();
                throw e;
            }
        }

        /**
         * Checks every step; refuses on the first BLOCKED one before anything is written (a dry run lists
         * it instead); writes the plan and the notes; in a real run then applies each step that is TODO.
         *
         * @param steps the goal's list
         * @return the plan, with the steps as checked (dry run) or done, and the GitHub outcome
         */
        ReleasePlan execute(List<Step> steps) {
            List<ReleaseSteps.Result> checked = ReleaseSteps.checkAll(steps, plan, world);
            if (!settings.dryRun()) {
                ReleaseSteps.requireNoneBlocked(checked);
            }
            plan = plan.withSteps(stepResults(checked));
            writePlanAndNotes();
            report();
            if (settings.dryRun()) {
                if (plan.releases()) { // else every step is skipped for the one reason just logged
                    checked.forEach(r -> log.info("Step " + r.name() + ": " + r.status().state().key() + ", " + r.status().line()));
                }
                return plan;
            }
            plan = plan.withSteps(stepResults(ReleaseSteps.applyAll(steps, plan, world)));
            Optional<ReleaseOutcome> outcome = github == null ? Optional.empty() : github.released();
            if (outcome.isPresent()) {
                log.logCollapsed();
                plan = plan.withGitHub(gitHubAction(outcome.get())).withWarnings(log.counts());
            }
            PlanJson.write(plan, settings.root().resolve(PLAN_FILE));
            log.writeFile(settings.root());
            return plan;
        }

        private List<ReleasePlan.StepResult> stepResults(List<ReleaseSteps.Result> results) {
            return results.stream().map(r -> new ReleasePlan.StepResult(
                    r.name(), r.status().state().key(), r.status().line())).toList();
        }

        /** @return whether this run makes a new release, rather than describing an existing tag */
        boolean makesNewRelease() {
            return decision.releases() && !decision.alreadyReleased() && settings.existingTag() == null;
        }

        /** @return whether this run changes files, commits or tags (a new release, not a dry run) */
        boolean releasesLocally() {
            return makesNewRelease() && !settings.dryRun();
        }

        private String repository() {
            if (settings.github().repository() != null) {
                return settings.github().repository();
            }
            return git.remoteUrl(settings.remote()).flatMap(GitRepo::gitHubRepository).orElse(null);
        }

        private NotesConfig notesConfig() {
            return notesConfigOf(settings);
        }

        static NotesConfig notesConfigOf(ReleaseSettings settings) {
            NotesConfig config = NotesConfig.defaults()
                    .withGroupByScope(settings.notes().groupByScope())
                    .withPullRequestTitles(settings.notes().usePullRequestTitles())
                    .withBodyLimit(settings.notes().bodyLimit());
            for (String type : settings.notes().shownTypes()) {
                config = config.withTypeSection(sectionTitle(type), type);
            }
            config = config.withSections(settings.notes().sections());
            return GitHubReleaseYaml.applyFrom(config, settings.root());
        }

        private ReleaseNotes notes(NotesBuilder builder) {
            ReleaseTag since = decision.previous();
            if (since != null && since.version().isPreRelease() && !decision.version().isPreRelease()) {
                // a stable release after a pre-release train: its readers need everything since the last
                // stable release, not only what came after the last release candidate
                since = lastStableBefore().orElse(null);
                NotesBuilder whole = new NotesBuilder(notesConfig());
                CommitFeed feed = new CommitFeed(git, since == null ? null : since.commitSha(), decision.targetSha());
                git.walk(since == null ? null : since.commitSha(), decision.targetSha(),
                        raw -> feed.feed(raw, whole, commit -> { }));
                builder = whole;
            }
            ReleaseInfo release = new ReleaseInfo(
                    repository,
                    decision.version().toString(),
                    decision.tag(),
                    since == null ? null : since.name(),
                    settings.date(),
                    GitHubConfig.webOrigin(settings.github().apiUrl()).toString());
            return builder.build(release, pullRequestOverrides.source());
        }

        /** @return the highest stable release tag below the version that HEAD (the target) reaches */
        private Optional<ReleaseTag> lastStableBefore() {
            TagNaming naming = ReleasePlanner.naming(settings);
            return git.tags().stream()
                    .flatMap(t -> naming.versionOf(t.name()).stream()
                            .filter(v -> !v.isPreRelease() && v.compareTo(decision.version()) < 0)
                            .map(v -> new ReleaseTag(t.name(), v, t.commitSha())))
                    .sorted(Comparator.comparing(ReleaseTag::version).reversed())
                    .filter(t -> git.isAncestor(t.commitSha(), decision.targetSha()))
                    .findFirst();
        }

        /** The release.notes.appendFile text (trusted: written by the build, e.g. the image digest). */
        private String appendix() {
            if (settings.notes().appendFile() == null) {
                return "";
            }
            Path file = settings.root().resolve(settings.notes().appendFile());
            try {
                return "\n" + Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ReleaseException("release.notes.appendFile " + settings.notes().appendFile()
                        + " cannot be read (" + e.getMessage() + "): write it first or drop the property", e);
            }
        }

        private PullRequestSource pullRequests() {
            if (repository == null || !settings.github().hasToken() || settings.github().skip()) {
                return null;
            }
            return new GitHubPullRequests(gitHubConfig(), retry, log, 10_000);
        }

        private GitHubConfig gitHubConfig() {
            String[] ownerName = repository.split("/", 2);
            return new GitHubConfig(
                    URI.create(settings.github().apiUrl()),
                    ownerName[0],
                    ownerName[1],
                    Optional.ofNullable(settings.github().token()),
                    Optional.ofNullable(settings.github().uploadUrl()).map(String::trim).map(URI::create));
        }

        private List<Path> assets() {
            Set<Path> found = new TreeSet<>();
            for (String glob : settings.github().assetGlobs()) {
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
                int before = found.size();
                try (Stream<Path> files = Files.walk(settings.root())) {
                    files.filter(Files::isRegularFile)
                            .filter(p -> matcher.matches(settings.root().relativize(p)))
                            .map(p -> PreWriteChecks.requireInsideRoot(settings.root(), p, glob))
                            .forEach(found::add);
                } catch (IOException e) {
                    throw new ReleaseException("cannot list files for release.assets " + glob + ": " + e.getMessage(), e);
                }
                if (found.size() == before) {
                    String message = "release.assets pattern '" + glob
                            + "' matches no file: build the assets first (e.g. ./mvnw package) or fix the pattern";
                    if (!settings.dryRun()) {
                        throw new ReleaseException(message);
                    }
                    log.warn(message);
                }
            }
            return List.copyOf(found);
        }

        private ReleasePlan.GitHubAction gitHubPreview() {
            if (settings.github().skip()) {
                return new ReleasePlan.GitHubAction("skip", null, true, prerelease(), makeLatest(), null);
            }
            Optional<String> unavailable = github.refusal();
            if (unavailable.isPresent()) {
                String refusal = GitHubRelease.refusal(unavailable.get());
                if (!settings.dryRun()) {
                    throw new ReleaseException(refusal);
                }
                log.warn("GitHub: " + unavailable.get() + "; the real run would refuse");
                blockers.add(refusal);
                return blockedCreate();
            }
            try {
                return gitHubAction(github.preview());
            } catch (ReleaseException e) {
                if (!settings.dryRun()) {
                    throw e; // a refusal of the GitHub side, before anything is written
                }
                blockers.add(e.getMessage());
                return blockedCreate();
            }
        }

        /** @return what a dry run that GitHub blocks shows: the release it would create */
        private ReleasePlan.GitHubAction blockedCreate() {
            return new ReleasePlan.GitHubAction("create", null, !settings.github().publish(), prerelease(), makeLatest(), null);
        }

        /** One releaser per run: the release list is read once. */
        private GitHubHandle gitHubHandle() {
            return new GitHubHandle(
                    () -> gitHubUnavailable().or(this::gitHubRefuses),
                    this::releaser,
                    this::request,
                    () -> new ReleaseNotifier(gitHubConfig(), retry, log));
        }

        private GitHubReleaser releaser() {
            GitHubReleaser releaser = new GitHubReleaser(gitHubConfig(), retry, log);
            if (pushesTagToGitHub()) {
                releaser.tagKeptByGit(decision.tag());
            }
            return releaser;
        }

        /** @return why GitHub cannot be used, or empty when repository and token are known */
        private Optional<String> gitHubUnavailable() {
            if (repository == null) {
                return Optional.of("the GitHub repository is unknown (set release.github.repository=owner/name)");
            }
            if (!settings.github().hasToken()) {
                return Optional.of("no token (set GITHUB_TOKEN or GH_TOKEN)");
            }
            return Optional.empty();
        }

        /**
         * @return why the token cannot make this release on GitHub: no write access
         *     ({@code permissions.push} false); empty otherwise (or when GitHub does not say). A tag on
         *     GitHub at another commit is the releaser's own check, made once while planning.
         */
        private Optional<String> gitHubRefuses() {
            if (new GitHubAccess(gitHubConfig(), retry, log).canPush().filter(push -> !push).isPresent()) {
                return Optional.of("the token has no write access to " + repository
                        + " (permissions.push is false): use a token with contents: write on it");
            }
            return Optional.empty();
        }

        private ReleasePlan.GitHubAction gitHubAction(ReleaseOutcome outcome) {
            String action = switch (outcome.action()) {
                case CREATE -> "create";
                case UPDATE -> "update";
                case UNCHANGED -> "none";
            };
            return new ReleasePlan.GitHubAction(
                    action, outcome.releaseId(), outcome.draft(), prerelease(), makeLatest(), outcome.htmlUrl());
        }

        /**
         * @return whether this run pushes the tag to the GitHub repository itself, after checking it there with git
         *     before any write (a new release: requireTagFreeOnRemote; a tag made earlier: pushExisting)
         */
        private boolean pushesTagToGitHub() {
            if (settings.dryRun() || !settings.push() || git.currentBranch().isEmpty()
                    || (makesNewRelease() && !settings.commit())) {
                return false;
            }
            String remote = settings.remote();
            String url = git.remoteUrl(remote).orElse(remote);
            return gitHubConfig().isRepositoryAt(url);
        }

        private ReleaseRequest request() {
            String name = settings.github().releaseName()
                    .replace("{tag}", decision.tag())
                    .replace("{version}", decision.version().toString());
            return new ReleaseRequest(
                    decision.tag(),
                    name,
                    body,
                    git.tagTarget(decision.tag()).orElse(decision.targetSha()),
                    settings.github().publish(),
                    prerelease(),
                    makeLatest(),
                    assets,
                    !assets.isEmpty());
        }

        private boolean prerelease() {
            return decision.version().isPreRelease();
        }

        private String makeLatest() {
            return LatestRule.makeLatest(decision.version(), decision.knownReleases());
        }

        /** A pom already set to a higher version is usually the maintainer's plan: say how to keep it. */
        private void warnIfPomIsAhead() {
            if (!decision.releases() || decision.alreadyReleased() || settings.existingTag() != null) {
                return;
            }
            String pom = reactor.version();
            if (pom == null) {
                return; // tags-only mode without a version file
            }
            SemVer.tryParse(pom.endsWith("-SNAPSHOT") ? pom.substring(0, pom.length() - "-SNAPSHOT".length()) : pom)
                    .filter(v -> v.compareTo(decision.version()) > 0)
                    .filter(v -> !v.equals(decision.version().core())) // a candidate of the pom's version: as planned
                    .ifPresent(v -> log.warn("the pom version " + pom + " is ahead of the decided version "
                            + decision.version() + "; to release " + v + " pass -Drelease.version=" + v));
        }

        /** @return the files the release commit holds: the reactor's changed poms and the changelog */
        /**
         * @param changesWorkTree false for {@code release:changelog}, which writes only the changelog; true for the
         *     goals that also set the poms (and may commit both)
         */
        private List<String> releaseFiles(boolean changesWorkTree) {
            List<String> files = new ArrayList<>();
            if (makesNewRelease()) {
                if (changesWorkTree) {
                    files.addAll(releasedReactorFiles(decision.version().toString()));
                }
                files.add(settings.notes().changelogFile());
            }
            return files;
        }

        private ReleasePlan plan(List<String> files, ReleasePlan.GitHubAction github) {
            var counts = decision.counts();
            return new ReleasePlan(
                    ReleasePlan.SCHEMA_VERSION,
                    repository,
                    decision.targetSha(),
                    decision.previous() == null ? null : decision.previous().name(),
                    decision.previous() == null ? null : decision.previous().version().toString(),
                    decision.releases() ? decision.version().toString() : null,
                    decision.tag(),
                    decision.bump(),
                    decision.reason(),
                    decision.alreadyReleased(),
                    new ReleasePlan.CommitCounts(counts.total(), counts.breaking(), counts.feat(), counts.fix(), counts.other()),
                    files,
                    NOTES_FILE,
                    assets.stream().map(p -> slashes(settings.root().relativize(p))).toList(),
                    github,
                    settings.push(),
                    settings.remote(),
                    reactor.skippedPoms().entrySet().stream()
                            .map(e -> new ReleasePlan.SkippedPom(e.getKey(), e.getValue())).toList(),
                    api.report() == null ? null : api.report().modules(),
                    log.counts(),
                    settingsFrom,

                    reactor.mode(),
                    blockers);
        }

        /**
         * The reactor files the release commit holds: those still to rewrite, and those an earlier
         * goal (release:bump, as in the lifecycle) already rewrote, i.e. changed in the work tree to
         * exactly what rewriting HEAD's version would give. Any other edit stays a dirty file.
         */
        private List<String> releasedReactorFiles(String version) {
            Set<String> toWrite = new LinkedHashSet<>(reactor.changesFor(version));
            if (settings.dryRun()) {
                // nothing is written: no work-tree status scan (the slowest part of a small dry run)
                return reactor.files().stream().filter(toWrite::contains).toList();
            }
            Set<String> modified = new LinkedHashSet<>(git.changedTrackedFiles());
            modified.retainAll(reactor.files());
            if (!modified.isEmpty()) {
                // a modified pom is the release's only when it is exactly HEAD's pom rewritten;
                // a hand edit stays the user's, so the dirty-tree check refuses it
                List<String> rewritten = rewrittenFromHead(version, modified);
                modified.removeAll(rewritten);
                toWrite.removeAll(modified);
                toWrite.addAll(rewritten);
            }
            return reactor.files().stream().filter(toWrite::contains).toList();
        }

        private List<String> rewrittenFromHead(String version, Set<String> candidates) {
            Path copy = null;
            try {
                copy = Files.createTempDirectory("release-head");
                for (String file : reactor.files()) {
                    Optional<byte[]> atHead = git.readAtHead(file);
                    if (atHead.isEmpty()) {
                        return List.of();
                    }
                    Files.createDirectories(copy.resolve(file).getParent());
                    Files.write(copy.resolve(file), atHead.get());
                }
                VersionFiles.load(copy, settings.versionFile()).apply(version);
                List<String> same = new ArrayList<>();
                for (String file : candidates) {
                    if (Arrays.equals(Files.readAllBytes(copy.resolve(file)), Files.readAllBytes(settings.root().resolve(file)))) {
                        same.add(file);
                    }
                }
                return same;
            } catch (IOException | ReleaseException e) {
                return List.of(); // HEAD's reactor cannot be rewritten the same way: the changes stay the user's
            } finally {
                deleteTree(copy);
            }
        }

        /** A plan from an earlier run must not be read as this run's when this run refuses. */
        private void deleteStalePlan() {
            try {
                Files.deleteIfExists(settings.root().resolve(PLAN_FILE));
            } catch (IOException e) {
                throw new ReleaseException("cannot delete the old " + PLAN_FILE + ": " + e.getMessage()
                        + " (delete it by hand, then rerun)", e);
            }
        }

        private void writePlanAndNotes() {
            PlanJson.write(plan, settings.root().resolve(PLAN_FILE));
            log.writeFile(settings.root());
            if (notes != null) {
                TextFiles.writeAtomically(settings.root().resolve(NOTES_FILE), body);
            }
        }

        private void report() {
            log.info("Last release: " + (plan.previousTag() == null ? "none (first release)" : plan.previousTag()));
            var c = plan.commits();
            log.info("Commits: " + c.total() + " (" + c.breaking() + " breaking, " + c.feat() + " feat, " + c.fix()
                    + " fix, " + c.other() + " other)");
            if (!plan.releases()) {
                // the reason often starts "nothing to release since ...": not said twice
                log.info(plan.reason().startsWith("nothing to release") ? "N" + plan.reason().substring(1)
                        : "Nothing to release: " + plan.reason());
                return;
            }
            log.info("Next version: " + plan.version() + " (" + plan.reason() + ")");
            log.info("Tag: " + plan.tag() + (plan.alreadyReleased() ? " (exists on HEAD)" : ""));
            log.info("Files: " + (plan.files().isEmpty() ? "none" : String.join(", ", plan.files())));
            if (!plan.assets().isEmpty()) {
                log.info("Assets: " + String.join(", ", plan.assets()) + ", SHA256SUMS");
            }
            if (plan.github() != null) {
                var g = plan.github();
                String what = switch (g.action()) {
                    case "none" -> "release " + g.releaseId() + " is up to date";
                    case "skip" -> "skipped";
                    default -> g.action() + (g.releaseId() == null ? " a release" : " release " + g.releaseId());
                };
                log.info("GitHub: " + what + (g.draft() ? " (draft)" : " (published)") + ", prerelease " + g.prerelease()
                        + ", make_latest " + g.makeLatest());
            }
            log.info("Notes: " + NOTES_FILE + (settings.dryRun() ? " (dry run: nothing else changed)" : ""));
            if (settings.dryRun()) {
                body.lines().forEach(log::info);
            }
        }

        private void requireCleanExceptReleaseFiles(List<String> files) {
            Set<String> allowed = new LinkedHashSet<>(files);
            List<String> dirty = git.changedTrackedFiles().stream().filter(f -> !allowed.contains(f)).toList();
            if (!dirty.isEmpty()) {
                throw new ReleaseException("the working tree has uncommitted changes in " + String.join(", ", dirty)
                        + ": commit or stash them, then rerun");
            }
            refusalBeforeWriting().ifPresent(refusal -> {
                throw new ReleaseException(refusal);
            });
        }

        /** @return the first check of a new release but the dirty tree that refuses, or empty */
        private Optional<String> refusalBeforeWriting() {
            if (settings.push() && !git.isPushTarget(settings.remote())) {
                return Optional.of("release.remote '" + settings.remote() + "' is not a remote of this"
                        + " repository: add it (git remote add " + settings.remote() + " <url>), set release.remote,"
                        + " or do not push (release.push=false), then rerun");
            }
            if (settings.commit() && git.currentBranch().isEmpty()) {
                return Optional.of(DETACHED_HEAD);
            }
            Optional<String> tagged = git.tagTarget(decision.tag());
            if (tagged.isPresent() && !tagged.get().equals(decision.targetSha())) {
                return Optional.of("tag " + decision.tag() + " already exists on commit " + tagged.get().substring(0, 7)
                        + ", not on HEAD: release another version (-Drelease.version) or delete the tag if it was a mistake");
            }
            return Optional.empty();
        }

        /** The refusals that do not depend on history (docs/release.md, "Refusals come first"). */
        private void checkBeforeWriting(boolean changesWorkTree) {
            if (!makesNewRelease()) {
                return;
            }
            PreWriteChecks.requireValidTagName(settings.tagPrefix(), decision.tag());
            if (changesWorkTree && settings.commit()) {
                PreWriteChecks.requireNextDevelopmentVersion(reactor, settings.nextDevelopmentVersion());
            }
            if (changesWorkTree && releasesLocally() && settings.commit()) {
                git.requireIdentity();
                if (settings.push()) {
                    PreWriteChecks.requireTagFreeOnRemote(git, settings.remote(), decision.tag(), decision.targetSha(),
                            Optional.ofNullable(settings.github().token()));
                }
            }
        }

        @Override
        public void close() {
            git.close();
        }
    }

    /**
     * The notes configuration every goal uses: {@code release.notes.*} and the project's
     * {@code .github/release.yml}; for other engines that render notes as the goals do (history/).
     *
     * @param settings the goal's parameters
     * @return the configuration
     */
    public static NotesConfig notesConfig(ReleaseSettings settings) {
        return Run.notesConfigOf(settings);
    }

    private static String sectionTitle(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "docs" -> "Documentation";
            case "build" -> "Build";
            case "ci" -> "Continuous integration";
            case "refactor" -> "Refactoring";
            case "test" -> "Tests";
            case "style" -> "Style";
            case "chore" -> "Chores";
            case "deps" -> "Dependencies";
            default -> type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1);
        };
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary copy left behind is harmless
        }
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }

}
