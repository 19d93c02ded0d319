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

    private static List<String> names(List<ReleaseTag> tags) {
        return tags.stream().map(ReleaseTag::name).toList();
    }
}
