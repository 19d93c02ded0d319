package dev.llmproxy.release.it;

import static dev.llmproxy.release.it.Samples.mvnOk;
import static dev.llmproxy.release.it.Samples.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmproxy.release.git.TestRepos;
import dev.llmproxy.release.history.HistoryRepos;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code release:replay} and {@code release:changelog -Drelease.history=all} run by the real {@code mvn}. */
class HistoryIT {

    @TempDir
    Path dir;

    @Test
    void replayAndTheFullChangelogThroughMavenChangeNothingButTarget() throws Exception {
        TestRepos repo = HistoryRepos.fourReleases(dir);
        String refs = repo.git("for-each-ref");

        mvnOk(dir, Map.of(), MavenRun.PLUGIN + ":replay", "-Drelease.replay.last=3");
        mvnOk(dir, Map.of(), MavenRun.PLUGIN + ":changelog", "-Drelease.history=all");

        JsonNode totals = new ObjectMapper().readTree(read(dir.resolve("target/release/replay.json"))).get("totals");
        assertEquals(3, totals.get("releases").asInt());
        assertEquals(1, totals.get("versionsAgreeing").asInt());
        String full = read(dir.resolve("target/release/CHANGELOG.full.md"));
        assertTrue(full.contains("## 1.0.0 - 2024-01-01\n"), full);
        assertTrue(full.indexOf("## 1.0.0 ") < full.indexOf("## 0.3.0 "), full);
        assertEquals(refs, repo.git("for-each-ref"));
        assertEquals("", repo.git("status", "--porcelain"));
    }
}
