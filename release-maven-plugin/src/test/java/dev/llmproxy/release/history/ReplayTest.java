package dev.llmproxy.release.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.git.TestRepos;
import dev.llmproxy.release.github.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ReplayTest {

    @TempDir
    Path dir;

    @Test
    void replaysEachReleaseFromTheStateBeforeItsReleaseCommit() {
        TestRepos repo = HistoryRepos.fourReleases(dir);
        RecordingLog log = new RecordingLog();

        List<Replay.Outcome> outcomes = new HistoryEngine(HistoryRepos.settings(dir, null), log).replay(0);

        assertEquals(List.of(
                new Replay.Outcome("v1.0.0", "1.0.0", "0.4.0", false, "minor",
                        "minor: 1 breaking commit, first " + repo.sha("v1.0.0").substring(0, 7) + " refactor!: epsilon",
                        null, 0, 1, 0, List.of(), List.of()),
                new Replay.Outcome("v0.3.0", "0.3.0", "0.2.0", false, "minor",
                        "minor: 1 feat commit, first " + repo.sha("v0.3.0~2").substring(0, 7) + " feat: delta",
                        1, 1, 2, 1, List.of(), List.of("readme")),
                new Replay.Outcome("v0.1.1", "0.1.1", "0.1.1", true, "patch",
                        "patch: 2 fix commits, first " + repo.sha("v0.1.1~2").substring(0, 7) + " fix: beta",
                        2, 1, 2, 1, List.of("gamma, written by hand over two lines"), List.of("zeta")),
                new Replay.Outcome("v0.1.0", "0.1.0", "0.1.0", true, "minor",
                        "first release 0.1.0 from the pom version 0.1.0-SNAPSHOT; 1 feat commit, first "
                                + repo.sha("v0.1.0~1").substring(0, 7) + " feat: alpha",
                        1, 1, 1, 0, List.of(), List.of())),
                outcomes);
        assertEquals("INFO     why: minor: 1 breaking commit, first " + repo.sha("v1.0.0").substring(0, 7)
                + " refactor!: epsilon", log.lines.get(2), "a disagreeing row is followed by its reason");
        assertEquals("INFO versions agreeing 2/4; entries found 3/4 (75.0 %), extra 2 (50.0 %) over 3 releases with a"
                + " CHANGELOG.md section", log.lines.get(log.lines.size() - 2));
        assertEquals("INFO Every release's decision, missing and extra entries: target/release/replay.json",
                log.lines.get(log.lines.size() - 1));
        assertEquals(9, log.lines.size());
    }

    @Test
    void preReleasesAreReplayedWithTheirTrainAndLaterTagsAreNotVisible() {
        TestRepos repo = TestRepos.nr(dir);
        repo.c("-m", "feat: a");
        repo.ta("v1.0.0");
        repo.c("-m", "feat: b");
        repo.c("-m", "chore(release): 1.1.0-rc.1");
        repo.ta("v1.1.0-rc.1");
        repo.c("-m", "fix: c");
        repo.c("-m", "chore(release): 1.1.0");
        repo.ta("v1.1.0");
        repo.git("switch", "-q", "-c", "maintenance", "v1.0.0");
        repo.c("-m", "fix: d");
        repo.ta("v1.0.1");

        List<Replay.Outcome> outcomes = new HistoryEngine(HistoryRepos.settings(dir, null), new RecordingLog()).replay(0);

        assertEquals(List.of("v1.0.1", "v1.1.0", "v1.1.0-rc.1", "v1.0.0"), outcomes.stream().map(Replay.Outcome::tag).toList());
        // v1.0.1 was tagged after v1.1.0, which HEAD (the maintenance line) cannot reach: the planner refuses
        assertEquals("refused", outcomes.get(0).bump());
        assertEquals(java.util.Arrays.asList(null, "1.1.0", "1.1.0-rc.1"),
                outcomes.subList(0, 3).stream().map(Replay.Outcome::ourVersion).toList());
        assertEquals(List.of(false, true, true), outcomes.subList(0, 3).stream().map(Replay.Outcome::agree).toList());
        // rc.1 and the stable release each see only the tags made before them
        assertEquals(List.of("minor", "prerelease"), List.of(outcomes.get(1).bump(), outcomes.get(2).bump()));
    }

    @Test
    void lastLimitsTheReplayToTheNewestReleasesAndTheReportIsJson() throws Exception {
        HistoryRepos.fourReleases(dir);

        new HistoryEngine(HistoryRepos.settings(dir, null), new RecordingLog()).replay(2);

        JsonNode report = new ObjectMapper().readTree(Files.readString(dir.resolve(HistoryEngine.REPLAY_FILE)));
        assertEquals(2, report.get("totals").get("releases").asInt());
        assertEquals(0, report.get("totals").get("versionsAgreeing").asInt());
        assertEquals(100.0, report.get("totals").get("entriesFoundPercent").asDouble());
        assertEquals(List.of("v1.0.0", "v0.3.0"), report.get("releases").findValuesAsText("tag"));
        assertEquals(List.of("tag", "releasedVersion", "ourVersion", "agree", "bump", "reason", "entriesExpected", "entriesFound",
                "entriesOurs", "extra", "missing", "extraEntries"), fieldNames(report.get("releases").get(1)));
        assertEquals("0.2.0", report.get("releases").get(1).get("ourVersion").asText());
        assertEquals(true, report.get("releases").get(0).get("entriesExpected").isNull());
    }

    @Test
    void replayChangesNothingInTheRepository() {
        TestRepos repo = HistoryRepos.fourReleases(dir);
        String status = repo.git("status", "--porcelain", "--ignored");
        String refs = repo.git("for-each-ref");
        String head = repo.git("rev-parse", "HEAD");
        String changelog = repo.git("show", "HEAD:CHANGELOG.md");

        new HistoryEngine(HistoryRepos.settings(dir, null), new RecordingLog()).replay(0);

        assertEquals("", status);
        assertEquals("!! target/", repo.git("status", "--porcelain", "--ignored"));
        assertEquals(refs, repo.git("for-each-ref"));
        assertEquals(head, repo.git("rev-parse", "HEAD"));
        assertEquals(changelog, repo.git("show", "HEAD:CHANGELOG.md"));
    }

    @Test
    void aRepositoryWithoutReleaseTagsIsRefusedNamingThePrefix() {
        TestRepos repo = TestRepos.nr(dir);
        repo.c("-m", "feat: a");
        repo.tl("release-1.0.0");

        ReleaseException e = assertThrows(ReleaseException.class,
                () -> new HistoryEngine(HistoryRepos.settings(dir, null), new RecordingLog()).replay(0));
        assertEquals("no release tags (vX.Y.Z) to replay: set release.tagPrefix to the prefix of the project's tags, or fetch"
                + " tags (git fetch --tags)", e.getMessage());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
