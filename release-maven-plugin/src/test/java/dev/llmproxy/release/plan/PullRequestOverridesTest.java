package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.llmproxy.release.TestPoms;
import dev.llmproxy.release.git.TestRepos;
import dev.llmproxy.release.github.GitHubConfig;
import dev.llmproxy.release.standin.GitHubStandIn;
import dev.llmproxy.release.standin.PullRequestSeed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12 item 1: release-please's {@code BEGIN_COMMIT_OVERRIDE} in a merged pull request's body decides the
 * version as well as the notes, read from the GitHub stand-in within the request budget (one pulls page for the
 * plan and the notes); offline the commit's own message decides, with one warning where release-please is
 * configured. Synthetic histories.
 */
@Timeout(60)
class PullRequestOverridesTest {
    private static final String TOKEN = "ghp_overrideTests";
    private static final String PULLS = "/repos/example-org/app/pulls$";

    @TempDir
    Path dir;

    private final GitHubStandIn gitHub = GitHubStandIn.start("example-org/app", TOKEN);
    private final DryRun dryRun = new DryRun();
    private TestRepos repo;

    @AfterEach
    void stop() {
        gitHub.close();
    }

    private TestRepos repo() {
        repo = TestRepos.nr(dir.resolve("repo"));
        repo.write("pom.xml", TestPoms.app("1.0.0-SNAPSHOT"));
        repo.git("add", "pom.xml");
        repo.c("-m", "chore: init");
        repo.ta("v1.0.0");
        return repo;
    }

    /** A squash-merged pull request: its commit on main, and the pull request with {@code body} on the stand-in. */
    private String squashMerged(int number, String subject, String body) {
        String sha = repo.c("-m", subject + " (#" + number + ")");
        gitHub.addPullRequest(new PullRequestSeed(number, subject, body, "dev", "CONTRIBUTOR", List.of(),
                String.format("%040x", number), sha, true, String.format("2026-11-%02dT10:00:00Z", number % 28 + 1)));
        return sha;
    }

    private static String override(String block) {
        return "Generated changes.\n\nBEGIN_COMMIT_OVERRIDE\n" + block + "\nEND_COMMIT_OVERRIDE\n";
    }

    private TestSettings online() {
        TestSettings settings = new TestSettings(repo.dir());
        settings.githubSkip = false;
        settings.apiUrl = gitHub.apiUrl().toString();
        settings.repository = "example-org/app";
        settings.token = TOKEN;
        return settings;
    }

    private String notes() throws IOException {
        return Files.readString(repo.dir().resolve(ReleaseEngine.NOTES_FILE), StandardCharsets.UTF_8);
    }

    /** @return the stand-in's web origin with a trailing slash */
    private String origin() {
        return GitHubConfig.webOrigin(gitHub.apiUrl().toString()).toString().replaceAll("/$", "") + "/";
    }

    private String web() {
        return origin() + "example-org/app/";
    }

    /** @return the notes' reference to a commit and the pull request that brought it */
    private String refs(String sha, int number) {
        return "([" + sha.substring(0, 7) + "](" + web() + "commit/" + sha + "), [#" + number + "](" + web() + "pull/"
                + number + "))";
    }

    /** @return the end of the notes: the contributor {@code dev} and the compare link */
    private String end(String version) {
        return "### Contributors\n\n- [@dev](" + origin() + "dev)\n\n"
                + "**Full changelog**: [v1.0.0...v" + version + "](" + web() + "compare/v1.0.0...v" + version + ")\n";
    }

    private List<String> warnings() {
        return dryRun.lines.stream().filter(l -> l.startsWith("WARN ")).toList();
    }

    @Test
    void aChoreWhosePullRequestBodyOverridesItToAFeatReleasesAMinor() throws IOException {
        repo();
        String sha = squashMerged(31, "chore: update generated code", override("feat(api): add widgets"));

        ReleasePlan plan = dryRun.run(online());

        assertEquals("1.1.0", plan.version());
        assertEquals("minor: 1 feat commit, first " + sha.substring(0, 7) + " feat(api): add widgets; the body of pull"
                + " request #31 overrides its commit", plan.reason());
        assertEquals("### Features\n\n- **api:** add widgets " + refs(sha, 31) + "\n\n" + end("1.1.0"), notes());
        assertEquals(1, gitHub.count("GET", PULLS), "the plan and the notes share one pulls page");
        assertEquals(1, gitHub.requests().size(), gitHub.requests()::toString);
    }

    @Test
    void aFixWhosePullRequestBodyOverridesItToABreakingFeatReleasesAMajor() throws IOException {
        repo();
        String sha = squashMerged(32, "fix: regenerate clients", override("feat!: drop the v1 client"));

        ReleasePlan plan = dryRun.run(online());

        assertEquals("2.0.0", plan.version());
        assertEquals("major: 1 breaking commit, first " + sha.substring(0, 7) + " feat!: drop the v1 client; the body"
                + " of pull request #32 overrides its commit", plan.reason());
        assertEquals(1, plan.commits().breaking());
        String entry = "drop the v1 client " + refs(sha, 32) + "\n";
        assertEquals("### Breaking changes\n\n- " + entry + "\n### Features\n\n- " + entry + "\n" + end("2.0.0"), notes());
    }

    @Test
    void nestedCommitsOfAnOverrideMakeOneEntryEachAndTheHighestBumpDecides() throws IOException {
        repo();
        repo.c("-m", "fix: an earlier fix");
        String sha = squashMerged(33, "chore: regenerate", override("fix: regenerate clients\n\n"
                + "BEGIN_NESTED_COMMIT\nfix(deps): update alpha to v2\nEND_NESTED_COMMIT\n"
                + "BEGIN_NESTED_COMMIT\nfeat(beta): add the beta endpoint\nEND_NESTED_COMMIT"));

        ReleasePlan plan = dryRun.run(online());

        assertEquals("1.1.0", plan.version());
        assertEquals("minor: 1 feat commit, first " + sha.substring(0, 7) + " feat(beta): add the beta endpoint; the"
                + " body of pull request #33 overrides its commit", plan.reason());
        assertEquals(4, plan.commits().total());
        assertEquals(1, plan.commits().feat());
        assertEquals(3, plan.commits().fix());
        String earlier = repo.sha("HEAD~1");
        assertEquals("### Features\n\n- **beta:** add the beta endpoint " + refs(sha, 33) + "\n\n"
                + "### Bug fixes\n\n- regenerate clients " + refs(sha, 33) + "\n"
                + "- **deps:** update alpha to v2 " + refs(sha, 33) + "\n"
                + "- an earlier fix ([" + earlier.substring(0, 7) + "](" + web() + "commit/" + earlier + "))\n\n"
                + end("1.1.0"), notes());
    }

    @Test
    void anOverrideThatDemotesTheOnlyFeatLeavesNothingToRelease() {
        repo();
        squashMerged(34, "feat: regenerate everything", override("chore: regenerate everything"));

        ReleasePlan plan = dryRun.run(online());

        assertNull(plan.version(), plan.reason());
        assertEquals("nothing to release since v1.0.0 (1 commit, none releasable); the body of pull request #34 overrides its commit", plan.reason());
    }

    @Test
    void pullRequestsWithoutOverrideLeaveTheCommitsAsTheyAre() {
        repo();
        squashMerged(41, "chore: tidy", "Just tidying.");
        squashMerged(42, "docs: explain widgets", "");
        String release = repo.c("-m", "chore: release 2.0.0 (#43)", "-m", "Release-As: 2.0.0");

        ReleasePlan plan = dryRun.run(online());

        assertEquals("2.0.0", plan.version(), plan.reason());
        assertEquals(3, plan.commits().total());
        assertEquals(3, plan.commits().other());
        assertEquals(1, gitHub.count("GET", PULLS));
        assertEquals(1, gitHub.count("GET", "/commits/" + release + "/pulls$"), "#43 was not seeded: looked up alone");
    }

    @Test
    void withoutTokenTheCommitsOwnTypeDecidesAndAReleasePleaseProjectIsToldOnce() {
        repo();
        repo.write(".github/release-please.yml", "releaseType: java-yoshi\n");
        repo.git("add", ".github/release-please.yml");
        repo.c("-m", "build: configure release-please");
        squashMerged(31, "chore: update generated code", override("feat(api): add widgets"));
        squashMerged(32, "fix: regenerate clients", override("feat!: drop the v1 client"));
        TestSettings offline = online();
        offline.token = null;

        ReleasePlan plan = dryRun.run(offline);

        assertEquals("1.0.1", plan.version());
        assertEquals(List.of("WARN 2 squash-merged commits since v1.0.0 name their pull requests (#32, #31), whose"
                + " body GitHub was not asked for: a release-please BEGIN_COMMIT_OVERRIDE there does not count, the"
                + " commits' own messages decide the version (no GitHub token: set GITHUB_TOKEN or GH_TOKEN)"),
                warnings());
        assertEquals(0, gitHub.requests().size());
    }

    @Test
    void withGitHubSkippedTheWarningNamesTheSkip() {
        repo();
        repo.write(".github/release-please.yml", "releaseType: java-yoshi\n");
        repo.git("add", ".github/release-please.yml");
        repo.c("-m", "build: configure release-please");
        squashMerged(31, "chore: update generated code", override("feat(api): add widgets"));
        TestSettings skipped = online();
        skipped.githubSkip = true;

        ReleasePlan plan = dryRun.run(skipped);

        assertNull(plan.version(), plan.reason());
        assertEquals(List.of("WARN 1 squash-merged commit since v1.0.0 names its pull request (#31), whose body"
                + " GitHub was not asked for: a release-please BEGIN_COMMIT_OVERRIDE there does not count, the"
                + " commit's own message decides the version (release.github.skip is set)"), warnings());
    }

    @Test
    void withoutReleasePleaseConfigurationAnOfflineRunStaysQuiet() {
        repo();
        squashMerged(31, "fix: update generated code", override("feat(api): add widgets"));
        TestSettings offline = online();
        offline.token = null;

        ReleasePlan plan = dryRun.run(offline);

        assertEquals("1.0.1", plan.version());
        assertEquals(List.of(), warnings());
    }

    @Test
    void anExplicitVersionNeedsNoWarning() {
        repo();
        repo.write(".github/release-please.yml", "releaseType: java-yoshi\n");
        repo.git("add", ".github/release-please.yml");
        repo.c("-m", "build: configure release-please");
        squashMerged(31, "fix: update generated code", override("feat(api): add widgets"));
        TestSettings offline = online();
        offline.token = null;
        offline.version = "3.0.0";

        ReleasePlan plan = dryRun.run(offline);

        assertEquals("3.0.0", plan.version());
        assertEquals(List.of(), warnings());
    }

    @Test
    void aRangeWithoutSquashMergedCommitsAsksNothingWhilePlanning() {
        repo();
        repo.c("-m", "chore: tidy");
        TestSettings settings = online();

        ReleasePlan plan = dryRun.run(settings);

        assertNull(plan.version(), plan.reason());
        assertEquals(0, gitHub.requests().size());
    }
}
