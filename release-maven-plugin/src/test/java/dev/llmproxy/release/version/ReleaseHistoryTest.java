package dev.llmproxy.release.version;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReleaseHistoryTest {

    private static final TagNaming V = new TagNaming("v");

    @Test
    void nameOrderIsNotVersionOrder() { // case V2
        ScriptedRepo repo = new ScriptedRepo()
                .c("feat: new").ta("v0.1.0").c("fix: whatever").ta("v0.9.0").c("feat: stuff").ta("v0.10.0").c("fix: y");
        assertEquals(Optional.of("v0.10.0"), repo.history().lastRelease().map(ReleaseTag::name));
        assertEquals(List.of("v0.10.0", "v0.9.0", "v0.1.0"), names(repo.history().releases()));
    }

    @Test
    void preReleaseCountersAreNumbers() { // case V1
        ScriptedRepo repo = new ScriptedRepo().c("feat: a").ta("v1.0.0-rc.1").c("fix: b").ta("v1.0.0-rc.2")
                .c("fix: c").ta("v1.0.0-rc.9").c("fix: d").ta("v1.0.0-rc.10").c("fix: e");
        assertEquals(Optional.of("v1.0.0-rc.10"), repo.history().lastRelease().map(ReleaseTag::name));
    }

    @Test
    void stableBeatsPreReleaseOfTheSameVersionOnTheSameCommitWhateverTheOrder() {
        for (List<String> order : List.of(List.of("v1.3.0-rc.2", "v1.3.0"), List.of("v1.3.0", "v1.3.0-rc.2"))) {
            Map<String, String> tags = new LinkedHashMap<>();
            order.forEach(name -> tags.put(name, ScriptedRepo.sha(1)));
            ReleaseHistory history = ReleaseHistory.of(tags, V, sha -> true);
            assertEquals(Optional.of("v1.3.0"), history.lastRelease().map(ReleaseTag::name));
            assertEquals(Optional.empty(), history.higherUnreachable());
        }
    }

    @Test
    void higherTagOnAnotherBranchIsReportedNotUsed() {
        ScriptedRepo repo = new ScriptedRepo().c("feat: a").ta("v1.4.0").tagElsewhere("v2.0.0").tagElsewhere("v1.0.1")
                .c("fix: b");
        ReleaseHistory history = repo.history();
        assertEquals(Optional.of("v1.4.0"), history.lastRelease().map(ReleaseTag::name));
        assertEquals(Optional.of("v2.0.0"), history.higherUnreachable().map(ReleaseTag::name));
        assertEquals(Optional.of("v2.0.0"), history.highestStable().map(ReleaseTag::name));
    }

    @Test
    void lowerTagOnAnotherBranchIsNoConcern() {
        ScriptedRepo repo = new ScriptedRepo().c("feat: a").ta("v1.4.0").tagElsewhere("v1.3.1");
        assertEquals(Optional.empty(), repo.history().higherUnreachable());
    }

    @Test
    void onlyUnreachableTagsMeanNoLastRelease() {
        ScriptedRepo repo = new ScriptedRepo().c("feat: a").tagElsewhere("v1.0.0");
        assertEquals(Optional.empty(), repo.history().lastRelease());
        assertEquals(Optional.of("v1.0.0"), repo.history().higherUnreachable().map(ReleaseTag::name));
    }

    @Test
    void noTagsAtAll() {
        ReleaseHistory history = ReleaseHistory.of(Map.of(), V, sha -> true);
        assertEquals(Optional.empty(), history.lastRelease());
        assertEquals(Optional.empty(), history.higherUnreachable());
        assertEquals(List.of(), history.releases());
        assertEquals(List.of(), history.ignoredTags());
    }

    @Test
    void listsOtherTagsOnceSortedForOneWarning() {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String name : List.of("v1.02.0", "nightly", "v1.0.0", "v1", "v1.0.0.1", "latest", "V1.1.0")) {
            tags.put(name, ScriptedRepo.sha(1));
        }
        ReleaseHistory history = ReleaseHistory.of(tags, V, sha -> true);
        assertEquals(List.of("V1.1.0", "latest", "nightly", "v1", "v1.0.0.1", "v1.02.0"), history.ignoredTags());
        assertEquals(List.of("v1.0.0"), names(history.releases()));
    }

    @Test
    void asksReachabilityOncePerCommitAndStopsAtTheFirstReachable() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("v3.0.0", "c3");
        tags.put("v3.0.0-rc.1", "c3");
        tags.put("v2.0.0", "c2");
        tags.put("v1.0.0", "c1");
        List<String> asked = new ArrayList<>();
        ReleaseHistory history = ReleaseHistory.of(tags, V, sha -> {
            asked.add(sha);
            return Set.of("c2", "c1").contains(sha);
        });
        assertEquals(List.of("c3", "c2"), asked);
        assertEquals(Optional.of("v2.0.0"), history.lastRelease().map(ReleaseTag::name));
        assertEquals(Optional.of("v3.0.0"), history.higherUnreachable().map(ReleaseTag::name));
    }

    @Test
    void equalPrecedencePrefersTheTagWithoutBuildMetadata() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("v1.0.0+b", "c1");
        tags.put("v1.0.0", "c1");
        ReleaseHistory history = ReleaseHistory.of(tags, V, sha -> true);
        assertEquals(List.of("v1.0.0", "v1.0.0+b"), names(history.releases()));
        assertEquals(Optional.of("v1.0.0"), history.tagWithSameVersion(SemVer.parse("1.0.0+x")).map(ReleaseTag::name));
    }

    @Test
    void buildMetadataTwinsAreNamedAndTheChoiceDoesNotDependOnOrder() {
        for (List<String> order : List.of(List.of("v1.0.0+build.2", "v1.0.0+build.1"), List.of("v1.0.0+build.1", "v1.0.0+build.2"))) {
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("v0.9.0", "c0");
            tags.put(order.get(0), "c1");
            tags.put(order.get(1), "c2");
            ReleaseHistory history = ReleaseHistory.of(tags, V, sha -> true);
            assertEquals(Optional.of("v1.0.0+build.1"), history.lastRelease().map(ReleaseTag::name));
            assertEquals(List.of(List.of("v1.0.0+build.1", "v1.0.0+build.2")),
                    history.buildMetadataTwins().stream().map(ReleaseHistoryTest::names).toList());
            assertEquals(List.of("tags v1.0.0+build.1, v1.0.0+build.2 are one version 1.0.0 that differs only in build"
                    + " metadata; v1.0.0+build.1 is taken (without build metadata first, then the release.tagPrefix"
                    + " style, then name order): delete the others to silence this"), TagWarnings.of(history, V));
        }
    }

    @Test
    void twoStylesOfOneVersionAreNoTwinsAndTheWrittenStyleIsTaken() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("1.0.0", "c1");
        tags.put("v1.0.0", "c1");
        tags.put("0.9.0", "c0");
        ReleaseHistory history = ReleaseHistory.of(tags, TagNaming.of("v", "v,"), sha -> true);
        assertEquals(List.of("v1.0.0", "1.0.0", "0.9.0"), names(history.releases()));
        assertEquals(List.of(), history.buildMetadataTwins());
        assertEquals(List.of(), TagWarnings.of(history, TagNaming.of("v", "v,")));
    }

    @Test
    void aHigherPreReleaseOnAnotherBranchIsNotTheBlockingTag() {
        ScriptedRepo repo = new ScriptedRepo().c("feat: a").ta("v1.4.0").tagElsewhere("v1.5.0-rc.1").c("fix: b");
        ReleaseHistory history = repo.history();
        assertEquals(Optional.empty(), history.higherUnreachable());
        assertEquals(Optional.of("v1.5.0-rc.1"), history.higherUnreachablePreRelease().map(ReleaseTag::name));
        assertEquals(List.of("pre-release tag v1.5.0-rc.1 is higher than the last release v1.4.0 but is not reachable"
                + " from HEAD (a candidate on another branch); it does not stop a release on this line"),
                TagWarnings.of(history, V));
    }

    @Test
    void tagsOfAnotherStyleAreLookalikesNotReleases() {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String name : List.of("1.1.0", "app-1.2.0", "release-1.0.0", "other-2.0.0", "1.3.0-rc.1", "v0.1.0")) {
            tags.put(name, "c1");
        }
        ReleaseHistory history = ReleaseHistory.of(tags, V.withProjectName("app"), sha -> true);
        assertEquals(List.of("v0.1.0"), names(history.releases()));
        assertEquals(List.of("1.3.0-rc.1", "app-1.2.0", "1.1.0", "release-1.0.0"), names(history.lookalikes()));
        assertEquals(List.of("ignoring tags that are not release tags (vX.Y.Z): other-2.0.0; if tags like other-2.0.0"
                        + " are releases of this project, add their prefix (other-) to release.tagPrefixes",
                "tags 1.3.0-rc.1, app-1.2.0, 1.1.0, release-1.0.0 look like releases of this project but are not read"
                        + " (release.tagPrefix=v, release.tagPrefixes=v): add their prefix to release.tagPrefixes to"
                        + " read them; no version at or below the highest of them is proposed"),
                TagWarnings.of(history, V));
    }

    @Test
    void manyIgnoredTagsAreShortenedAndAVersionedOneNamesItsPrefix() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("v1.0.0", "c1");
        for (int i = 0; i < 12; i++) {
            tags.put("nightly-" + i, "c1");
        }
        tags.put("rel/commons-3.20.0", "c1");
        ReleaseHistory history = ReleaseHistory.of(tags, V, sha -> true);
        assertEquals(List.of("ignoring tags that are not release tags (vX.Y.Z): " + String.join(", ", history.ignoredTags()
                .subList(0, 10)) + " and 3 more; if tags like rel/commons-3.20.0 are releases of this project, add their"
                + " prefix (rel/commons-) to release.tagPrefixes"), TagWarnings.of(history, V));
    }

    @Test
    void lookalikesBelowTheLastReleaseAreAnOldStyleAndNotWarnedAbout() {
        ScriptedRepo repo = new ScriptedRepo().c("feat: a").ta("1.102.0").c("feat: b").ta("v1.103.0").c("fix: c");
        ReleaseHistory history = repo.history();
        assertEquals(List.of("1.102.0"), names(history.lookalikes()));
        assertEquals(List.of("ignoring tags that are not release tags (vX.Y.Z): 1.102.0; if tags like 1.102.0 are"
                + " releases of this project, add an empty entry to release.tagPrefixes to read tags without a prefix"
                + " (release.tagPrefixes=v,)"), TagWarnings.of(history, V),
                "listed among the ignored tags, without the look-alike warning");
    }

    private static List<String> names(List<ReleaseTag> tags) {
        return tags.stream().map(ReleaseTag::name).toList();
    }
}
