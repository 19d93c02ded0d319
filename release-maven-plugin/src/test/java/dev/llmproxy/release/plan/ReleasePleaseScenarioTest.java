package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.llmproxy.release.TestPoms;
import dev.llmproxy.release.git.TestRepos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12 items 1-3 on real git repositories (synthetic messages), through the engine's dry run:
 * release-please's message forms, sections as configured, each change once.
 */
class ReleasePleaseScenarioTest {
    @TempDir
    Path dir;

    private final DryRun dryRun = new DryRun();

    private TestRepos repo() {
        TestRepos repo = TestRepos.nr(dir.resolve("repo"));
        repo.write("pom.xml", TestPoms.app("1.0.0-SNAPSHOT"));
        repo.git("add", "pom.xml");
        repo.c("-m", "chore: init");
        repo.ta("v1.0.0");
        return repo;
    }

    private ReleasePlan dryRun(TestSettings settings) {
        return dryRun.run(settings);
    }

    private String notes(TestRepos repo) throws IOException {
        return Files.readString(repo.dir().resolve(ReleaseEngine.NOTES_FILE), StandardCharsets.UTF_8);
    }

    private static String s(TestRepos repo, String rev) {
        return repo.sha(rev).substring(0, 7);
    }

    @Test
    void anOverrideBlockInTheBodyReplacesTheMessageForVersionAndNotes() throws IOException {
        TestRepos repo = repo();
        repo.c("-m", "chore: update generated code (#31)", "-m",
                "BEGIN_COMMIT_OVERRIDE\nfeat(api): add widgets\n\nfix: gadgets no longer leak\nEND_COMMIT_OVERRIDE");
        ReleasePlan plan = dryRun(new TestSettings(repo.dir()));
        assertEquals("1.1.0", plan.version());
        String h = s(repo, "HEAD");
        assertEquals("### Features\n\n- **api:** add widgets (" + h + ")\n\n### Bug fixes\n\n- gadgets no longer leak (" + h + ")\n",
                notes(repo));
    }

    @Test
    void nestedCommitsMakeOneEntryEach() throws IOException {
        TestRepos repo = repo();
        repo.c("-m", "fix: regenerate clients", "-m",
                "BEGIN_NESTED_COMMIT\nfix(deps): update alpha to v2\nEND_NESTED_COMMIT\n"
                        + "BEGIN_NESTED_COMMIT\nfeat: add beta endpoint\nEND_NESTED_COMMIT");
        ReleasePlan plan = dryRun(new TestSettings(repo.dir()));
        assertEquals("1.1.0", plan.version());
        assertEquals(3, plan.commits().total());
        String h = s(repo, "HEAD");
        assertEquals("### Features\n\n- add beta endpoint (" + h + ")\n\n### Bug fixes\n\n- regenerate clients (" + h
                + ")\n- **deps:** update alpha to v2 (" + h + ")\n", notes(repo));
    }

    @Test
    void messagesStackedInTheFooterAreSeveralChangesAndTheirBreakingFootersCount() throws IOException {
        TestRepos repo = repo();
        repo.c("-m", "fix: first change", "-m", "Some words.", "-m",
                "feat(utils): second change\n  Source-Ref: 111\n  BREAKING-CHANGE: encode no longer throws", "-m",
                "fix(utils): third change\n  Source-Ref: 222");
        ReleasePlan plan = dryRun(new TestSettings(repo.dir()));
        assertEquals("2.0.0", plan.version());
        String h = s(repo, "HEAD");
        assertEquals("### Breaking changes\n\n- **utils:** second change — encode no longer throws (" + h + ")\n\n"
                + "### Features\n\n- **utils:** second change (" + h + ")\n\n"
                + "### Bug fixes\n\n- first change (" + h + ")\n- **utils:** third change (" + h + ")\n", notes(repo));
    }

    @Test
    void configuredSectionsMergeDependenciesAndHideChores() throws IOException {
        TestRepos repo = repo();
        for (String message : List.of("deps: update alpha to v2", "chore(deps): update beta to v3",
                "build(deps): update gamma to v4", "chore: tidy", "fix: a bug")) {
            repo.c("-m", message);
        }
        TestSettings settings = new TestSettings(repo.dir());
        settings.releaseTypes = "feat=minor,fix=patch,deps=patch";
        settings.sections = "feat=Features,fix=Bug Fixes,deps=Dependencies,chore(deps)=Dependencies,"
                + "build(deps)=dependencies,chore=-,ci=-,test=-";
        ReleasePlan plan = dryRun(settings);
        assertEquals("1.0.1", plan.version());
        assertEquals("### Bug Fixes\n\n- a bug (" + s(repo, "HEAD") + ")\n\n### Dependencies\n\n"
                + "- **deps:** update gamma to v4 (" + s(repo, "HEAD~2") + ")\n"
                + "- **deps:** update beta to v3 (" + s(repo, "HEAD~3") + ")\n"
                + "- update alpha to v2 (" + s(repo, "HEAD~4") + ")\n", notes(repo));
    }

    @Test
    void showTypesDepsJoinsTheDependenciesSectionInsteadOfASecondOne() throws IOException {
        TestRepos repo = repo();
        repo.c("-m", "deps: update alpha to v2");
        repo.c("-m", "chore(deps): update beta to v3");
        TestSettings settings = new TestSettings(repo.dir());
        settings.releaseTypes = "feat=minor,fix=patch,deps=patch";
        settings.shownTypes = List.of("deps");
        dryRun(settings);
        assertEquals("### Dependencies\n\n- **deps:** update beta to v3 (" + s(repo, "HEAD") + ")\n"
                + "- update alpha to v2 (" + s(repo, "HEAD~1") + ")\n", notes(repo));
    }

    @Test
    void aMergeWithAConventionalSubjectStandsForItsBranch() throws IOException {
        TestRepos repo = repo();
        repo.git("checkout", "-q", "-b", "feature/widgets");
        repo.c("-m", "feat: widget part one");
        repo.c("-m", "fix: widget part two");
        repo.c("-m", "feat!: widgets need a key", "-m", "BREAKING CHANGE: set widgets.key");
        repo.git("checkout", "-q", "main");
        repo.c("-m", "fix: unrelated");
        repo.git("merge", "-q", "--no-ff", "feature/widgets", "-m", "feat: widgets (#45)");
        ReleasePlan plan = dryRun(new TestSettings(repo.dir()));
        assertEquals("2.0.0", plan.version(), "the branch commits still count for the bump");
        assertEquals("### Breaking changes\n\n- widgets need a key — set widgets.key (" + s(repo, "HEAD^2") + ")\n\n"
                + "### Features\n\n- widgets (" + s(repo, "HEAD") + ", #45)\n\n"
                + "### Bug fixes\n\n- unrelated (" + s(repo, "HEAD^1") + ")\n", notes(repo));
    }

    @Test
    void aConventionalMergeOfMainIntoABranchStandsForNothing() throws IOException {
        TestRepos repo = repo();
        repo.git("checkout", "-q", "-b", "feature/big");
        repo.c("-m", "feat: feature work");
        repo.git("checkout", "-q", "main");
        repo.c("-m", "fix: on main");
        repo.git("checkout", "-q", "feature/big");
        repo.git("merge", "-q", "--no-ff", "main", "-m", "chore: merge main into feature/big");
        repo.git("checkout", "-q", "main");
        repo.git("merge", "-q", "--no-ff", "feature/big", "-m", "feat: big feature (#50)");
        ReleasePlan plan = dryRun(new TestSettings(repo.dir()));
        assertEquals("1.1.0", plan.version());
        assertEquals("### Features\n\n- big feature (" + s(repo, "HEAD") + ", #50)\n\n"
                + "### Bug fixes\n\n- on main (" + s(repo, "HEAD^1") + ")\n", notes(repo));
    }

    @Test
    void aSquashMergedRevertPairsWithWhatItRevertsBySubject() {
        TestRepos repo = repo();
        repo.c("-m", "feat: risky thing (#189)");
        repo.c("-m", "Revert \"feat: risky thing\" (#190)", "-m", "Reverts example-org/app#189");
        ReleasePlan plan = dryRun(new TestSettings(repo.dir()));
        assertNull(plan.version(), plan.reason());
    }

    @Test
    void aRevertByAbbreviatedShaCancelsItsTargetInVersionAndNotes() throws IOException {
        TestRepos repo = repo();
        String risky = repo.c("-m", "feat: risky");
        repo.c("-m", "fix: keep me");
        repo.c("-m", "Revert \"feat: risky\"", "-m", "This reverts commit " + risky.substring(0, 12) + ".");
        ReleasePlan plan = dryRun(new TestSettings(repo.dir()));
        assertEquals("1.0.1", plan.version());
        assertEquals("### Bug fixes\n\n- keep me (" + s(repo, "HEAD~1") + ")\n", notes(repo));
    }

    @Test
    void aSquashMergedBreakingFeatureIsListedTwiceWithItsNoteOnce() throws IOException {
        TestRepos repo = repo();
        repo.c("-m", "feat!: drop the v1 api (#12)");
        ReleasePlan plan = dryRun(new TestSettings(repo.dir()));
        assertEquals("2.0.0", plan.version());
        String h = s(repo, "HEAD");
        assertEquals("### Breaking changes\n\n- drop the v1 api (" + h + ", #12)\n\n### Features\n\n- drop the v1 api ("
                + h + ", #12)\n", notes(repo));
    }
}
