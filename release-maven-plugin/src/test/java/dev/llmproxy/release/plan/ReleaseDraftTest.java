package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.git.TestRepos;
import dev.llmproxy.release.github.RetryPolicy;
import dev.llmproxy.release.standin.Fault;
import dev.llmproxy.release.standin.GitHubStandIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code release:draft} end to end on a real repository with a bare {@code origin} and the GitHub
 * stand-in: one run leaves one published release with notes, assets and SHA256SUMS and the tag
 * on origin; a second run changes nothing; a run after a failure finishes the job.
 */
class ReleaseDraftTest {
    private static final String TOKEN = "test-token-1234567890";
    private static final RetryPolicy NO_WAIT = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1),
            Duration.ofSeconds(30), Duration.ofSeconds(10), d -> { }, System::nanoTime);

    @TempDir
    Path dir;

    private GitHubStandIn github;
    private TestRepos repo;
    private TestRepos origin;

    @BeforeEach
    void setUp() {
        github = GitHubStandIn.start("example-org/app", TOKEN);
        origin = TestRepos.bare(dir.resolve("origin.git"));
        repo = AppAt140.create(dir.resolve("app"));
        repo.c("-m", "feat(proxy): stream responses");
        repo.c("-m", "fix: keep C# samples");
        repo.git("remote", "add", "origin", origin.dir().toString());
        repo.git("push", "-q", "origin", "main", "v1.4.0");
    }

    @AfterEach
    void tearDown() {
        github.close();
    }

    private TestSettings settings() {
        TestSettings s = new TestSettings(repo.dir());
        s.commit = true;
        s.push = true;
        s.publish = true;
        s.githubSkip = false;
        s.apiUrl = github.apiUrl().toString();
        s.repository = "example-org/app";
        s.token = TOKEN;
        s.assets = List.of("dist/*.jar");
        return s;
    }

    private ReleasePlan draft(TestSettings s) {
        return new ReleaseEngine(s.build(), ReleaseLog.SILENT, NO_WAIT).draft();
    }

    @Test
    void oneRunReleasesAndASecondChangesNothing() throws IOException {
        ReleasePlan plan = draft(settings());

        assertEquals("1.5.0", plan.version());
        String tagged = repo.sha("v1.5.0^{commit}");
        assertEquals(tagged, origin.sha("refs/tags/v1.5.0^{commit}"), "the tag is on origin");
        assertEquals(repo.sha("HEAD"), origin.sha("refs/heads/main"));
        assertEquals("chore(release): 1.5.0", repo.git("log", "-1", "--format=%s"));
        assertEquals("CHANGELOG.md\npom.xml", repo.git("show", "--format=", "--name-only", "HEAD"));
        assertTrue(Files.readString(repo.dir().resolve("pom.xml")).contains("<version>1.5.0</version>"));
        assertEquals("", repo.git("status", "--porcelain", "--untracked-files=no"));

        List<JsonNode> releases = github.releases();
        assertEquals(1, releases.size());
        JsonNode release = releases.get(0);
        assertEquals("v1.5.0", release.get("tag_name").asText());
        assertFalse(release.get("draft").asBoolean());
        assertEquals(tagged, release.get("target_commitish").asText());
        assertTrue(release.get("body").asText().contains("stream responses"), release.get("body").asText());
        List<String> assetNames = release.get("assets").findValuesAsText("name");
        assertEquals(List.of("app.jar", "SHA256SUMS"), assetNames);
        assertTrue(plan.github().htmlUrl() != null && plan.github().htmlUrl().contains("v1.5.0"), String.valueOf(plan.github()));

        long writes = github.writeCount();
        String head = repo.sha("HEAD");
        ReleasePlan again = draft(settings());
        assertTrue(again.alreadyReleased());
        assertEquals("none", again.github().action());
        assertEquals(writes, github.writeCount(), "a second run writes nothing to GitHub");
        assertEquals(head, repo.sha("HEAD"), "a second run makes no commit");
        assertEquals(1, github.releases().size());
        String changelog = Files.readString(repo.dir().resolve("CHANGELOG.md"), StandardCharsets.UTF_8);
        assertEquals(1, changelog.split("## \\[1\\.5\\.0\\]", -1).length - 1, changelog);
    }

    @Test
    void rerunAfterAGitHubFailureFinishesTheJob() {
        github.inject(Fault.on("POST", ".*/releases$").status(500, "Server Error").times(50));
        TestSettings s = settings();
        assertThrows(ReleaseException.class, () -> draft(s));
        assertEquals(repo.sha("v1.5.0^{commit}"), origin.sha("refs/tags/v1.5.0^{commit}"), "git part done");
        assertEquals(0, github.releases().size());

        github.clearFaults();
        ReleasePlan plan = draft(settings());
        assertTrue(plan.alreadyReleased());
        assertEquals(1, github.releases().size());
        assertFalse(github.releases().get(0).get("draft").asBoolean());
    }

    @Test
    void rerunAfterACrashBetweenCommitAndTagTagsTheReleaseCommit() {
        TestSettings local = settings();
        local.push = false;
        local.githubSkip = true;
        draft(local);
        String releaseCommit = repo.sha("HEAD");
        repo.git("tag", "-d", "v1.5.0"); // the crash: the commit is made, the tag is not

        ReleasePlan plan = draft(settings());

        assertEquals("1.5.0", plan.version());
        assertEquals(releaseCommit, repo.sha("HEAD"), "no second release commit");
        assertEquals(releaseCommit, repo.sha("v1.5.0^{commit}"));
        assertEquals(releaseCommit, origin.sha("refs/tags/v1.5.0^{commit}"));
        assertEquals(1, github.releases().size());
    }

    @Test
    void rejectedPushIsAnErrorAndARerunAfterTheFixFinishes() {
        TestRepos other = TestRepos.cloneOf(origin, dir.resolve("other"));
        other.c("-m", "docs: someone else pushed first");
        other.git("push", "-q", "origin", "main");

        ReleaseException e = assertThrows(ReleaseException.class, () -> draft(settings()));
        assertTrue(e.getMessage().contains("rejected"), e.getMessage());
        assertEquals("", origin.git("tag", "-l", "v1.5.0"), "no tag on origin");
        assertEquals(0, github.releases().size());

        assertEquals("", repo.git("tag", "-l", "v1.5.0"), "no dangling local tag");
        assertTrue(e.getMessage().contains("git pull --rebase origin"), e.getMessage());

        repo.git("pull", "-q", "--rebase", "origin", "main"); // the fix the message names
        ReleasePlan plan = draft(settings());
        assertEquals("1.5.0", plan.version());
        assertEquals(repo.sha("HEAD"), origin.sha("refs/heads/main"));
        assertEquals(repo.sha("HEAD"), origin.sha("refs/tags/v1.5.0^{commit}"));
        assertEquals(1, github.releases().size());
    }

    @Test
    void nextDevelopmentVersionIsASecondCommitAfterTheTag() throws IOException {
        TestSettings s = settings();
        s.nextDevelopmentVersion = "1.6.0-SNAPSHOT";
        draft(s);
        assertEquals("chore(release): prepare 1.6.0-SNAPSHOT", repo.git("log", "-1", "--format=%s"));
        assertEquals(repo.sha("HEAD~1"), repo.sha("v1.5.0^{commit}"));
        assertTrue(Files.readString(repo.dir().resolve("pom.xml")).contains("<version>1.6.0-SNAPSHOT</version>"));
        assertEquals(repo.sha("HEAD"), origin.sha("refs/heads/main"));

        ReleasePlan again = draft(s);
        assertEquals(null, again.version(), "after the release, nothing to release: " + again.reason());
    }

    @Test
    void detachedHeadIsRefusedBeforeAnyChange() {
        repo.git("checkout", "-q", "--detach");
        String head = repo.sha("HEAD");
        ReleaseException e = assertThrows(ReleaseException.class, () -> draft(settings()));
        assertTrue(e.getMessage().startsWith("HEAD is detached"), e.getMessage());
        assertEquals(head, repo.sha("HEAD"));
        assertEquals("", repo.git("status", "--porcelain", "--untracked-files=no"));
    }

    @Test
    void aRefusalLeavesNoPlanFromAnEarlierRun() throws IOException {
        TestSettings dry = settings();
        dry.dryRun = true;
        draft(dry);
        assertTrue(Files.exists(repo.dir().resolve(ReleaseEngine.PLAN_FILE)));
        repo.write("pom.xml", Files.readString(repo.dir().resolve("pom.xml")) + "<!-- edit -->\n");
        assertThrows(ReleaseException.class, () -> draft(settings()));
        assertFalse(Files.exists(repo.dir().resolve(ReleaseEngine.PLAN_FILE)), "no stale plan after a refusal");
    }

    @Test
    void dirtyTreeIsRefusedAndNothingChanges() throws IOException {
        repo.write("pom.xml", Files.readString(repo.dir().resolve("pom.xml")) + "<!-- edit -->\n");
        repo.write("README.md", "x");
        repo.git("add", "README.md");
        String head = repo.sha("HEAD");
        ReleaseException e = assertThrows(ReleaseException.class, () -> draft(settings()));
        assertTrue(e.getMessage().contains("README.md") && e.getMessage().contains("commit or stash"), e.getMessage());
        assertEquals(head, repo.sha("HEAD"));
        assertEquals("", repo.git("tag", "-l", "v1.5.0"));
        assertEquals(0, github.releases().size());
        assertFalse(Files.exists(repo.dir().resolve(ReleaseEngine.PLAN_FILE)), "a refusal writes no plan");
        assertEquals(0, github.requests().size(), "a refusal asks nothing of GitHub");
    }

    /** The release lifecycle: bump and changelog leave the poms and CHANGELOG.md changed, draft commits them. */
    @Test
    void draftAfterBumpAndChangelogCommitsWhatTheyWrote() {
        TestSettings local = settings();
        local.commit = false;
        ReleasePlan bumped = new ReleaseEngine(local.build(), ReleaseLog.SILENT).bump();
        ReleasePlan changelog = new ReleaseEngine(local.build(), ReleaseLog.SILENT).changelog();
        assertEquals(List.of("pom.xml", "CHANGELOG.md"), bumped.files());
        assertEquals(List.of("CHANGELOG.md"), changelog.files(), "release:changelog writes only the changelog");

        ReleasePlan plan = draft(settings());

        assertEquals(List.of("pom.xml", "CHANGELOG.md"), plan.files());
        assertEquals(repo.sha("HEAD"), repo.sha("v1.5.0^{commit}"));
        assertEquals("CHANGELOG.md\npom.xml", repo.git("show", "--format=", "--name-only", "HEAD"));
        assertEquals("", repo.git("status", "--porcelain", "--untracked-files=no"));
    }

    @Test
    void anEditOnTopOfTheBumpIsStillRefused() throws IOException {
        TestSettings local = settings();
        local.commit = false;
        new ReleaseEngine(local.build(), ReleaseLog.SILENT).bump();
        repo.write("pom.xml", Files.readString(repo.dir().resolve("pom.xml")) + "<!-- edit -->\n");
        String head = repo.sha("HEAD");

        ReleaseException e = assertThrows(ReleaseException.class, () -> draft(settings()));

        assertEquals("the working tree has uncommitted changes in pom.xml: commit or stash them, then rerun", e.getMessage());
        assertEquals(head, repo.sha("HEAD"));
        assertEquals("", repo.git("tag", "-l", "v1.5.0"));
    }

    /** Before: poms, CHANGELOG.md and the release commit were made, then the push failed on the missing remote. */
    @Test
    void pushToAMissingRemoteIsRefusedBeforeAnyChange() {
        TestSettings s = settings();
        s.remote = "nope";
        String head = repo.sha("HEAD");

        ReleaseException e = assertThrows(ReleaseException.class, () -> draft(s));

        assertEquals("release.remote 'nope' is not a remote of this repository: add it (git remote add nope <url>),"
                + " set release.remote, or do not push (release.push=false), then rerun", e.getMessage());
        assertEquals(head, repo.sha("HEAD"));
        assertEquals("", repo.git("status", "--porcelain", "--untracked-files=no"));
        assertEquals("", repo.git("tag", "-l", "v1.5.0"));
        assertEquals(0, github.requests().size());

        s.remote = origin.dir().toString();
        draft(s);
        assertEquals(repo.sha("HEAD"), origin.sha("v1.5.0^{commit}"), "a path is a remote too");
    }

    @Test
    void tagOnAnotherCommitIsRefused() {
        repo.tl("v1.5.0", "HEAD~1");
        String head = repo.sha("HEAD");
        TestSettings s = settings();
        s.version = "1.5.0";
        ReleaseException e = assertThrows(ReleaseException.class, () -> draft(s));
        assertTrue(e.getMessage().contains("v1.5.0"), e.getMessage());
        assertEquals(head, repo.sha("HEAD"));
    }

    @Test
    void twoDraftsOfTheTagAreABlockerOfTheDryRunAndARefusalBeforeAnyChange() {
        long first = github.addRelease("v1.5.0", true);
        long second = github.addRelease("v1.5.0", true);
        String head = repo.sha("HEAD");
        String refusal = "GitHub has 2 draft releases for v1.5.0 (ids " + second + ", " + first
                + "): delete all but one on GitHub, then rerun";
        TestSettings dry = settings();
        dry.dryRun = true;

        ReleasePlan plan = draft(dry);
        ReleaseException e = assertThrows(ReleaseException.class, () -> draft(settings()));

        assertEquals(List.of(refusal), plan.blockers());
        assertEquals(refusal, e.getMessage());
        assertEquals(head, repo.sha("HEAD"));
        assertEquals("", repo.git("status", "--porcelain", "--untracked-files=no"));
        assertEquals("", repo.git("tag", "-l", "v1.5.0"));
        assertEquals("", origin.git("tag", "-l", "v1.5.0"));
        assertEquals(0, github.writeCount());
    }

    @Test
    void dryRunChangesNothingAndNeedsNoToken() {
        TestSettings s = settings();
        s.dryRun = true;
        s.token = null;
        String head = repo.sha("HEAD");
        ReleasePlan plan = draft(s);
        assertEquals("1.5.0", plan.version());
        assertEquals("create", plan.github().action());
        assertEquals(List.of("dist/app.jar"), plan.assets());
        assertEquals(head, repo.sha("HEAD"));
        assertEquals("", repo.git("status", "--porcelain", "--untracked-files=no"));
        assertEquals(0, github.writeCount());
        ReleasePlan written = PlanJson.read(repo.dir().resolve(ReleaseEngine.PLAN_FILE));
        assertEquals(plan, written);
        assertEquals("1.5.0", written.version());
        assertEquals(new ReleasePlan.GitHubAction("create", null, false, false, "true", null), written.github());
    }

    @Test
    void appendFileEndsTheReleaseBodyButNotTheChangelog() throws IOException {
        repo.write("target/image.md", "Image: `ghcr.io/example-org/app@sha256:0123`\n");
        TestSettings s = settings();
        s.appendFile = "target/image.md";
        draft(s);
        String body = github.releases().get(0).get("body").asText();
        assertTrue(body.endsWith("\nImage: `ghcr.io/example-org/app@sha256:0123`\n"), body);
        assertFalse(Files.readString(repo.dir().resolve("CHANGELOG.md")).contains("sha256:0123"));

        s.appendFile = "target/missing.md";
        ReleaseException e = assertThrows(ReleaseException.class, () -> draft(s));
        assertTrue(e.getMessage().startsWith("release.notes.appendFile target/missing.md cannot be read"), e.getMessage());
    }

    @Test
    void tokenNeverReachesThePlanOrNotes() throws IOException {
        draft(settings());
        String planText = Files.readString(repo.dir().resolve(ReleaseEngine.PLAN_FILE));
        String notes = Files.readString(repo.dir().resolve(ReleaseEngine.NOTES_FILE));
        assertFalse(planText.contains(TOKEN) || notes.contains(TOKEN));
        assertFalse(new TestSettings(repo.dir()).build().github().toString().contains(TOKEN));
    }

    /** test-strength.md §2 #10: the token is masked as {@code ***}, an absent or blank one reads {@code none}. */
    @Test
    void gitHubSettingsMaskTheTokenAndSayWhenThereIsNone() {
        TestSettings s = settings();
        s.apiUrl = "https://api.github.com";
        assertTrue(s.build().github().hasToken());
        assertEquals("GitHubSettings[apiUrl=https://api.github.com, repository=example-org/app, token=***, publish=true]",
                s.build().github().toString());
        s.token = null;
        assertFalse(s.build().github().hasToken());
        assertEquals("GitHubSettings[apiUrl=https://api.github.com, repository=example-org/app, token=none, publish=true]",
                s.build().github().toString());
        s.token = "  ";
        assertFalse(s.build().github().hasToken(), "a blank token is no token");
        assertTrue(s.build().github().toString().contains("token=none"), s.build().github().toString());
    }

    /** test-strength.md §1.2 #1: an -rc version goes to GitHub as a pre-release that is not made latest. */
    @Test
    void releaseCandidateIsAPreReleaseThatIsNotMadeLatest() throws IOException {
        TestSettings s = settings();
        s.preRelease = "rc";

        ReleasePlan plan = draft(s);

        assertEquals("1.5.0-rc.1", plan.version());
        JsonNode release = github.releases().get(0);
        assertEquals("v1.5.0-rc.1", release.get("tag_name").asText());
        assertTrue(release.get("prerelease").asBoolean());
        assertFalse(release.get("draft").asBoolean());
        JsonNode sent = publishRequestBody();
        assertTrue(sent.get("prerelease").asBoolean());
        assertEquals("false", sent.get("make_latest").textValue(), "make_latest is the string \"false\"");
        assertTrue(github.latestReleaseId().isEmpty(), "a pre-release never becomes the latest release");
        assertEquals(new ReleasePlan.GitHubAction("create", release.get("id").asLong(), false, true, "false",
                release.get("html_url").asText()), PlanJson.read(repo.dir().resolve(ReleaseEngine.PLAN_FILE)).github());
    }

    /** The stable counterpart of the test above, and §2 #7: plan.json after publishing holds the GitHub outcome. */
    @Test
    void stableReleaseIsMadeLatestAndThePlanRecordsThePublishedRelease() throws IOException {
        ReleasePlan plan = draft(settings());

        JsonNode release = github.releases().get(0);
        JsonNode sent = publishRequestBody();
        assertFalse(sent.get("prerelease").asBoolean());
        assertEquals("true", sent.get("make_latest").textValue());
        assertEquals(release.get("id").asLong(), github.latestReleaseId().getAsLong());

        ReleasePlan written = PlanJson.read(repo.dir().resolve(ReleaseEngine.PLAN_FILE));
        ReleasePlan.GitHubAction published = new ReleasePlan.GitHubAction(
                "create", release.get("id").asLong(), false, false, "true",
                release.get("html_url").asText());
        assertTrue(published.htmlUrl().endsWith("/example-org/app/releases/tag/v1.5.0"), published.htmlUrl());
        assertEquals(published, written.github());
        assertEquals(published, plan.github());
        assertEquals(plan, written);
        assertEquals("1.5.0", written.version());
        assertEquals("v1.5.0", written.tag());
        assertEquals("v1.4.0", written.previousTag());
        assertEquals(repo.sha("HEAD~1"), written.headSha(), "the plan names the commit it released from");
        assertEquals(List.of("dist/app.jar"), written.assets());
    }

    /** §1.2 #8: the tag was made but not pushed (a crash, or a failed push): a rerun pushes the existing tag. */
    @Test
    void rerunAfterTheTagWasMadeButNotPushedPushesTheExistingTag() throws IOException {
        TestSettings local = settings();
        local.push = false;
        local.githubSkip = true;
        draft(local);
        String released = repo.sha("HEAD");
        assertEquals(released, repo.sha("v1.5.0^{commit}"));
        assertEquals("", origin.git("tag", "-l", "v1.5.0"));

        Path away = dir.resolve("origin-away.git");
        Files.move(origin.dir(), away); // the push of the rerun fails
        ReleaseException e = assertThrows(ReleaseException.class, () -> draft(settings()));
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        assertEquals(released, repo.sha("v1.5.0^{commit}"), "a failed push of an existing tag keeps the tag");
        assertEquals(0, github.releases().size(), "nothing on GitHub before the tag is on origin");
        Files.move(away, origin.dir());

        ReleasePlan plan = draft(settings());

        assertTrue(plan.alreadyReleased());
        assertEquals(released, repo.sha("HEAD"), "no second release commit");
        assertEquals(released, origin.sha("refs/tags/v1.5.0^{commit}"));
        assertEquals(released, origin.sha("refs/heads/main"));
        assertEquals(1, github.releases().size());
        assertEquals("v1.5.0", github.releases().get(0).get("tag_name").asText());
    }

    /** §1.2 #8: publishing tells the issues a commit closes, through the engine; a draft tells nobody. */
    @Test
    void publishingCommentsOnTheClosedIssueAndADraftDoesNot() {
        github.addIssue(12, "timeouts", false);
        repo.c("-m", "fix: handle timeouts", "-m", "Closes #12");
        repo.git("push", "-q", "origin", "main");
        TestSettings asDraft = settings();
        asDraft.publish = false;

        draft(asDraft);
        assertEquals(List.of(), github.comments(12), "a draft is not announced");

        ReleasePlan plan = draft(settings());

        List<String> comments = github.comments(12);
        assertEquals(1, comments.size(), comments.toString());
        assertTrue(comments.get(0).startsWith("Released in [v1.5.0](" + plan.github().htmlUrl() + ")"), comments.get(0));
    }

    /** @return the body of the one request that published the release (the draft is created first, then published) */
    private JsonNode publishRequestBody() throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<JsonNode> publishing = new java.util.ArrayList<>();
        for (var request : github.requests()) {
            if (request.path().matches(".*/releases(/\\d+)?") && request.jsonBody() != null) {
                JsonNode body = mapper.readTree(request.jsonBody());
                if (body.has("draft") && !body.get("draft").asBoolean()) {
                    publishing.add(body);
                }
            }
        }
        assertEquals(1, publishing.size(), "one request publishes the release: " + publishing);
        return publishing.get(0);
    }
}
