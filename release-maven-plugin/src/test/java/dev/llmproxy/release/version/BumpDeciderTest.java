package dev.llmproxy.release.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.version.BumpDecision.Counts;
import dev.llmproxy.release.version.BumpDecision.Kind;
import dev.llmproxy.release.version.BumpRequest.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BumpDeciderTest {

    private static final String POM = "9.9.9-SNAPSHOT";

    private static BumpRequest request(String bump, String preRelease) {
        return new BumpRequest(Mode.parse(bump), null, preRelease, POM, null);
    }

    private static BumpRequest explicit(String version) {
        return new BumpRequest(Mode.AUTO, version, null, POM, null);
    }

    /** {@code c -m "feat: base"; ta <last>}, then the commits (separated by ';', \n for line breaks). */
    private static ScriptedRepo after(String lastTag, String commits) {
        ScriptedRepo repo = new ScriptedRepo().c("feat: base").ta(lastTag);
        for (String message : commits.split(";")) {
            repo.c(message.strip().replace("\\n", "\n"));
        }
        return repo;
    }

    /** cases/commits.md, first table: each row after {@code c -m "feat: base"; ta v1.4.0}. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "feat: x\\n\\nBREAKING CHANGE: drops Java 8                     | 2.0.0 | major",
        "fix: y\\n\\nBREAKING-CHANGE: config key renamed                | 2.0.0 | major",
        "feat: z\\n\\nRefs: #12\\nBREAKING CHANGE: removed --legacy flag | 2.0.0 | major",
        "feat(api)!: drop v1 endpoints                                  | 2.0.0 | major",
        "fix!: change default port                                      | 2.0.0 | major",
        "ci(deps)!: require JDK 21 in build image                       | 2.0.0 | major",
        "feat!(api): misplaced bang                                     |       | none"
    })
    void commitsCaseTable(String commit, String version, String kind) {
        BumpDecision d = after("v1.4.0", commit).bump(request("auto", null));
        assertEquals(kind, d.kind().label());
        assertEquals(version, d.version() == null ? null : d.version().toString());
    }

    /** Bump rules: last release, commits since, release.bump, release.preRelease → next version. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // stable
        "v1.4.0      | fix: a                                  | auto  |      | 1.4.1       | patch",
        "v1.4.0      | perf: a                                 | auto  |      | 1.4.1       | patch",
        "v1.4.0      | feat: a; fix: b                         | auto  |      | 1.5.0       | minor",
        "v1.4.0      | docs: a; chore: b; test: c; ci: d; style: e; refactor: f; build: g | auto | | | none",
        "v1.4.0      | Update README; fixup! feat: x; Merge branch 'x' | auto |  |             | none",
        "v1.4.0      | revert: a                               | auto  |      | 1.4.1       | patch",
        "v1.4.0      | Revert \"feat: old\"\\n\\nThis reverts commit abcdef1. | auto | | 1.4.1 | patch",
        "v1.4.0      | Reword API\\n\\nBREAKING CHANGE: gone    | auto  |      | 2.0.0       | major",
        "v0.10.0     | fix: y                                  | auto  |      | 0.10.1      | patch",
        // forced release.bump, even against the commits
        "v1.4.0      | docs: a                                 | major |      | 2.0.0       | major",
        "v1.4.0      | docs: a                                 | minor |      | 1.5.0       | minor",
        "v1.4.0      | docs: a                                 | PATCH |      | 1.4.1       | patch",
        "v1.4.0      | feat!: a                                | patch |      | 1.4.1       | patch",
        // pre-1.0: breaking bumps minor, feat stays minor
        "v0.4.0      | feat!: a                                | auto  |      | 0.5.0       | minor",
        "v0.4.0      | feat: a                                 | auto  |      | 0.5.0       | minor",
        "v0.4.0      | fix: a                                  | auto  |      | 0.4.1       | patch",
        "v0.4.0      | docs: a                                 | major |      | 1.0.0       | major",
        // pre-release trains: start, continue, escalate, switch id
        "v1.3.0      | feat: a                                 | auto  | rc   | 1.4.0-rc.1  | prerelease",
        "v1.3.0      | fix: a                                  | auto  | rc   | 1.3.1-rc.1  | prerelease",
        "v1.3.0-rc.1 | fix: a                                  | auto  | rc   | 1.3.0-rc.2  | prerelease",
        "v1.3.0-rc.1 | feat: a                                 | auto  | rc   | 1.3.0-rc.2  | prerelease",
        "v1.5.0-rc.1 | feat!: a                                | auto  | rc   | 2.0.0-rc.1  | prerelease",
        "v1.4.1-rc.1 | feat: a                                 | auto  | rc   | 1.5.0-rc.1  | prerelease",
        "v1.3.0-beta.2 | fix: a                                | auto  | rc   | 1.3.0-rc.1  | prerelease",
        "v1.3.0-rc.1 | docs: a                                 | auto  | rc   |             | none",
        "v1.3.0-rc.1 | docs: a                                 | major | rc   | 2.0.0-rc.1  | prerelease",
        "v0.5.0-rc.1 | feat!: a                                | auto  | rc   | 0.5.0-rc.2  | prerelease",
        // graduation: a pre-release without release.preRelease becomes its core version
        "v1.3.0-rc.2 | fix: a                                  | auto  |      | 1.3.0       | minor",
        "v1.3.0-rc.2 | docs: a                                 | auto  |      | 1.3.0       | minor",
        "v2.0.0-rc.2 | fix: a                                  | auto  |      | 2.0.0       | major",
        "v1.3.0-rc.2 | feat!: a                                | auto  |      | 2.0.0       | major",
        // Release-As wins over the commits and release.bump
        "v1.4.0      | feat: a\\n\\nRelease-As: 3.0.0           | auto  |      | 3.0.0       | explicit",
        "v0.9.0      | fix: a\\n\\nrelease-as: 1.0.0            | patch | rc   | 1.0.0       | explicit",
        "v1.4.0      | fix: a\\n\\nRelease-As: 1.6.0; fix: b\\n\\nRelease-As: 1.7.0 | auto | | 1.7.0 | explicit"
    })
    void bumpRules(String last, String commits, String bump, String preRelease, String version, String kind) {
        BumpDecision d = after(last, commits).bump(request(bump, preRelease));
        assertEquals(kind, d.kind().label(), d.reason());
        assertEquals(version, d.version() == null ? null : d.version().toString(), d.reason());
    }

    @Test
    void preReleaseTrainCountsNumericallyAfterRcTen() { // case V1
        ScriptedRepo repo = new ScriptedRepo().c("feat: a").ta("v1.0.0-rc.1").c("fix: b").ta("v1.0.0-rc.2")
                .c("fix: c").ta("v1.0.0-rc.9").c("fix: d").ta("v1.0.0-rc.10").c("fix: e");
        BumpDecision d = repo.bump(request("auto", "rc"));
        assertEquals("1.0.0-rc.11", d.version().toString());
        assertEquals("prerelease: rc.11 towards 1.0.0 after v1.0.0-rc.10; 1 fix commit, first 0000005 fix: e",
                d.reason());
    }

    @Test
    void nameOrderIsNotVersionOrder() { // case V2
        ScriptedRepo repo = new ScriptedRepo()
                .c("feat: new").ta("v0.1.0").c("fix: whatever").ta("v0.9.0").c("feat: stuff").ta("v0.10.0").c("fix: y");
        BumpDecision d = repo.bump(request("auto", null));
        assertEquals("0.10.1", d.version().toString());
        assertEquals(1, repo.range().size());
    }

    @Test
    void scopesAndTypeCaseGiveOneMinor() { // cases/commits.md "Scopes and type case"
        ScriptedRepo repo = new ScriptedRepo().c("chore: init").ta("v1.0.0")
                .c("build(deps-dev): bump mockito-core from 4.8.1 to 5.2.0").c("feat(api/auth): add OAuth login")
                .c("fix(readme.root): correct link").c("feat(my_feature): add flag").c("fix(PROJ-123): null check")
                .c("feat(@example/ui): new button").c("Feat: add export").c("FIX: handle empty input");
        BumpDecision d = repo.bump(request("auto", null));
        assertEquals("1.1.0", d.version().toString());
        assertEquals(new Counts(8, 0, 4, 3, 1), d.counts());
        assertEquals("minor: 4 feat commits, first 0000003 feat(api/auth): add OAuth login", d.reason());
    }

    @Test
    void mergeBodyRepeatingTheBranchCommitIsNotCountedTwice() { // cases/commits.md "Merge commits"
        ScriptedRepo repo = new ScriptedRepo().c("chore: init").ta("v1.0.0").c("feat: change smth")
                .merge("Merge pull request #178 from example-org/feature/some-feature", "feat: change smth")
                .c("Merge branch 'main' into feature/other");
        BumpDecision d = repo.bump(request("auto", null));
        assertEquals("1.1.0", d.version().toString());
        assertEquals(new Counts(3, 0, 1, 0, 2), d.counts());
        assertEquals("minor: 1 feat commit, first 0000002 feat: change smth", d.reason());
    }

    @Test
    void reasonNamesCountsAndTheFirstDecidingCommit() {
        ScriptedRepo repo = new ScriptedRepo().c("feat: base").ta("v1.4.0")
                .c("fix: a").c("feat(proxy): stream responses").c("docs: b").c("feat: c").c("feat: d");
        BumpDecision d = repo.bump(request("auto", null));
        assertEquals("minor: 3 feat commits, first 0000003 feat(proxy): stream responses", d.reason());
        assertEquals(new Counts(5, 0, 3, 1, 1), d.counts());
    }

    @Test
    void reasonForMixedLevelsAndBreakingCounts() {
        ScriptedRepo repo = new ScriptedRepo().c("feat: base").ta("v1.4.0")
                .c("fix: a").c("perf: b").c("fix: c").c("feat!: d").c("refactor: e\n\nBREAKING CHANGE: f");
        BumpDecision d = repo.bump(request("auto", null));
        assertEquals("major: 2 breaking commits, first 0000005 feat!: d", d.reason());
        assertEquals(new Counts(5, 2, 0, 2, 1), d.counts());
        BumpDecision patch = new ScriptedRepo().c("feat: base").ta("v1.4.0").c("fix: a").c("perf: b").c("fix: c")
                .bump(request("auto", null));
        assertEquals("patch: 2 fix commits, 1 perf commit, first 0000002 fix: a", patch.reason());
    }

    @Test
    void nothingToRelease() {
        BumpDecision d = after("v1.4.0", "docs: a; chore: b").bump(request("auto", null));
        assertEquals(Kind.NONE, d.kind());
        assertFalse(d.releases());
        assertNull(d.version());
        assertEquals("nothing to release since v1.4.0 (2 commits, none releasable)", d.reason());
        assertEquals(new Counts(2, 0, 0, 0, 2), d.counts());
    }

    @Test
    void revertAndItsTargetInTheRangeCancelOut() {
        ScriptedRepo repo = new ScriptedRepo().c("feat: base").ta("v1.4.0").c("feat: x").c("docs: y");
        repo.c("Revert \"feat: x\"", "This reverts commit " + ScriptedRepo.sha(2) + ".");
        BumpDecision d = repo.bump(request("auto", null));
        assertEquals("nothing to release since v1.4.0 (3 commits, none releasable)", d.reason());
        assertEquals(new Counts(3, 0, 0, 0, 3), d.counts());
    }

    @Test
    void policyTypesAndPreOneOptionsAreConfigurable() {
        BumpPolicy deps = new BumpPolicy(BumpPolicy.parseTypes("feat=minor, FIX=patch,deps=patch"), true, false);
        assertEquals("1.4.1", after("v1.4.0", "deps: bump x").bump(deps, request("auto", null)).version().toString());
        assertEquals(Kind.NONE, after("v1.4.0", "perf: faster").bump(deps, request("auto", null)).kind());
        BumpPolicy strict = new BumpPolicy(BumpPolicy.parseTypes(BumpPolicy.DEFAULT_TYPES), false, true);
        assertEquals("1.0.0", after("v0.4.0", "feat!: a").bump(strict, request("auto", null)).version().toString());
        assertEquals("0.4.1", after("v0.4.0", "feat: a").bump(strict, request("auto", null)).version().toString());
        assertEquals("1.5.0", after("v1.4.0", "feat: a").bump(strict, request("auto", null)).version().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"feat", "feat=huge", "=minor", "feat=minor,,fix=patch"})
    void malformedTypeListsAreRefused(String spec) {
        ReleaseException e = assertThrows(ReleaseException.class, () -> BumpPolicy.parseTypes(spec));
        assertEquals(true, e.getMessage().startsWith("release types entry '"), e.getMessage());
    }

    @Test
    void explicitVersionWinsOverReleaseAs() {
        BumpDecision d = after("v1.4.0", "feat: a\n\nRelease-As: 3.0.0").bump(explicit("2.0.0"));
        assertEquals(Kind.EXPLICIT, d.kind());
        assertEquals("2.0.0", d.version().toString());
        assertEquals("explicit: release.version=2.0.0", d.reason());
        assertEquals("explicit: Release-As: 3.0.0 in 0000002 feat: a",
                after("v1.4.0", "feat: a\n\nRelease-As: 3.0.0").bump(request("auto", null)).reason());
    }

    /** Refusals: one line naming the input or the tag, and the fix. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.5              | release.version '1.5' is not a SemVer 2.0.0 version: needs exactly three numeric parts",
        "v1.5.0           | release.version 'v1.5.0' must be a version, not a tag: use 1.5.0",
        "1.3.0            | version 1.3.0 is not after the last release v1.4.0: versions never go backwards; set release.version to a higher version",
        "1.4.0            | version 1.4.0 is not after the last release v1.4.0",
        "1.4.0+build      | version 1.4.0+build is not after the last release v1.4.0",
        "1.5.0            | version 1.5.0 is already released as tag v1.5.0 on commit e000000: set release.version to another version"
    })
    void refusesBadExplicitVersions(String version, String messageStart) {
        ScriptedRepo repo = new ScriptedRepo().c("feat: base").ta("v1.4.0").tagElsewhere("v1.5.0").c("fix: a");
        ReleaseException e = assertThrows(ReleaseException.class, () -> repo.bump(explicit(version)));
        assertEquals(true, e.getMessage().startsWith(messageStart), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void invalidReleaseAsIsRefusedNamingTheCommit() {
        ReleaseException e = assertThrows(ReleaseException.class,
                () -> after("v1.4.0", "fix: a\n\nRelease-As: 2.0").bump(request("auto", null)));
        assertEquals(true, e.getMessage().startsWith("Release-As footer of commit 0000002 '2.0' is not a SemVer"),
                e.getMessage());
    }

    /** The refusal names the footer that asked for the version, not release.version, which was not set. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.4.0 | version 1.4.0 from the Release-As footer of commit 0000002 is not after the last release v1.4.0: versions never go backwards; set release.version (it wins over Release-As) to a higher version",
        "1.3.9 | version 1.3.9 from the Release-As footer of commit 0000002 is not after the last release v1.4.0: versions never go backwards; set release.version (it wins over Release-As) to a higher version",
        "1.5.0 | version 1.5.0 from the Release-As footer of commit 0000002 is already released as tag v1.5.0 on commit e000000: set release.version (it wins over Release-As) to another version"
    })
    void releaseAsGoingBackwardsIsRefusedNamingTheFooter(String releaseAs, String message) {
        ScriptedRepo repo = after("v1.4.0", "chore: a\n\nRelease-As: " + releaseAs).tagElsewhere("v1.5.0");
        ReleaseException e = assertThrows(ReleaseException.class, () -> repo.bump(request("auto", null)));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fix: a  | auto  | tag v1.5.0 on commit e000000 is not reachable from HEAD and the next version 1.4.1 would not be after it: merge or rebase onto it, or set release.version for a maintenance release",
        "feat: a | auto  | tag v1.5.0 on commit e000000 is not reachable from HEAD and the next version 1.5.0 would not be after it"
    })
    void refusesToProposeAVersionAtOrBelowAnUnreachableTag(String commit, String bump, String messageStart) {
        ScriptedRepo repo = after("v1.4.0", commit).tagElsewhere("v1.5.0");
        ReleaseException e = assertThrows(ReleaseException.class, () -> repo.bump(request(bump, null)));
        assertEquals(true, e.getMessage().startsWith(messageStart), e.getMessage());
    }

    @Test
    void aboveAnUnreachableTagOrAnExplicitMaintenanceReleaseIsFine() {
        assertEquals("2.0.0", after("v1.4.0", "fix: a").tagElsewhere("v1.5.0").bump(request("major", null))
                .version().toString());
        assertEquals("1.4.1", after("v1.4.0", "fix: a").tagElsewhere("v2.0.0").bump(explicit("1.4.1"))
                .version().toString());
    }

    /** Issue #10 item 10: tags 1.0.0, 1.1.0 with prefix v used to give "first release 0.0.1". */
    @Test
    void neverProposesAVersionAtOrBelowAStableTagOfAnotherStyle() {
        ScriptedRepo repo = new ScriptedRepo().c("feat: a").ta("1.0.0").c("feat: b").ta("1.1.0").c("fix: c");
        ReleaseException e = assertThrows(ReleaseException.class,
                () -> repo.bump(new BumpRequest(Mode.AUTO, null, null, "0.0.1-SNAPSHOT", null)));
        assertEquals("tag 1.1.0 on commit 0000002 looks like a release of this project but release.tagPrefix and"
                + " release.tagPrefixes do not read it, and the next version 0.0.1 would not be after it: add the empty"
                + " prefix (a leading or trailing comma, e.g. release.tagPrefixes=v,) to release.tagPrefixes, or set"
                + " release.initialVersion to a higher version", e.getMessage());

        ReleaseException equal = assertThrows(ReleaseException.class, () -> repo.bump(explicit("1.0.0")));
        assertEquals("version 1.0.0 is already released as tag 1.0.0 on commit 0000001, a tag style release.tagPrefix"
                + " and release.tagPrefixes do not read: add the empty prefix (a leading or trailing comma, e.g."
                + " release.tagPrefixes=v,) to release.tagPrefixes, or set release.version to another version",
                equal.getMessage());

        assertEquals("1.2.0", repo.bump(new BumpRequest(Mode.AUTO, null, null, "1.2.0-SNAPSHOT", null)).version().toString());
        assertEquals("1.0.1", repo.bump(explicit("1.0.1")).version().toString(), "a deliberate maintenance release");
    }

    @Test
    void aHigherPreReleaseOnAnotherBranchDoesNotStopAPatchButAStableOneDoes() {
        assertEquals("1.4.1", after("v1.4.0", "fix: a").tagElsewhere("v1.5.0-rc.1").bump(request("auto", null))
                .version().toString());
        ScriptedRepo both = after("v1.4.0", "fix: a").tagElsewhere("v1.5.0-rc.1").tagElsewhere("v1.4.5");
        ReleaseException e = assertThrows(ReleaseException.class, () -> both.bump(request("auto", null)));
        assertEquals(true, e.getMessage().startsWith("tag v1.4.5 on commit e000001 is not reachable from HEAD"), e.getMessage());
    }

    /** Counters that are not numbers, or too long for a long, are skipped, not parsed. */
    @Test
    void trainSkipsCountersThatAreNotSmallNumbers() {
        ScriptedRepo repo = after("v1.4.0", "feat: a").tagElsewhere("v1.5.0-rc.beta").tagElsewhere("v1.5.0-rc.2")
                .tagElsewhere("v1.5.0-rc.123456789012345678");
        assertEquals("1.5.0-rc.3", repo.bump(request("auto", "rc")).version().toString());
    }

    @Test
    void trainNeverReusesANumberNorGoesBelowAStableRelease() {
        ScriptedRepo skipped = after("v1.3.0-rc.1", "fix: a").tagElsewhere("v1.3.0-rc.3");
        assertEquals("1.3.0-rc.4", skipped.bump(request("auto", "rc")).version().toString());
        ScriptedRepo released = after("v1.3.0-rc.1", "fix: a").tagElsewhere("v1.3.0");
        assertEquals("1.3.1-rc.1", released.bump(request("auto", "rc")).version().toString());
        assertEquals("1.3.1", released.bump(request("auto", null)).version().toString());
    }

    @Test
    void preReleaseIdThatSortsLowerIsRefusedAsGoingBackwards() {
        ReleaseException e = assertThrows(ReleaseException.class,
                () -> after("v1.3.0-rc.1", "fix: a").bump(request("auto", "beta")));
        assertEquals("version 1.3.0-beta.1 is not after the last release v1.3.0-rc.1: versions never go backwards; "
                + "set release.version to a higher version", e.getMessage());
    }

    @Test
    void graduationReason() {
        assertEquals("minor: v1.3.0-rc.2 graduates to 1.3.0; 1 fix commit, first 0000002 fix: a",
                after("v1.3.0-rc.2", "fix: a").bump(request("auto", null)).reason());
        assertEquals("minor: v1.3.0-rc.2 graduates to 1.3.0; no new releasable commits",
                after("v1.3.0-rc.2", "docs: a").bump(request("auto", null)).reason());
        assertEquals("prerelease: rc.1 towards 2.0.0 (major) after v1.5.0-rc.1; 1 breaking commit, first 0000002 feat!: a",
                after("v1.5.0-rc.1", "feat!: a").bump(request("auto", "rc")).reason());
    }

    /** No release tag: the first version comes from the pom or release.initialVersion; all commits count. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.4.0-SNAPSHOT | ''    | auto  | ''  | 1.4.0      | minor      | first release 1.4.0 from the pom version 1.4.0-SNAPSHOT; 1 feat commit, first 0000002 feat: b",
        "1.4.0          | ''    | auto  | ''  | 1.4.0      | minor      | first release 1.4.0 from the pom version 1.4.0; 1 feat commit, first 0000002 feat: b",
        "1.4.0-SNAPSHOT | 0.1.0 | auto  | ''  | 0.1.0      | minor      | first release 0.1.0 from release.initialVersion; 1 feat commit, first 0000002 feat: b",
        "1.4.0-SNAPSHOT | ''    | auto  | rc  | 1.4.0-rc.1 | prerelease | first release 1.4.0-rc.1 from the pom version 1.4.0-SNAPSHOT; 1 feat commit, first 0000002 feat: b",
        "1.4-SNAPSHOT   | 2.0.0 | major | ''  | 2.0.0      | major      | first release 2.0.0 from release.initialVersion; release.bump=major"
    })
    void firstRelease(String pom, String initial, String bump, String pre, String version, String kind, String reason) {
        ScriptedRepo repo = new ScriptedRepo().c("chore: init").c("feat: b").c("docs: c");
        BumpDecision d = repo.bump(new BumpRequest(Mode.parse(bump), null, pre, pom, initial));
        assertEquals(version, d.version().toString());
        assertEquals(kind, d.kind().label());
        assertEquals(reason, d.reason());
        assertEquals(new Counts(3, 0, 1, 0, 2), d.counts());
    }

    @Test
    void firstReleaseNeedsAReleasableCommitAndAVersion() {
        ScriptedRepo chores = new ScriptedRepo().c("chore: init").c("docs: a");
        assertEquals("nothing to release: none of the 2 commits is releasable and there is no release tag yet",
                chores.bump(BumpRequest.auto("1.0.0-SNAPSHOT")).reason());
        ScriptedRepo feat = new ScriptedRepo().c("feat: init");
        assertEquals("the pom version '1.4-SNAPSHOT' is not MAJOR.MINOR.PATCH[-SNAPSHOT], so no first version follows "
                        + "from it: set release.initialVersion",
                assertThrows(ReleaseException.class, () -> feat.bump(BumpRequest.auto("1.4-SNAPSHOT"))).getMessage());
        assertEquals("no release tag and no project version to start from: set release.initialVersion",
                assertThrows(ReleaseException.class, () -> feat.bump(BumpRequest.auto(null))).getMessage());
        ReleaseException below = assertThrows(ReleaseException.class,
                () -> feat.tagElsewhere("v1.0.0").bump(BumpRequest.auto("1.0.0-SNAPSHOT")));
        assertEquals(true, below.getMessage().startsWith("tag v1.0.0 on commit e000000 is not reachable from HEAD"),
                below.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rc.1 | release.preRelease 'rc.1' must be one SemVer identifier of [0-9A-Za-z-] that is not a number, like rc or beta",
        "1    | release.preRelease '1' must be one SemVer identifier",
        "ré   | release.preRelease 'ré' must be one SemVer identifier"
    })
    void refusesBadPreReleaseIds(String id, String messageStart) {
        ReleaseException e = assertThrows(ReleaseException.class, () -> after("v1.4.0", "fix: a").bump(request("auto", id)));
        assertEquals(true, e.getMessage().startsWith(messageStart), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'' | AUTO", "auto | AUTO", "Major | MAJOR", " minor | MINOR", "patch | PATCH"})
    void parsesBumpModes(String text, Mode mode) {
        assertEquals(mode, Mode.parse(text));
    }

    @Test
    void refusesUnknownBumpMode() {
        assertEquals("release.bump 'huge' is not one of auto, major, minor, patch",
                assertThrows(ReleaseException.class, () -> Mode.parse("huge")).getMessage());
    }
}
