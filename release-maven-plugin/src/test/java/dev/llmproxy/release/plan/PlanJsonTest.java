package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.llmproxy.release.api.ApiChange;
import dev.llmproxy.release.api.ModuleApiReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan.json's streaming writer against the databind writer it replaced (docs/performance.md): the
 * same bytes for a plan with every key set, and for one with every nullable key null.
 */
class PlanJsonTest {
    /** The writer plan.json had before: databind, indented, plus a newline. */
    private static final ObjectMapper DATABIND = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TempDir
    Path dir;

    static ReleasePlan everyKey() {
        Map<String, ModuleApiReport> apiCheck = new LinkedHashMap<>();
        apiCheck.put("core", ModuleApiReport.compared("1.4.2", List.of(
                new ApiChange("org.example.Foo", "bar(int)", "method removed", true),
                new ApiChange("org.example.Baz", "qux", "field type changed \"é\"", false))));
        apiCheck.put("cli", ModuleApiReport.skipped("1.4.2", "new since v1.4.2"));
        Map<String, String> settingsFrom = new LinkedHashMap<>();
        settingsFrom.put("release.notes.sections", "release-please-config.json");
        settingsFrom.put("release.changelogFile", "release-please-config.json");
        return new ReleasePlan(ReleasePlan.SCHEMA_VERSION, "example-org/app", "0123456789abcdef0123456789abcdef01234567",
                "v1.4.2", "1.4.2", "1.5.0", "v1.5.0", "minor", "minor: 1 feat commit, first abc1234 feat: add \"x\"\t→ y",
                true, new ReleasePlan.CommitCounts(7, 1, 2, 3, 1), List.of("pom.xml", "core/pom.xml", "CHANGELOG.md"),
                "target/release/notes.md", List.of("target/app-1.5.0.jar", "target/SHA256SUMS"),
                new ReleasePlan.GitHubAction("update", 4_294_967_296L, true, false, "true",
                        "https://github.com/example-org/app/releases/tag/untagged-42"),
                true, "origin", List.of(new ReleasePlan.SkippedPom("samples/pom.xml", "profile-only module")),
                apiCheck, List.of(new ReleasePlan.WarningCount("invalid-header", 2), new ReleasePlan.WarningCount("general", 1)),
                settingsFrom, "maven", List.of("the tag v1.5.0 exists on origin at another commit: delete it"))
                .withSteps(List.of(new ReleasePlan.StepResult("tag", "todo", "create v1.5.0 on the release commit"),
                        new ReleasePlan.StepResult("push", "skipped", "release.push=false")));
    }

    static ReleasePlan nullKeys() {
        return new ReleasePlan(ReleasePlan.SCHEMA_VERSION, null, null, null, null, null, null, "none", null,
                false, null, null, null, null, null, false, null, null, null, null, null, null, null);
    }

    private static String databind(ReleasePlan plan) throws Exception {
        return DATABIND.writeValueAsString(plan) + "\n";
    }

    @Test
    void everyKeyIsWrittenAsDatabindWroteIt() throws Exception {
        ReleasePlan plan = everyKey();

        assertEquals(databind(plan), PlanJson.toJson(plan));
    }

    @Test
    void nullKeysAreWrittenAsDatabindWroteThem() throws Exception {
        ReleasePlan plan = nullKeys();

        assertEquals(databind(plan), PlanJson.toJson(plan));
    }

    @Test
    void exactTextOfAPlanWithEveryKey() {
        String json = PlanJson.toJson(everyKey());

        assertEquals("""
                {
                  "schemaVersion" : 1,
                  "repository" : "example-org/app",
                  "headSha" : "0123456789abcdef0123456789abcdef01234567",
                  "previousTag" : "v1.4.2",
                  "previousVersion" : "1.4.2",
                  "version" : "1.5.0",
                  "tag" : "v1.5.0",
                  "bump" : "minor",
                  "reason" : "minor: 1 feat commit, first abc1234 feat: add \\"x\\"\\t→ y",
                  "alreadyReleased" : true,
                  "commits" : {
                    "total" : 7,
                    "breaking" : 1,
                    "feat" : 2,
                    "fix" : 3,
                    "other" : 1
                  },
                  "files" : [ "pom.xml", "core/pom.xml", "CHANGELOG.md" ],
                  "notesFile" : "target/release/notes.md",
                  "assets" : [ "target/app-1.5.0.jar", "target/SHA256SUMS" ],
                  "github" : {
                    "action" : "update",
                    "releaseId" : 4294967296,
                    "draft" : true,
                    "prerelease" : false,
                    "makeLatest" : "true",
                    "htmlUrl" : "https://github.com/example-org/app/releases/tag/untagged-42"
                  },
                  "push" : true,
                  "remote" : "origin",
                  "skippedPoms" : [ {
                    "path" : "samples/pom.xml",
                    "reason" : "profile-only module"
                  } ],
                  "apiCheck" : {
                    "core" : {
                      "against" : "1.4.2",
                      "binaryIncompatible" : 1,
                      "sourceIncompatible" : 1,
                      "first" : [ "%s", "%s" ]
                    },
                    "cli" : {
                      "against" : "1.4.2",
                      "binaryIncompatible" : 0,
                      "sourceIncompatible" : 0,
                      "first" : [ ],
                      "skipped" : "new since v1.4.2"
                    }
                  },
                  "warnings" : [ {
                    "kind" : "invalid-header",
                    "count" : 2
                  }, {
                    "kind" : "general",
                    "count" : 1
                  } ],
                  "settingsFrom" : {
                    "release.notes.sections" : "release-please-config.json",
                    "release.changelogFile" : "release-please-config.json"
                  },
                  "mode" : "maven",
                  "blockers" : [ "the tag v1.5.0 exists on origin at another commit: delete it" ],
                  "steps" : [ {
                    "name" : "tag",
                    "state" : "todo",
                    "line" : "create v1.5.0 on the release commit"
                  }, {
                    "name" : "push",
                    "state" : "skipped",
                    "line" : "release.push=false"
                  } ]
                }
                """.formatted(
                        everyKey().apiCheck().get("core").first().get(0),
                        everyKey().apiCheck().get("core").first().get(1).replace("\"", "\\\"")), json);
    }

    @Test
    void writtenFileReadsBackAsTheSamePlan() {
        ReleasePlan plan = everyKey();
        Path file = dir.resolve("target/release/plan.json");

        PlanJson.write(plan, file);

        ReleasePlan read = PlanJson.read(file);
        assertEquals(PlanJson.toJson(plan), PlanJson.toJson(read));
        assertEquals(plan.github(), read.github());
        assertEquals(plan.settingsFrom(), read.settingsFrom());
    }

    /** A value of a type plan.json has no form for is a programming error, named in the message. */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void unknownValueTypeIsRefusedWithItsName() {
        Map settingsFrom = new LinkedHashMap();
        settingsFrom.put("release.x", java.time.Duration.ofSeconds(1)); // erasure lets it in; the writer must not guess
        ReleasePlan plan = new ReleasePlan(ReleasePlan.SCHEMA_VERSION, null, null, null, null, null, null, "none", null,
                false, null, null, null, null, null, false, null, null, null, null, settingsFrom, null, null);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PlanJson.toJson(plan));
        assertEquals("plan.json cannot hold a java.time.Duration: write it as a record, list, map, string, number"
                + " or boolean", e.getMessage());
    }
}
