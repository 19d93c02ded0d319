package dev.llmproxy.release.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmproxy.release.standin.GitHubStandIn;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubReleaseTest extends StepTestBase {
    private GitHubStandIn github;
    private final StepFixture.Counting step = new StepFixture.Counting(new GitHubRelease());

    @BeforeEach
    void setUp() {
        github = fixture.withGitHub();
    }

    private JsonNode onlyRelease() {
        List<JsonNode> releases = github.releases();
        assertEquals(1, releases.size());
        return releases.get(0);
    }

    @Test
    void aFreshWorldGetsADraftRelease() {
        World world = fixture.world();
        assertEquals("github release", step.name());
        assertEquals(Status.todo("create draft release"), step.check(fixture.plan(), world));

        Status done = step.run(fixture.plan(), world);

        JsonNode release = onlyRelease();
        long id = release.path("id").asLong();
        assertEquals(Status.done("create draft release " + id + " (" + release.path("html_url").asText() + ")"), done);
        assertEquals(1, step.applied);
        assertEquals(true, release.path("draft").asBoolean());
        assertEquals("v1.5.0", release.path("tag_name").asText());
        assertEquals(Status.done("release " + id + " (draft) is up to date"), step.check(fixture.plan(), world));
    }

    @Test
    void assetsAndPublishingAreInTheLine() {
        fixture.repo.write("dist/app.jar", "jar bytes\n");
        fixture.properties.put("release.assets", "dist/app.jar");
        fixture.properties.put("release.publish", "true");
        World world = fixture.world();

        Status todo = step.check(fixture.plan(), world);
        Status done = step.run(fixture.plan(), world);

        assertEquals(Status.todo("create published release, upload app.jar (10 bytes), upload SHA256SUMS (74 bytes)"), todo);
        JsonNode release = onlyRelease();
        assertEquals(false, release.path("draft").asBoolean());
        assertEquals(Status.done("create published release " + release.path("id").asLong() + " ("
                + release.path("html_url").asText() + "), upload app.jar (10 bytes), upload SHA256SUMS (74 bytes)"), done);
        assertEquals(Status.done("release " + release.path("id").asLong() + " (published) is up to date"),
                step.check(fixture.plan(), fixture.world()));
    }

    @Test
    void aReleaseAsAskedIsLeftAlone() {
        step.run(fixture.plan(), fixture.world());
        long writes = github.writeCount();
        StepFixture.Counting again = new StepFixture.Counting(new GitHubRelease());

        Status status = again.run(fixture.plan(), fixture.world());

        assertEquals(Status.done("release " + onlyRelease().path("id").asLong() + " (draft) is up to date"), status);
        assertEquals(0, again.applied);
        assertEquals(writes, github.writeCount());
    }

    @Test
    void aChangedAssetOfAnUnchangedReleaseIsToDo() {
        fixture.repo.write("dist/app.jar", "jar bytes\n");
        fixture.properties.put("release.assets", "dist/app.jar");
        step.run(fixture.plan(), fixture.world());
        fixture.repo.write("dist/app.jar", "new jar bytes\n");

        Status status = new GitHubRelease().check(fixture.plan(), fixture.world());

        JsonNode release = onlyRelease();
        assertEquals(Status.todo("unchanged draft release " + release.path("id").asLong() + " ("
                + release.path("html_url").asText() + "), replace app.jar (14 bytes), replace SHA256SUMS (74 bytes)"), status);
    }

    @Test
    void twoDraftsOfTheTagBlockWithTheFix() {
        long first = github.addRelease("v1.5.0", true);
        long second = github.addRelease("v1.5.0", true);

        assertEquals(Status.blocked("GitHub has 2 draft releases for v1.5.0 (ids " + second + ", " + first
                + "): delete all but one on GitHub, then rerun"), step.check(fixture.plan(), fixture.world()));
        assertEquals(0, github.writeCount());
    }

    @Test
    void noTokenBlocksWithTheFix() {
        fixture.gitHubRefusal = Optional.of("no token (set GITHUB_TOKEN or GH_TOKEN)");

        assertEquals(Status.blocked("cannot create the GitHub Release: no token (set GITHUB_TOKEN or GH_TOKEN), or pass"
                + " -Drelease.github.skip=true to release without GitHub"), step.check(fixture.plan(), fixture.world()));
        assertEquals(0, github.requests().size());
    }

    @Test
    void switchedOffItSaysWhy() {
        assertEquals(Status.skipped("nothing to release: no releasable commits since v1.4.0"),
                step.check(fixture.plan(null, false), fixture.world()));
        fixture.properties.put("release.github.skip", "true");
        assertEquals(Status.skipped("release.github.skip=true"), step.check(fixture.plan(), fixture.world()));
        assertEquals(0, github.requests().size());
    }
}
