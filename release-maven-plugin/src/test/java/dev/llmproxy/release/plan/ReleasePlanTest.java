package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.ReleaseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ReleasePlan} as plan.json ({@link PlanJson}): the contract's key order, defaults and copies; and {@link ReleaseSettings}' defaults. */
class ReleasePlanTest {
    @TempDir
    Path dir;

    private static ReleasePlan plan(List<String> files, Map<String, String> settingsFrom) {
        return new ReleasePlan(ReleasePlan.SCHEMA_VERSION, "example-org/app", "abc123", "v1.4.0", "1.4.0", "1.5.0", "v1.5.0",
                "minor", "minor: 1 feat", false, new ReleasePlan.CommitCounts(3, 0, 1, 1, 1), files,
                "target/release/notes.md", null, null, true, "origin", null, null, null, settingsFrom, "maven", null);
    }

    @Test
    void thePlanIsWrittenInContractOrderAndReadBack() throws IOException {
        ReleasePlan plan = plan(List.of("pom.xml", "CHANGELOG.md"), Map.of("release.tagPrefix", "release-please-config.json"))
                .withGitHub(new ReleasePlan.GitHubAction("create", 7L, false, true, "false", "https://example/r/7"))
                .withWarnings(List.of(new ReleasePlan.WarningCount("gitmoji", 2)));

        Path file = dir.resolve("target/release/plan.json");
        PlanJson.write(plan, file);

        assertEquals("""
                {
                  "schemaVersion" : 1,
                  "repository" : "example-org/app",
                  "headSha" : "abc123",
                  "previousTag" : "v1.4.0",
                  "previousVersion" : "1.4.0",
                  "version" : "1.5.0",
                  "tag" : "v1.5.0",
                  "bump" : "minor",
                  "reason" : "minor: 1 feat",
                  "alreadyReleased" : false,
                  "commits" : {
                    "total" : 3,
                    "breaking" : 0,
                    "feat" : 1,
                    "fix" : 1,
                    "other" : 1
                  },
                  "files" : [ "pom.xml", "CHANGELOG.md" ],
                  "notesFile" : "target/release/notes.md",
                  "assets" : [ ],
                  "github" : {
                    "action" : "create",
                    "releaseId" : 7,
                    "draft" : false,
                    "prerelease" : true,
                    "makeLatest" : "false",
                    "htmlUrl" : "https://example/r/7"
                  },
                  "push" : true,
                  "remote" : "origin",
                  "skippedPoms" : [ ],
                  "apiCheck" : null,
                  "warnings" : [ {
                    "kind" : "gitmoji",
                    "count" : 2
                  } ],
                  "settingsFrom" : {
                    "release.tagPrefix" : "release-please-config.json"
                  },
                  "mode" : "maven",
                  "blockers" : [ ],
                  "steps" : [ ]
                }
                """, Files.readString(file));
        assertEquals(plan, PlanJson.read(file));
        assertTrue(plan.releases());
    }

    @Test
    void withGitHubAndWithWarningsChangeOnlyTheirKey() {
        ReleasePlan plan = plan(List.of("pom.xml"), Map.of());
        ReleasePlan.GitHubAction action = new ReleasePlan.GitHubAction("update", 9L, true, false, "legacy", null);
        List<ReleasePlan.WarningCount> counts = List.of(new ReleasePlan.WarningCount("general", 1));

        ReleasePlan published = plan.withGitHub(action);
        ReleasePlan warned = plan.withWarnings(counts);

        assertEquals(action, published.github());
        assertEquals(plan, new ReleasePlan(published.schemaVersion(), published.repository(), published.headSha(),
                published.previousTag(), published.previousVersion(), published.version(), published.tag(), published.bump(),
                published.reason(), published.alreadyReleased(), published.commits(), published.files(), published.notesFile(),
                published.assets(), null, published.push(), published.remote(), published.skippedPoms(), published.apiCheck(),
                published.warnings(), published.settingsFrom(), published.mode(), published.blockers()));
        assertEquals(counts, warned.warnings());
        assertEquals(plan, warned.withWarnings(List.of()));
    }

    @Test
    void listsAndMapsAreCopiesAndNullMeansEmpty() {
        List<String> files = new ArrayList<>(List.of("pom.xml"));
        Map<String, String> from = new LinkedHashMap<>();
        from.put("b", "x");
        from.put("a", "y");
        ReleasePlan plan = plan(files, from);
        files.add("CHANGELOG.md");
        from.put("c", "z");

        assertEquals(List.of("pom.xml"), plan.files());
        assertEquals(List.of("b", "a"), List.copyOf(plan.settingsFrom().keySet()), "insertion order kept");
        assertThrows(UnsupportedOperationException.class, () -> plan.settingsFrom().put("d", "w"));
        ReleasePlan empty = plan(null, null);
        assertEquals(List.of(), empty.files());
        assertEquals(List.of(), empty.assets());
        assertEquals(List.of(), empty.skippedPoms());
        assertEquals(List.of(), empty.warnings());
        assertEquals(Map.of(), empty.settingsFrom());
        assertEquals(List.of(), empty.blockers());
        ReleasePlan nothing = new ReleasePlan(1, null, "abc", null, null, null, null, "none", "no releasing commit", false,
                null, null, null, null, null, false, "origin", null, null, null, null, null, null);
        assertFalse(nothing.releases());
    }

    @Test
    void aMissingOrForeignPlanFileIsRefusedNamingIt() throws IOException {
        Path missing = dir.resolve("none.json");
        ReleaseException e = assertThrows(ReleaseException.class, () -> PlanJson.read(missing));
        assertEquals("cannot read the release plan " + missing + ": " + missing, e.getMessage());

        Path foreign = Files.writeString(dir.resolve("foreign.json"), "[1, 2]");
        ReleaseException f = assertThrows(ReleaseException.class, () -> PlanJson.read(foreign));
        assertTrue(f.getMessage().startsWith("cannot read the release plan " + foreign + ": "), f.getMessage());
    }

    @Test
    void settingsTakeTheirDefaultsAndRefuseMissingRequiredValues() {
        ReleaseSettings.NotesSettings notes = new ReleaseSettings.NotesSettings("CHANGELOG.md", 10, new ArrayList<>(List.of("docs")),
                false, true, null);
        ReleaseSettings.GitHubSettings github = new ReleaseSettings.GitHubSettings(true, "u", null, null, false, "{tag}",
                List.of(), true, null, null);
        ReleaseSettings settings = new ReleaseSettings(dir, "v", "auto", null, null, null, false, "feat=minor", null, false,
                false, null, false, "origin", LocalDate.of(2026, 12, 5), notes, github);

        assertNull(notes.sections());
        assertThrows(UnsupportedOperationException.class, () -> notes.shownTypes().add("x"));
        assertNull(settings.tagPrefixes());
        assertNull(settings.previousTag());
        assertFalse(settings.featureBumpsPatchBefore1());
        assertNull(settings.versionFile());
        assertEquals(ReleaseSettings.Expectation.NONE, settings.expect());
        assertEquals(new ReleaseSettings.Expectation(null, null), ReleaseSettings.Expectation.NONE);

        NullPointerException e = assertThrows(NullPointerException.class, () -> new ReleaseSettings(dir, "v", "auto", null,
                null, null, false, "feat=minor", null, false, false, null, false, null, LocalDate.of(2026, 12, 5), notes, github));
        assertEquals("remote", e.getMessage());
    }
}
