package dev.llmproxy.release.notes;

import dev.llmproxy.release.commits.CommitParser;
import static dev.llmproxy.release.notes.TestCommits.commit;
import static dev.llmproxy.release.notes.TestCommits.sha;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotesBuilderTest {

    static final ReleaseInfo RELEASE = new ReleaseInfo("example-org/app", "1.1.0", "v1.1.0", "v1.0.0", LocalDate.of(2026, 3, 1));

    static ReleaseNotes notes(NotesConfig config, Map<String, PullRequestInfo> prs, String... messages) {
        NotesBuilder builder = new NotesBuilder(config);
        for (int i = 0; i < messages.length; i++) {
            builder.add(commit(i + 1, messages[i]));
        }
        return builder.build(RELEASE, prs);
    }

    static ReleaseNotes notes(String... messages) {
        return notes(NotesConfig.defaults(), Map.of(), messages);
    }

    /** @return "Section: [scope:] text" for every entry, in order */
    static List<String> outline(ReleaseNotes notes) {
        List<String> lines = new ArrayList<>();
        for (ReleaseNotes.Section s : notes.sections()) {
            for (ReleaseNotes.Entry e : s.entries()) {
                lines.add(s.title() + ": " + (e.scope() == null ? "" : e.scope() + ": ") + e.text());
            }
        }
        return lines;
    }

    static PullRequestInfo pr(int number, String title, List<String> labels, String author, boolean first, List<Integer> closes) {
        return new PullRequestInfo(number, title, labels, author, first, closes, null);
    }

    @Test
    void sectionsComeInTheDefaultOrderAndHiddenTypesStayOut() {
        ReleaseNotes notes = notes(
                "docs: explain proxy setup",
                "chore: tidy build",
                "revert: feat: drop cache",
                "perf: pool connections",
                "fix: handle empty input",
                "feat(api)!: drop v1 endpoints",
                "feat: stream responses",
                "test: more cases",
                "ci: cache maven");
        assertEquals(List.of(
                "Breaking changes: api: drop v1 endpoints",
                "Features: api: drop v1 endpoints",
                "Features: stream responses",
                "Bug fixes: handle empty input",
                "Performance: pool connections",
                "Reverts: feat: drop cache",
                "Documentation: explain proxy setup"), outline(notes));
    }

    @Test
    void eachBreakingNoteIsAnEntryAndBreakingCommitsOfAnyTypeShow() {
        ReleaseNotes notes = notes(
                "feat: x\n\nBREAKING CHANGE: drops Java 8",
                "fix: y\n\nBREAKING-CHANGE: config key renamed",
                "feat: z\n\nRefs: #12\nBREAKING CHANGE: removed --legacy flag",
                "ci(deps)!: require JDK 21 in build image",
                "feat: two notes\n\nBREAKING CHANGE: first\nBREAKING-CHANGE: second");
        assertEquals(List.of(
                "Breaking changes: x — drops Java 8",
                "Breaking changes: y — config key renamed",
                "Breaking changes: z — removed --legacy flag",
                "Breaking changes: deps: require JDK 21 in build image",
                "Breaking changes: two notes — first",
                "Breaking changes: two notes — second",
                "Features: x",
                "Features: z",
                "Features: two notes",
                "Bug fixes: y"), outline(notes));
        assertEquals(List.of(12), notes.sections().get(0).entries().get(2).refs());
    }

    /** commits.md "Scopes and type case", notes side. */
    @Test
    void scopesAreKeptAsWrittenAndTypesMatchAnyCase() {
        ReleaseNotes notes = notes(
                "build(deps-dev): bump mockito-core from 4.8.1 to 5.2.0",
                "feat(api/auth): add OAuth login",
                "fix(readme.root): correct link",
                "feat(my_feature): add flag",
                "fix(PROJ-123): null check",
                "feat(@example/ui): new button",
                "Feat: add export",
                "FIX: handle empty input");
        assertEquals(List.of(
                "Features: api/auth: add OAuth login",
                "Features: my_feature: add flag",
                "Features: @example/ui: new button",
                "Features: add export",
                "Bug fixes: readme.root: correct link",
                "Bug fixes: PROJ-123: null check",
                "Bug fixes: handle empty input",
                "Dependencies: deps-dev: bump mockito-core from 4.8.1 to 5.2.0"), outline(notes));
    }

    /** commits.md "Merge commits", notes side: git alone. */
    @Test
    void mergeCommitsNeverMakeEntriesAndLendTheirPullRequestNumber() {
        NotesBuilder builder = new NotesBuilder(NotesConfig.defaults());
        builder.add(CommitParser.parse(sha(1), "Merge branch 'main' into feature/other", 2));
        builder.add(CommitParser.parse(sha(2), "Merge pull request #178 from example-org/feature/some-feature\n\nfeat: change smth", 2));
        builder.add(commit(3, "feat: change smth"));
        ReleaseNotes notes = builder.build(RELEASE, Map.of());
        assertEquals(List.of("Features: change smth"), outline(notes));
        ReleaseNotes.Entry entry = notes.sections().get(0).entries().get(0);
        assertEquals(178, entry.pullRequest());
        assertEquals(List.of(sha(3)), entry.commits());
        assertEquals(List.of(sha(3)), builder.shas());
    }

    @Test
    void squashSuffixAndFoundPullRequestAreOneLink() {
        Map<String, PullRequestInfo> prs = Map.of(sha(1), pr(40, "feat(proxy): stream responses (#40)", List.of(), "alice", false, List.of(12)));
        ReleaseNotes notes = notes(NotesConfig.defaults(), prs, "feat: stream responses (#40)\n\nCloses #12\n\nCo-authored-by: Bob <bob@example.org>");
        assertEquals(List.of("Features: proxy: stream responses"), outline(notes));
        ReleaseNotes.Entry entry = notes.sections().get(0).entries().get(0);
        assertEquals(40, entry.pullRequest());
        assertEquals(List.of(12), entry.closes());
        assertEquals(List.of(12), notes.closedIssues());

        ReleaseNotes gitOnly = notes("feat: stream responses (#40)");
        assertEquals(40, gitOnly.sections().get(0).entries().get(0).pullRequest());
        assertEquals(List.of("Features: stream responses"), outline(gitOnly));
    }

    @Test
    void commitsOfOnePullRequestBecomeOneEntryWithPullRequestTitles() {
        PullRequestInfo p = pr(41, "Add retries", List.of(), "bob", true, List.of());
        Map<String, PullRequestInfo> prs = Map.of(sha(1), p, sha(2), p);
        ReleaseNotes merged = notes(NotesConfig.defaults(), prs, "feat: retry on 502", "feat: retry on reset");
        assertEquals(List.of("Features: Add retries"), outline(merged));
        assertEquals(List.of(sha(1), sha(2)), merged.sections().get(0).entries().get(0).commits());

        ReleaseNotes subjects = notes(NotesConfig.defaults().withPullRequestTitles(false), prs, "feat: retry on 502", "feat: retry on reset");
        assertEquals(List.of("Features: retry on 502", "Features: retry on reset"), outline(subjects));
        assertEquals(List.of(new ReleaseNotes.Contributor("bob", true)), subjects.contributors());
    }

    @Test
    void issueFootersAndBodyKeywordsAreLinkedAndClosedIssuesListedOnce() {
        ReleaseNotes notes = notes(
                "fix: a\n\nFixes #3\nRefs #7",
                "fix: b\n\nThis closes #5 and refs #9.\n\nCloses: #3, #4",
                "fix: c\n\nSee other/repo#99 and issue #8 in passing");
        List<ReleaseNotes.Entry> entries = notes.sections().get(0).entries();
        assertEquals(List.of(3), entries.get(0).closes());
        assertEquals(List.of(7), entries.get(0).refs());
        assertEquals(List.of(3, 4, 5), entries.get(1).closes());
        assertEquals(List.of(9), entries.get(1).refs());
        assertEquals(List.of(), entries.get(2).closes());
        assertEquals(List.of(3, 4, 5), notes.closedIssues());
    }

    @Test
    void trailersFixupsAndFreeTextNeverBecomeEntries() {
        ReleaseNotes notes = notes(
                "feat: pair work\n\nCo-authored-by: Ann <ann@example.org>\nSigned-off-by: Bo <bo@example.org>",
                "fixup! feat: pair work",
                "update readme",
                "feat!(api): misplaced bang");
        assertEquals(List.of("Features: pair work"), outline(notes));
    }

    /** test-strength.md rows 3 and 4: the subject fallback of a squash-merged revert, an abbreviated SHA. */
    @Test
    void aSquashMergedRevertPairsBySubjectAndAnAbbreviatedShaFindsAFeature() {
        ReleaseNotes notes = notes(
                "Revert \"feat: risky\" (#190)\n\nReverts example-org/app#189",
                "feat: risky (#189)",
                "Revert \"feat: bold\"\n\nThis reverts commit " + sha(4).substring(0, 12) + ".",
                "feat: bold",
                "Revert \"feat: never here\" (#191)",
                "fix: stays");
        assertEquals(List.of("Bug fixes: stays", "Reverts: Revert \"feat: never here\""), outline(notes));
    }

    @Test
    void anOverrideInAMergedPullRequestBodyReplacesItsCommitsEvenAHiddenOne() {
        Map<String, PullRequestInfo> prs = new LinkedHashMap<>();
        prs.put(sha(1), new PullRequestInfo(31, "chore: regenerate (#31)", List.of(), "alice", false, List.of(), null,
                "Regenerated.\r\n\r\nBEGIN_COMMIT_OVERRIDE\r\nfeat(api): add widgets\r\n\r\nfix: gadgets\r\nEND_COMMIT_OVERRIDE"));
        prs.put(sha(2), new PullRequestInfo(32, "fix: plain", List.of(), "bob", false, List.of(), null, "No block."));
        ReleaseNotes notes = notes(NotesConfig.defaults(), prs, "chore: regenerate (#31)", "fix: plain (#32)",
                "chore: not looked up (#33)");
        assertEquals(List.of("Features: api: add widgets", "Bug fixes: gadgets", "Bug fixes: plain"), outline(notes));
        NotesBuilder builder = new NotesBuilder(NotesConfig.defaults());
        builder.add(commit(1, "chore: regenerate (#31)"));
        builder.add(commit(2, "chore: pushed directly"));
        assertEquals(List.of(sha(1)), builder.shas());
    }

    @Test
    void aSquashMergedBangWithoutFooterPrintsItsNoteOnce() {
        assertEquals(List.of("Breaking changes: drop v1", "Features: drop v1"), outline(notes("feat!: drop v1 (#12)")));
    }

    @Test
    void configuredSectionsHideByScopeAndMergeTitlesOfAnyCase() {
        NotesConfig config = NotesConfig.defaults().withSections("fix=Bug Fixes,chore(deps)=bug fixes,chore=-,docs=-");
        ReleaseNotes notes = notes(config, Map.of(), "chore(deps): bump a", "chore: tidy", "docs: words", "fix: b",
                "chore!: drop java 8");
        assertEquals(List.of("Breaking changes: drop java 8", "Bug Fixes: deps: bump a", "Bug Fixes: b"), outline(notes));
    }

    @Test
    void aMalformedSectionsEntryIsRefusedNamingIt() {
        dev.llmproxy.release.ReleaseException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.llmproxy.release.ReleaseException.class, () -> NotesConfig.defaults().withSections("feat=Features,fix"));
        assertEquals("release.notes.sections entry 'fix' is not type=Title or type(scope)=Title (title - hides): "
                + "write it like feat=Features,chore(deps)=Dependencies,chore=-", e.getMessage());
    }

    @Test
    void aRevertAndTheCommitItRevertsCancelOut() {
        String reverted = sha(2);
        ReleaseNotes notes = notes(
                "Revert \"feat: risky\"\n\nThis reverts commit " + reverted + ".",
                "feat: risky",
                "Revert \"fix: older\"\n\nThis reverts commit abcdef1234567.",
                "Revert \"chore: hidden\"\n\nThis reverts commit " + sha(5).substring(0, 12) + ".",
                "chore: hidden");
        assertEquals(List.of("Reverts: Revert \"fix: older\""), outline(notes));
    }

    @Test
    void hiddenTypesOtherSectionAndExtraSectionsAreConfigurable() {
        NotesConfig config = NotesConfig.defaults()
                .withHiddenTypes(Set.of("DOCS"))
                .withTypeSection("Refactoring", "refactor")
                .withOtherTitle("Other changes");
        ReleaseNotes notes = notes(config, Map.of(), "docs: hidden now", "refactor: split", "update readme", "style: fmt", "feat: x");
        assertEquals(List.of("Features: x", "Refactoring: split", "Other changes: update readme", "Other changes: fmt"), outline(notes));
    }

    @Test
    void groupByScopeOrdersUnscopedFirstThenScopesAlphabetically() {
        ReleaseNotes notes = notes(NotesConfig.defaults().withGroupByScope(true), Map.of(),
                "feat(web): a", "feat: b", "feat(api): c", "feat(web): d", "feat(API): e", "feat(Zeta): f");
        assertEquals(List.of("Features: b", "Features: API: e", "Features: api: c", "Features: web: a", "Features: web: d",
                "Features: Zeta: f"), outline(notes), "scopes compare case-insensitively first");
    }

    @Test
    void labelsChooseSectionsAndExclusionsDropPullRequests() {
        String yaml = """
                changelog:
                  exclude:
                    labels: [ignore-for-release]
                    authors: ["dependabot[bot]"]
                  categories:
                    - title: Security
                      labels: [security]
                    - title: Features
                      labels: [enhancement]
                      exclude:
                        labels: [internal]
                    - title: Everything else
                      labels: ["*"]
                      exclude:
                        authors: [octocat]
                """;
        NotesConfig config = GitHubReleaseYaml.apply(NotesConfig.defaults(), yaml, ".github/release.yml");
        Map<String, PullRequestInfo> prs = new LinkedHashMap<>();
        prs.put(sha(1), pr(1, "fix: patch CVE", List.of("security", "bug"), "ann", false, List.of()));
        prs.put(sha(2), pr(2, "chore: bump x", List.of(), "dependabot[bot]", false, List.of()));
        prs.put(sha(3), pr(3, "feat: shiny", List.of("enhancement", "internal"), "ann", false, List.of()));
        prs.put(sha(4), pr(4, "skip me", List.of("ignore-for-release"), "ann", false, List.of()));
        prs.put(sha(5), pr(5, "chore: tidy", List.of(), "octocat", false, List.of()));
        prs.put(sha(6), pr(6, "feat: great", List.of("enhancement"), "cy", true, List.of()));
        ReleaseNotes notes = notes(config, prs,
                "fix: patch", "chore(deps): bump x", "feat: shiny", "feat: skipped", "chore: tidy", "feat: great", "fix: no pull request");
        assertEquals(List.of(
                "Features: great",
                "Bug fixes: no pull request",
                "Security: patch CVE",
                "Everything else: shiny"), outline(notes));
        assertEquals(List.of(new ReleaseNotes.Contributor("ann", false), new ReleaseNotes.Contributor("cy", true)), notes.contributors());
    }

    @Test
    void withoutPullRequestsThereAreNoContributorsAndNothingIsMissing() {
        ReleaseNotes notes = NotesBuilder.build(NotesConfig.defaults(), RELEASE, List.of(commit(1, "feat: x")), null);
        assertTrue(notes.contributors().isEmpty());
        assertEquals(1, notes.entryCount());
        List<String> asked = new ArrayList<>();
        NotesBuilder.build(NotesConfig.defaults(), RELEASE, List.of(commit(1, "feat: x"), commit(2, "chore: y")), shas -> {
            asked.addAll(shas);
            return Map.of();
        });
        assertEquals(List.of(sha(1)), asked);
    }

    @Test
    void contributorsAreListedOnceEvenWhenFirstTimeOnlyOnOnePullRequest() {
        Map<String, PullRequestInfo> prs = Map.of(
                sha(1), pr(1, "feat: a", List.of(), "Zed", false, List.of()),
                sha(2), pr(2, "feat: b", List.of(), "amy", true, List.of()),
                sha(3), pr(3, "fix: c", List.of(), "amy", false, List.of()));
        ReleaseNotes notes = notes(NotesConfig.defaults(), prs, "feat: a", "feat: b", "fix: c");
        assertEquals(List.of(new ReleaseNotes.Contributor("amy", true), new ReleaseNotes.Contributor("Zed", false)), notes.contributors());
        assertTrue(notes(NotesConfig.defaults().withLists(false, false), prs, "feat: a").contributors().isEmpty());
    }

}
