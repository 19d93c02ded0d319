package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.TestPoms;
import dev.llmproxy.release.git.TestRepos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The field cases of versions (V1-V3) and commit messages, on real git repositories made with the git
 * command line, through the engine's dry run (what {@code release:bump -Drelease.dryRun} does).
 */
class ReleasePlannerCasesTest {
    private static final String POM = TestPoms.app("1.0.0-SNAPSHOT");

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private TestRepos repo() {
        TestRepos repo = TestRepos.nr(dir.resolve("repo"));
        repo.write("pom.xml", POM);
        repo.git("add", "pom.xml");
        return repo;
    }

    private ReleasePlan dryRun(TestRepos repo, TestSettings settings) {
        settings.dryRun = true;
        return new ReleaseEngine(settings.build(), log()).bump();
    }

    private ReleasePlan dryRun(TestRepos repo) {
        return dryRun(repo, new TestSettings(repo.dir()));
    }

    private ReleaseLog log() {
        return new ReleaseLog() {
            @Override
            public void info(String line) {}

            @Override
            public void warn(String line) {
                warnings.add(line);
            }
        };
    }

    private String notes(TestRepos repo) throws IOException {
        return Files.readString(repo.dir().resolve(ReleaseEngine.NOTES_FILE), StandardCharsets.UTF_8);
    }

    @Test
    void v1PreReleaseNumbersCompareAsNumbers() {
        TestRepos repo = repo();
        repo.c("-m", "feat: a");
        repo.ta("v1.0.0-rc.1");
        repo.c("-m", "fix: b");
        repo.ta("v1.0.0-rc.2");
        repo.c("-m", "fix: c");
        repo.ta("v1.0.0-rc.9");
        repo.c("-m", "fix: d");
        repo.ta("v1.0.0-rc.10");
        repo.c("-m", "fix: e");
        TestSettings settings = new TestSettings(repo.dir());
        settings.preRelease = "rc";

        ReleasePlan plan = dryRun(repo, settings);

        assertEquals("v1.0.0-rc.10", plan.previousTag());
        assertEquals("1.0.0-rc.11", plan.version());
        assertEquals("prerelease", plan.bump());
    }

    @Test
    void v2NameOrderIsNotVersionOrder() throws IOException {
        TestRepos repo = repo();
        repo.c("-m", "feat: new");
        repo.ta("v0.1.0");
        repo.c("-m", "fix: whatever");
        repo.ta("v0.9.0");
        repo.c("-m", "feat: stuff");
        repo.ta("v0.10.0");
        repo.c("-m", "fix: y");

        ReleasePlan plan = dryRun(repo);
        assertEquals("v0.10.0", plan.previousTag());
        assertEquals("0.10.1", plan.version());
        String notes = notes(repo);
        assertTrue(notes.contains("y"), notes);
        assertFalse(notes.contains("stuff") || notes.contains("whatever"), notes);

        TestSettings forTag = new TestSettings(repo.dir());
        forTag.tag = "v0.10.0";
        ReleasePlan tagged = new ReleaseEngine(forTag.build(), log()).changelog();
        assertEquals("0.10.0", tagged.version());
        assertEquals("v0.9.0", tagged.previousTag());
        String tagNotes = notes(repo);
        assertTrue(tagNotes.contains("stuff"), tagNotes);
        assertFalse(tagNotes.contains("whatever") || tagNotes.contains("- y"), tagNotes);
    }

    @Test
    void v3ShallowClonesAreRefusedWithOneLine() {
        TestRepos repo = repo();
        repo.c("-m", "feat: a");
        repo.ta("v1.0.0");
        repo.c("-m", "feat: b");
        repo.c("-m", "fix: c");
        for (String[] options : List.of(new String[] {"--depth", "1"}, new String[] {"--depth", "50", "--no-tags"})) {
            TestRepos clone = TestRepos.cloneOf(repo, dir.resolve("clone" + options.length + options[1]), options);
            ReleaseException e = assertThrows(ReleaseException.class, () -> dryRun(clone));
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().contains("fetch-depth: 0"), e.getMessage());
            assertFalse(Files.exists(clone.dir().resolve(ReleaseEngine.PLAN_FILE)), "a refusal writes no plan");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            feat: x                     | BREAKING CHANGE: drops Java 8                        | 2.0.0
            fix: y                      | BREAKING-CHANGE: config key renamed                  | 2.0.0
            feat: z                     | 'Refs: #12\nBREAKING CHANGE: removed --legacy flag'  | 2.0.0
            feat(api)!: drop v1 endpoints |                                                    | 2.0.0
            fix!: change default port   |                                                      | 2.0.0
            ci(deps)!: require JDK 21 in build image |                                         | 2.0.0
            """)
    void breakingChangesReleaseMajor(String subject, String paragraph, String next) {
        TestRepos repo = repo();
        repo.c("-m", "feat: base");
        repo.ta("v1.4.0");
        if (paragraph == null) {
            repo.c("-m", subject);
        } else {
            repo.c("-m", subject, "-m", paragraph.replace("\\n", "\n"));
        }
        ReleasePlan plan = dryRun(repo);
        assertEquals(next, plan.version());
        assertEquals("major", plan.bump());
        assertEquals(1, plan.commits().breaking());
    }

    @Test
    void misplacedBangIsNotCountedAndNamed() {
        TestRepos repo = repo();
        repo.c("-m", "feat: base");
        repo.ta("v1.4.0");
        String sha = repo.c("-m", "feat!(api): misplaced bang");
        ReleasePlan plan = dryRun(repo);
        assertNull(plan.version(), plan.reason());
        assertTrue(warnings.stream().anyMatch(w -> w.contains(sha.substring(0, 7)) && w.contains("feat!(api)")), warnings.toString());
    }

    @Test
    void scopesAndTypeCase() throws IOException {
        TestRepos repo = repo();
        repo.c("-m", "chore: init");
        repo.ta("v1.0.0");
        for (String subject : List.of("build(deps-dev): bump mockito-core from 4.8.1 to 5.2.0", "feat(api/auth): add OAuth login",
                "fix(readme.root): correct link", "feat(my_feature): add flag", "fix(PROJ-123): null check",
                "feat(@example/ui): new button", "Feat: add export", "FIX: handle empty input")) {
            repo.c("-m", subject);
        }
        ReleasePlan plan = dryRun(repo);
        assertEquals("1.1.0", plan.version());
        assertEquals(1, plan.commits().other(), "only the build(deps-dev) commit is other");
        String notes = notes(repo);
        assertTrue(notes.contains("add export") && notes.contains("handle empty input"), notes);
        assertFalse(notes.contains("## Feat\n") || notes.contains("### Feat\n"), notes);
    }

    @Test
    void mergeCommitMakesOneEntry() throws IOException {
        TestRepos repo = repo();
        repo.c("-m", "chore: init");
        repo.ta("v1.0.0");
        repo.git("checkout", "-q", "-b", "feature/some-feature");
        repo.c("-m", "feat: change smth");
        repo.git("checkout", "-q", "main");
        repo.git("merge", "-q", "--no-ff", "feature/some-feature", "-m",
                "Merge pull request #178 from example-org/feature/some-feature", "-m", "feat: change smth");
        ReleasePlan plan = dryRun(repo);
        assertEquals("1.1.0", plan.version());
        String notes = notes(repo);
        assertEquals(1, notes.split("change smth", -1).length - 1, notes);
        assertFalse(notes.contains("Merge pull request"), notes);
    }

    @Test
    void aRevertAndTheCommitItRevertsInTheRangeCancelOut() {
        TestRepos repo = repo();
        repo.c("-m", "feat: base");
        repo.ta("v1.4.0");
        repo.c("-m", "docs: readme");
        repo.write("risky.txt", "risky\n");
        repo.git("add", "risky.txt");
        repo.c("-m", "feat: risky");
        repo.git("revert", "--no-edit", "HEAD");
        ReleasePlan plan = dryRun(repo);
        assertNull(plan.version(), plan.reason());
    }

    @Test
    void aRevertOfAReleasedCommitReleasesAPatch() throws IOException {
        TestRepos repo = repo();
        repo.c("-m", "chore: init");
        repo.write("risky.txt", "risky\n");
        repo.git("add", "risky.txt");
        repo.c("-m", "feat: risky");
        repo.ta("v1.4.0");
        repo.c("-m", "docs: readme");
        repo.git("revert", "--no-edit", "HEAD~1");
        ReleasePlan plan = dryRun(repo);
        assertEquals("1.4.1", plan.version());
        assertTrue(notes(repo).contains("risky"), notes(repo));
    }

    @Test
    void aStableReleaseAfterCandidatesHasTheNotesSinceTheLastStableRelease() throws IOException {
        TestRepos repo = repo();
        repo.c("-m", "feat: a");
        repo.ta("v1.0.0");
        repo.c("-m", "feat: b");
        repo.ta("v1.1.0-rc.1");
        repo.c("-m", "fix: c");

        ReleasePlan plan = dryRun(repo);

        assertEquals("1.1.0", plan.version());
        assertEquals("v1.1.0-rc.1", plan.previousTag(), "the bump counts from the last release");
        String b = repo.sha("v1.1.0-rc.1^{commit}").substring(0, 7);
        String c = repo.sha("HEAD").substring(0, 7);
        assertEquals("### Features\n\n- b (" + b + ")\n\n### Bug fixes\n\n- c (" + c + ")\n", notes(repo));
    }

    @Test
    void aPomAheadOfTheDecidedVersionIsWarnedAbout() {
        TestRepos repo = TestRepos.nr(dir.resolve("repo"));
        repo.write("pom.xml", TestPoms.app("3.0.0-SNAPSHOT"));
        repo.git("add", "pom.xml");
        repo.c("-m", "feat: a");
        repo.ta("v2.9.0");
        repo.c("-m", "feat: b");
        ReleasePlan plan = dryRun(repo);
        assertEquals("2.10.0", plan.version());
        assertEquals(List.of("the pom version 3.0.0-SNAPSHOT is ahead of the decided version 2.10.0;"
                + " to release 3.0.0 pass -Drelease.version=3.0.0"), warnings);
    }

    @Test
    void aCandidateOfThePomsVersionOrAnExistingTagIsNotWarnedAboutAsBehindThePom() {
        TestRepos repo = TestRepos.nr(dir.resolve("repo"));
        repo.write("pom.xml", TestPoms.app("1.0.0-SNAPSHOT"));
        repo.git("add", "pom.xml");
        repo.c("-m", "feat: a");
        repo.ta("v1.0.0-rc.10");
        repo.c("-m", "fix: b");
        TestSettings candidate = new TestSettings(repo.dir());
        candidate.preRelease = "rc";
        ReleasePlan plan = dryRun(repo, candidate);
        TestSettings described = new TestSettings(repo.dir());
        described.tag = "v1.0.0-rc.10";
        ReleasePlan old = dryRun(repo, described);

        assertEquals("1.0.0-rc.11", plan.version());
        assertEquals("1.0.0-rc.10", old.version());
        assertEquals(List.of(), warnings);
    }

    @Test
    void nothingToReleaseIsASuccessWithoutVersion() {
        TestRepos repo = repo();
        repo.c("-m", "feat: base");
        repo.ta("v1.4.0");
        repo.c("-m", "docs: typo");
        ReleasePlan plan = dryRun(repo);
        assertNull(plan.version());
        assertNull(plan.tag());
        assertEquals("none", plan.bump());
        assertTrue(plan.reason().startsWith("nothing to release since v1.4.0"), plan.reason());
    }

    @Test
    void firstReleaseTakesThePomVersion() {
        TestRepos repo = repo();
        repo.c("-m", "feat: first");
        ReleasePlan plan = dryRun(repo);
        assertNull(plan.previousTag());
        assertEquals("1.0.0", plan.version());
        assertEquals(List.of("pom.xml", "CHANGELOG.md"), plan.files());
    }

    @Test
    void headAlreadyTaggedIsReportedAsReleased() {
        TestRepos repo = repo();
        repo.c("-m", "feat: a");
        repo.ta("v1.0.0");
        repo.c("-m", "feat: b");
        repo.ta("v1.1.0-rc.1");
        repo.tl("v1.1.0");
        ReleasePlan plan = dryRun(repo);
        assertTrue(plan.alreadyReleased());
        assertEquals("v1.1.0", plan.tag(), "a stable tag beats a pre-release tag on the same commit");
        assertEquals("v1.0.0", plan.previousTag());
        assertEquals("v1.1.0 already points at HEAD", plan.reason());
        assertEquals(List.of(), plan.files());
    }

    /** docs/release.md: "drop [release.preRelease] to graduate", also on the very commit of the candidate. */
    @Test
    void preReleaseOnHeadGraduatesWithoutPreReleaseAndIsResumedWithIt() {
        TestRepos repo = repo();
        repo.c("-m", "feat: a");
        repo.ta("v1.0.0");
        repo.c("-m", "feat: b");
        repo.ta("v1.1.0-rc.1");

        ReleasePlan graduation = dryRun(repo);
        assertFalse(graduation.alreadyReleased());
        assertEquals("1.1.0", graduation.version());
        assertEquals("v1.1.0-rc.1", graduation.previousTag());
        assertEquals("minor: v1.1.0-rc.1 graduates to 1.1.0; no new releasable commits", graduation.reason());

        TestSettings train = new TestSettings(repo.dir());
        train.preRelease = "rc";
        ReleasePlan rerun = dryRun(repo, train);
        assertTrue(rerun.alreadyReleased());
        assertEquals("v1.1.0-rc.1 already points at HEAD", rerun.reason());
    }

    /** v1.0.0 on main, then v2.0.0 on branch next, which main never merges; main checked out. */
    private TestRepos withV2OnAnUnmergedBranch() {
        TestRepos repo = repo();
        repo.c("-m", "feat: a");
        repo.ta("v1.0.0");
        repo.git("checkout", "-q", "-b", "next");
        repo.c("-m", "feat!: b, only on next");
        repo.ta("v2.0.0");
        repo.git("checkout", "-q", "main");
        return repo;
    }

    @Test
    void higherUnreachableTagIsNamed() {
        TestRepos repo = withV2OnAnUnmergedBranch();
        repo.c("-m", "fix: c");
        TestSettings settings = new TestSettings(repo.dir());
        settings.bump = "major";
        ReleaseException e = assertThrows(ReleaseException.class, () -> dryRun(repo, settings));
        assertTrue(e.getMessage().contains("v2.0.0"), e.getMessage());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("release tag v2.0.0 is higher than the last release v1.0.0")),
                warnings.toString());
    }

    @Test
    void higherUnreachableTagIsNotTheStartOfTheNotes() throws IOException {
        TestRepos repo = withV2OnAnUnmergedBranch();
        repo.c("-m", "fix: cure the leak");
        repo.c("-m", "feat!(api): misplaced bang");
        TestSettings settings = new TestSettings(repo.dir());
        settings.version = "3.0.0";
        ReleasePlan plan = dryRun(repo, settings);
        assertEquals("3.0.0", plan.version());
        assertEquals("v1.0.0", plan.previousTag());
        String notes = notes(repo);
        assertEquals(1, notes.split("cure the leak", -1).length - 1, notes);
        assertFalse(notes.contains("only on next"), notes);
        assertFalse(notes.contains("feat: a"), notes);
        assertEquals(1, warnings.stream().filter(w -> w.contains("misplaced bang")).count(), warnings.toString());
    }

    @Test
    void invalidExplicitVersionIsRefusedByName() {
        TestRepos repo = repo();
        repo.c("-m", "feat: a");
        TestSettings settings = new TestSettings(repo.dir());
        settings.version = "1.02.0";
        ReleaseException e = assertThrows(ReleaseException.class, () -> dryRun(repo, settings));
        assertTrue(e.getMessage().contains("release.version") && e.getMessage().contains("1.02.0"), e.getMessage());
    }

    @Test
    void otherTagsAreIgnoredWithOneWarning() {
        TestRepos repo = repo();
        repo.c("-m", "feat: a");
        repo.ta("v1.0.0");
        repo.tl("v1.02.0");
        repo.tl("v1");
        repo.tl("nightly");
        repo.c("-m", "fix: b");
        ReleasePlan plan = dryRun(repo);
        assertEquals("1.0.1", plan.version());
        assertEquals(List.of("ignoring tags that are not release tags (vX.Y.Z): nightly, v1, v1.02.0"), warnings);
    }
    /** A lower tag on a maintenance branch is not the previous release of a tag on HEAD. */
    @Test
    void describingATagTakesTheReachableLowerTagNotOneOnAMaintenanceBranch() {
        TestRepos repo = repo();
        repo.c("-m", "feat: a");
        repo.ta("v1.4.0");
        repo.git("checkout", "-q", "-b", "maint-1.4");
        repo.c("-m", "fix: only on the maintenance line");
        repo.ta("v1.4.1");
        repo.git("checkout", "-q", "main");
        repo.c("-m", "feat: b");
        repo.ta("v1.5.0");

        ReleasePlan plan = dryRun(repo);
        assertTrue(plan.alreadyReleased());
        assertEquals("v1.5.0", plan.tag());
        assertEquals("v1.4.0", plan.previousTag());
        assertEquals(1, plan.commits().total());
    }

    /** Issue #12 item 5: tags changed style ({@code 1.x}, then {@code v1.x}); one history with release.tagPrefixes. */
    @Test
    void unprefixedThenPrefixedTagsReadAsOneHistory() {
        TestRepos repo = repo();
        repo.c("-m", "feat: a");
        repo.ta("1.0.0");
        repo.c("-m", "feat: b");
        repo.ta("1.1.0");
        repo.c("-m", "fix: c");
        TestSettings settings = new TestSettings(repo.dir());
        settings.tagPrefixes = "v,";

        ReleasePlan first = dryRun(repo, settings);
        assertEquals("1.1.0", first.previousTag());
        assertEquals("1.1.1", first.version());
        assertEquals("v1.1.1", first.tag());

        repo.ta("v1.1.1");
        repo.c("-m", "feat: d");
        ReleasePlan next = dryRun(repo, settings);
        assertEquals("v1.1.1", next.previousTag());
        assertEquals("1.2.0", next.version());
        assertEquals(List.of(), warnings);
    }

    /** Issue #10 item 10: un-prefixed tags with prefix v used to plan "first release 0.0.1". */
    @Test
    void unprefixedTagsAreNeverUndercut() {
        TestRepos repo = TestRepos.nr(dir.resolve("repo"));
        repo.write("pom.xml", TestPoms.app("0.0.1-SNAPSHOT"));
        repo.git("add", "pom.xml");
        repo.c("-m", "feat: a");
        repo.ta("1.0.0");
        repo.c("-m", "feat: b");
        repo.ta("1.1.0");
        repo.c("-m", "fix: c");

        ReleaseException e = assertThrows(ReleaseException.class, () -> dryRun(repo));
        assertEquals("tag 1.1.0 on commit " + repo.sha("1.1.0^{commit}").substring(0, 7) + " looks like a release of this project"
                + " but release.tagPrefix and release.tagPrefixes do not read it, and the next version 0.0.1 would not be"
                + " after it: add the empty prefix (a leading or trailing comma, e.g. release.tagPrefixes=v,) to"
                + " release.tagPrefixes, or set release.initialVersion to a higher version", e.getMessage());
        assertFalse(Files.exists(repo.dir().resolve(ReleaseEngine.PLAN_FILE)), "a refusal writes no plan");
    }

    @Test
    void buildMetadataTwinsAreWarnedAboutAndOneIsTakenByRule() {
        TestRepos repo = repo();
        repo.c("-m", "feat: a");
        repo.ta("v1.0.0+build.2");
        repo.c("-m", "fix: b");
        repo.ta("v1.0.0+build.1");
        repo.c("-m", "fix: c");

        ReleasePlan plan = dryRun(repo);
        assertEquals("v1.0.0+build.1", plan.previousTag());
        assertEquals("1.0.1", plan.version());
        assertEquals(1, plan.commits().total());
        assertEquals(List.of("tags v1.0.0+build.1, v1.0.0+build.2 are one version 1.0.0 that differs only in build"
                + " metadata; v1.0.0+build.1 is taken (without build metadata first, then the release.tagPrefix style,"
                + " then name order): delete the others to silence this"), warnings);
    }

    /** Issue #12 item 5: an rc of the next minor on another branch does not stop a patch on this line. */
    @Test
    void higherReleaseCandidateOnAnotherBranchIsNamedAndDoesNotStopAPatch() {
        TestRepos repo = repo();
        repo.c("-m", "feat: a");
        repo.ta("v1.1.0");
        repo.git("checkout", "-q", "-b", "next");
        repo.c("-m", "feat: b, only on next");
        repo.ta("v1.2.0-rc.1");
        repo.git("checkout", "-q", "main");
        repo.c("-m", "fix: c");

        ReleasePlan plan = dryRun(repo);
        assertEquals("v1.1.0", plan.previousTag());
        assertEquals("1.1.1", plan.version());
        assertEquals(List.of("pre-release tag v1.2.0-rc.1 is higher than the last release v1.1.0 but is not reachable"
                + " from HEAD (a candidate on another branch); it does not stop a release on this line"), warnings);
    }

    /** Issue #10 item 10: the previous release as a commit when the history has no tag for it. */
    @Test
    void previousTagBySha() {
        TestRepos repo = repo();
        repo.c("-m", "feat: a");
        String released = repo.sha("HEAD");
        repo.c("-m", "fix: b");
        repo.c("-m", "fix: c");
        TestSettings settings = new TestSettings(repo.dir());
        settings.previousTag = released.substring(0, 10);

        ReleasePlan plan = dryRun(repo, settings);
        assertEquals(2, plan.commits().total());
        assertEquals("1.0.0", plan.version());
        assertNull(plan.previousTag());
        assertEquals("first release 1.0.0 from the pom version 1.0.0-SNAPSHOT; 2 fix commits, first "
                + repo.sha("HEAD~1").substring(0, 7) + " fix: b; commits after " + released.substring(0, 7)
                + " (release.previousTag)", plan.reason());

        repo.ta("v1.0.0");
        ReleasePlan tagged = dryRun(repo, settings);
        assertTrue(tagged.alreadyReleased());
        assertEquals(2, tagged.commits().total(), "CI on the tag's push: the notes start after release.previousTag too");
        assertEquals(List.of(), warnings);
    }

    @Test
    void previousTagByTagOfAnotherStyleStartsTheBump() {
        TestRepos repo = repo();
        repo.c("-m", "feat: a");
        repo.ta("rel_1.3.0");
        repo.c("-m", "fix: b");
        TestSettings settings = new TestSettings(repo.dir());
        settings.previousTag = "rel_1.3.0";

        ReleasePlan plan = dryRun(repo, settings);
        assertEquals("rel_1.3.0", plan.previousTag());
        assertEquals("1.3.0", plan.previousVersion());
        assertEquals("1.3.1", plan.version());
        assertEquals(1, plan.commits().total());
    }

    @Test
    void previousTagIsIgnoredWhenATagIsReachableAndRefusedWhenUnknown() {
        TestRepos repo = repo();
        repo.c("-m", "feat: a");
        repo.ta("v1.0.0");
        repo.c("-m", "fix: b");
        TestSettings settings = new TestSettings(repo.dir());
        settings.previousTag = "v1.0.0";
        assertEquals("1.0.1", dryRun(repo, settings).version());
        assertEquals(List.of("release.previousTag v1.0.0 is ignored: the history has the release tag v1.0.0; drop the setting"),
                warnings);

        TestRepos fresh = TestRepos.nr(dir.resolve("fresh"));
        fresh.write("pom.xml", POM);
        fresh.git("add", "pom.xml");
        fresh.c("-m", "feat: a");
        TestSettings unknown = new TestSettings(fresh.dir());
        unknown.previousTag = "nope";
        ReleaseException e = assertThrows(ReleaseException.class, () -> dryRun(fresh, unknown));
        assertEquals("release.previousTag 'nope' is neither a tag nor a commit of this repository: name an existing tag"
                + " or commit SHA (fetch tags with git fetch --tags)", e.getMessage());
    }

    /** Issue #12 item 4: a module listed only in an inactive profile, missing on disk, is no refusal. */
    @Test
    void missingProfileModuleIsLeftAloneAndNamedInThePlan() {
        TestRepos repo = TestRepos.nr(dir.resolve("repo"));
        repo.write("pom.xml", TestPoms.app("1.0.0-SNAPSHOT").replace("</project>",
                "  <profiles><profile><id>samples</id><modules><module>samples</module></modules></profile></profiles>\n</project>"));
        repo.git("add", "pom.xml");
        repo.c("-m", "feat: a");
        List<String> infos = new ArrayList<>();
        TestSettings settings = new TestSettings(repo.dir());
        settings.dryRun = true;

        ReleasePlan plan = new ReleaseEngine(settings.build(), new ReleaseLog() {
            @Override
            public void info(String line) {
                infos.add(line);
            }

            @Override
            public void warn(String line) {
                warnings.add(line);
            }
        }).bump();

        String reason = "listed by pom.xml for profile 'samples' only, and does not exist; Maven builds the default"
                + " reactor without it";
        assertEquals("1.0.0", plan.version());
        assertEquals(List.of(new ReleasePlan.SkippedPom("samples/pom.xml", reason)), plan.skippedPoms());
        assertEquals(List.of("pom.xml", "CHANGELOG.md"), plan.files());
        assertTrue(infos.contains("poms left alone by the version change: samples/pom.xml (" + reason + ")"), infos.toString());
        assertTrue(PlanJson.toJson(plan).contains("\"skippedPoms\" : [ {\n    \"path\" : \"samples/pom.xml\""),
                PlanJson.toJson(plan));
    }

    /**
     * The release-please form {@code chore: release 2.0.0} + {@code Release-As: 2.0.0}: the planner keeps the
     * footer of a commit of a hidden type (it drops the bodies of the commits it does not need).
     */
    @ParameterizedTest
    @CsvSource({"Release-As", "release-as", "RELEASE-AS"})
    void releaseAsFooterOnAChoreCommitSetsTheVersion(String token) {
        TestRepos repo = repo();
        repo.c("-m", "chore: init");
        repo.ta("v1.4.0");
        repo.c("-m", "chore: release 2.0.0", "-m", token + ": 2.0.0");
        repo.c("-m", "docs: after the release commit");

        ReleasePlan plan = dryRun(repo);

        assertEquals("v1.4.0", plan.previousTag());
        assertEquals("2.0.0", plan.version());
        assertEquals("v2.0.0", plan.tag());
        assertEquals(2, plan.commits().total());
        assertEquals(List.of(), warnings);
    }
}
