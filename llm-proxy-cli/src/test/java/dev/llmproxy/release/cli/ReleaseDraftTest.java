package dev.llmproxy.release.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The draft flow in-process, against a sample project with the fake mvnw and a bare origin. */
class ReleaseDraftTest {
    private static final String PLUGIN = "-B -ntp dev.llmproxy:release-maven-plugin:" + LlmProxy.version();
    private static final String DRY = PLUGIN + ":draft -Drelease.dryRun=true";
    private static final String REAL = PLUGIN + ":draft -Drelease.dryRun=false";
    private static final String DRY_DRAFT = DRY + " -Drelease.push=true";
    private static final String REAL_DRAFT = REAL + " -Drelease.push=true";

    /** These tests play the goal's contract with the fake mvnw: the plan comes from the goal's dry run. */
    private static final java.util.Map<String, String> GOAL_PLANS = goalPlans();

    private static java.util.Map<String, String> goalPlans() {
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put(GoalCommand.PLAN_IN_MAVEN_ENV, "true");
        return java.util.Map.copyOf(env);
    }

    @TempDir
    Path dir;

    SampleProject project;

    @BeforeEach
    void createProject() throws Exception {
        project = SampleProject.create(dir, true);
    }

    private InProcess person(String answer, String... args) {
        return InProcess.run(project.root, GOAL_PLANS, answer, true, false, args);
    }

    @Test
    void dryRunShowsThePlanAndTheNotesAndChangesNothing() throws Exception {
        InProcess run = InProcess.run(project.root, GOAL_PLANS, null, false, false, "release", "draft", "--dry-run");

        assertEquals(0, run.exitCode, run::toString);
        assertAll(
                () -> assertTrue(run.out.contains("Version  1.4.2 → 1.5.0  (minor: 3 feat commits, first a1b2c3d feat(proxy): stream responses)"), run::toString),
                () -> assertTrue(run.out.contains("Tag      v1.5.0\n"), run::toString),
                () -> assertTrue(run.out.contains("Commits  12 (0 breaking, 3 feat, 5 fix, 4 other)"), run::toString),
                () -> assertTrue(run.out.contains("Files    pom.xml, release-maven-plugin/pom.xml, CHANGELOG.md"), run::toString),
                () -> assertTrue(run.out.contains("Push     commit and tag v1.5.0 to origin " + project.origin), run::toString),
                () -> assertTrue(run.out.contains("GitHub   create a draft release in example-org/app"), run::toString),
                () -> assertTrue(run.out.contains("  Features\n\n  • proxy: stream responses (#12) (a1b2c3d)\n  • add --timeout option\n"), run::toString),
                () -> assertTrue(run.out.contains("Dry run: nothing was changed."), run::toString),
                () -> assertFalse(run.out.contains("[y/N]"), run::toString),
                () -> assertEquals("", run.err));
        assertEquals(List.of(DRY_DRAFT), project.mavenCalls());
        assertEquals(SampleProject.untouchedState(), project.gitState());
    }

    @Test
    void answeringNoLeavesEverythingUntouched() throws Exception {
        InProcess run = person("n\n", "release", "draft");

        assertEquals(1, run.exitCode, run::toString);
        assertTrue(run.out.contains("Create v1.5.0? [y/N] Cancelled: nothing was changed."), run::toString);
        assertEquals(List.of(DRY_DRAFT), project.mavenCalls());
        assertEquals(SampleProject.untouchedState(), project.gitState());
    }

    @Test
    void endOfInputIsNo() throws Exception {
        InProcess run = person("", "release", "draft");

        assertEquals(1, run.exitCode, run::toString);
        assertTrue(run.out.contains("Cancelled: nothing was changed."), run::toString);
        assertEquals(SampleProject.untouchedState(), project.gitState());
    }

    @Test
    void answeringYesRunsTheRealGoalAndSummarises() throws Exception {
        InProcess run = person("y\n", "release", "draft");

        assertEquals(0, run.exitCode, run::toString);
        assertEquals(List.of(DRY_DRAFT, REAL_DRAFT), project.mavenCalls());
        assertEquals("v1.5.0", SampleProject.run(project.origin, "git", "tag", "-l"));
        assertAll(
                () -> assertTrue(run.out.contains("✔ Released v1.5.0 (1.4.2 → 1.5.0)"), run::toString),
                () -> assertTrue(run.out.contains("Tag v1.5.0 pushed to origin " + project.origin + ": CI should start on the tag."), run::toString),
                () -> assertTrue(run.out.contains("Draft release: https://github.com/example-org/app/releases/tag/untagged-42"), run::toString));
    }

    @Test
    void yesFlagGoesAheadWithoutAskingEvenWithoutTerminal() throws Exception {
        InProcess run = InProcess.run(project.root, GOAL_PLANS, null, false, false, "release", "draft", "--yes");

        assertEquals(0, run.exitCode, run::toString);
        assertFalse(run.out.contains("[y/N]"), run::toString);
        assertEquals(List.of(DRY_DRAFT, REAL_DRAFT), project.mavenCalls());
        assertEquals("v1.5.0", SampleProject.run(project.origin, "git", "tag", "-l"));
    }

    @Test
    void withoutTerminalAndWithoutYesRefusesAfterThePreview() throws Exception {
        InProcess run = InProcess.run(project.root, GOAL_PLANS, null, false, false, "release", "draft");

        assertEquals(2, run.exitCode, run::toString);
        assertEquals("llm-proxy: no terminal to answer \"Create v1.5.0?\": rerun with --yes to go ahead without asking,"
                + " or with --dry-run to only preview\n", run.err);
        assertTrue(run.out.contains("1.4.2 → 1.5.0"), run::toString);
        assertEquals(List.of(DRY_DRAFT), project.mavenCalls());
        assertEquals(SampleProject.untouchedState(), project.gitState());
    }

    @Test
    void alreadyReleasedButNotOnOriginGoesOnToPush() throws Exception {
        project.editDryPlan("\"alreadyReleased\" : false", "\"alreadyReleased\" : true");
        project.editDryPlan("\"action\" : \"create\"", "\"action\" : \"none\"");

        InProcess run = InProcess.run(project.root, GOAL_PLANS, null, false, false, "release", "draft", "--yes");

        assertEquals(0, run.exitCode, run::toString);
        assertFalse(run.out.contains("Nothing to release"), run::toString);
        assertEquals(List.of(DRY_DRAFT, REAL_DRAFT), project.mavenCalls());
    }

    @Test
    void optionsBecomeReleaseProperties() throws Exception {
        InProcess run = InProcess.run(project.root, GOAL_PLANS, null, false, false, "release", "draft", "--bump", "minor", "--version", "1.5.0",
                "--pre", "rc", "--no-push", "--no-github", "--publish", "-y");

        assertEquals(0, run.exitCode, run::toString);
        String options = " -Drelease.bump=minor -Drelease.version=1.5.0 -Drelease.preRelease=rc"
                + " -Drelease.push=false -Drelease.github.skip=true -Drelease.publish=true";
        assertEquals(List.of(DRY + options, REAL + options), project.mavenCalls());
        assertTrue(run.out.contains("Push     no: the tag stays local (--no-push)"), run::toString);
        assertTrue(run.out.contains("Tag v1.5.0 is local only; push it with: git push --atomic origin HEAD v1.5.0"), run::toString);
        assertEquals("", SampleProject.run(project.origin, "git", "tag", "-l"));
    }

    @Test
    void pushAndGithubFlagsPassTheirPositiveValue() throws Exception {
        InProcess run = InProcess.run(project.root, GOAL_PLANS, null, false, false, "release", "draft", "--push", "--github", "--dry-run");

        assertEquals(0, run.exitCode, run::toString);
        assertEquals(List.of(DRY_DRAFT + " -Drelease.github.skip=false"), project.mavenCalls());
    }

    @Test
    void nothingToReleaseExitsZeroAndSaysWhy() throws Exception {
        project.nothingToRelease();

        InProcess run = person(null, "release", "draft");

        assertEquals(0, run.exitCode, run::toString);
        assertTrue(run.out.contains("Nothing to release: no feat, fix or breaking commits since v1.4.2"), run::toString);
        assertFalse(run.out.contains("[y/N]"), run::toString);
        assertEquals(List.of(DRY_DRAFT), project.mavenCalls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--dry-run", "--yes"})
    void alreadyReleasedWithNothingLeftToDoSaysSoAndExitsZero(String option) throws Exception {
        project.editDryPlan("\"alreadyReleased\" : false", "\"alreadyReleased\" : true");
        project.editDryPlan("\"action\" : \"create\"", "\"action\" : \"none\"");
        SampleProject.run(project.root, "git", "tag", "v1.5.0");
        SampleProject.run(project.root, "git", "push", "-q", "origin", "v1.5.0");

        InProcess run = InProcess.run(project.root, GOAL_PLANS, null, false, false, "release", "draft", option);

        assertEquals(0, run.exitCode, run::toString);
        assertTrue(run.out.contains("Nothing to release: v1.5.0 is already released (the tag points at HEAD"
                + " and the GitHub release is up to date)\n"), run::toString);
        assertFalse(run.out.contains("Release plan"), run::toString);
        assertEquals(List.of(DRY_DRAFT), project.mavenCalls());
    }

    @Test
    void alreadyReleasedWithoutItsGitHubReleaseGoesOnToCreateIt() throws Exception {
        project.editDryPlan("\"alreadyReleased\" : false", "\"alreadyReleased\" : true");

        InProcess run = InProcess.run(project.root, GOAL_PLANS, null, false, false, "release", "draft", "--yes");

        assertEquals(0, run.exitCode, run::toString);
        assertTrue(run.out.contains("Tag      v1.5.0  (already on HEAD: only the remaining steps run)"), run::toString);
        assertEquals(List.of(DRY_DRAFT, REAL_DRAFT), project.mavenCalls());
    }

    @Test
    void noPushKeepsTheTagLocalAndSaysSo() throws Exception {
        project.editDryPlan("\"notesFile\"", "\"push\" : false, \"notesFile\"");

        InProcess run = InProcess.run(project.root, GOAL_PLANS, null, false, false, "release", "draft", "--dry-run", "--no-push");

        assertEquals(0, run.exitCode, run::toString);
        assertEquals(List.of(PLUGIN + ":draft -Drelease.dryRun=true -Drelease.push=false"), project.mavenCalls());
        assertTrue(run.out.contains("Push     no: the tag stays local (--no-push)\n"), run::toString);
    }

    @Test
    void mavenFailureShowsTheFirstUsefulErrorLineOnly() throws Exception {
        project.failing();

        InProcess run = InProcess.run(project.root, GOAL_PLANS, null, false, false, "release", "draft", "--yes");

        assertEquals(1, run.exitCode, run::toString);
        assertEquals("llm-proxy: working tree has uncommitted changes in pom.xml: commit or stash them, then rerun"
                + " (rerun with --verbose to see Maven's output)\n", run.err);
        assertFalse(run.out.contains("MojoFailureException"), run::toString);
        assertEquals(SampleProject.untouchedState(), project.gitState());
    }

    @Test
    void tooOldMavenIsAnEnvironmentProblemThatSaysWhatToDo() throws Exception {
        java.nio.file.Files.writeString(project.root.resolve(".fake-maven/fail"), "[ERROR] Failed to execute goal"
                + " dev.llmproxy:release-maven-plugin:0.1.0-SNAPSHOT:draft (default-cli) on project sample: The plugin"
                + " dev.llmproxy:release-maven-plugin:0.1.0-SNAPSHOT requires Maven version 3.9.0 -> [Help 1]\n");

        InProcess run = InProcess.run(project.root, GOAL_PLANS, null, false, false, "release", "draft", "--dry-run");

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.err.contains("requires Maven version 3.9.0: "), run.err);
        assertTrue(run.err.contains("is too old; add the Maven wrapper to the project (mvn wrapper:wrapper -Dmaven=3.9.16)"), run.err);
    }

    @Test
    void verboseStreamsAllOfMavensOutput() throws Exception {
        project.failing();

        InProcess run = InProcess.run(project.root, GOAL_PLANS, null, false, false, "release", "draft", "--verbose");

        assertEquals(1, run.exitCode, run::toString);
        assertTrue(run.out.contains("\tat dev.llmproxy.release.maven.DraftMojo.execute(DraftMojo.java:42)\n"), run::toString);
        assertEquals("llm-proxy: working tree has uncommitted changes in pom.xml: commit or stash them, then rerun\n", run.err);
    }

    @Test
    void staleplanFromAnEarlierRunIsNeverShown() throws Exception {
        Files.createDirectories(project.root.resolve("target/release"));
        Files.writeString(project.root.resolve("target/release/plan.json"), "{\"version\":\"9.9.9\"}");
        project.failing();

        InProcess run = InProcess.run(project.root, GOAL_PLANS, null, false, false, "release", "draft", "--dry-run");

        assertEquals(1, run.exitCode, run::toString);
        assertFalse(run.out.contains("9.9.9"), run::toString);
        assertFalse(Files.exists(project.root.resolve("target/release/plan.json")));
    }

    @Test
    void colourOnlyWhenTheTerminalAllowsIt() {
        InProcess plain = InProcess.run(project.root, GOAL_PLANS, null, false, false, "release", "draft", "--dry-run");
        InProcess coloured = InProcess.run(project.root, GOAL_PLANS, null, true, true, "release", "draft", "--dry-run");

        assertFalse(plain.out.contains("\u001b["), plain::toString);
        assertTrue(coloured.out.contains("\u001b[1m1.5.0\u001b[0m"), coloured::toString);
    }

    @Test
    void dashCFindsTheReactorRootFromAModule() throws Exception {
        InProcess run = InProcess.run(dir, GOAL_PLANS, null, false, false, "release", "draft", "--dry-run", "-C", "sample/core");

        assertEquals(0, run.exitCode, run::toString);
        assertTrue(run.out.contains("Planning the release of " + project.root + " (dry run)"), run::toString);
        assertEquals(List.of(DRY_DRAFT), project.mavenCalls());
    }

    @Test
    void bumpAndChangelogRunTheirOwnGoals() throws Exception {
        InProcess bump = InProcess.run(project.root, GOAL_PLANS, null, false, false, "release", "bump", "--bump", "patch", "--dry-run");
        InProcess changelog = person("y\n", "release", "changelog");

        assertEquals(0, bump.exitCode, bump::toString);
        assertEquals(0, changelog.exitCode, changelog::toString);
        assertFalse(bump.out.contains("Push "), bump::toString);
        assertTrue(changelog.out.contains("Write the changelog for 1.5.0? [y/N] "), changelog::toString);
        assertTrue(changelog.out.contains("Release notes for 1.5.0 written to target/release/notes.md"), changelog::toString);
        assertEquals(List.of(PLUGIN + ":bump -Drelease.dryRun=true -Drelease.bump=patch",
                PLUGIN + ":changelog -Drelease.dryRun=true", PLUGIN + ":changelog -Drelease.dryRun=false"),
                project.mavenCalls());
    }
}
