package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.TestPoms;
import dev.llmproxy.release.git.TestRepos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** release-please's configuration files mapped onto our settings (issue #12, item 1), through the dry run. */
class ReleasePleaseConfigTest {
    private static final String FILE = "release-please-config.json";

    @TempDir
    Path dir;

    private final DryRun dryRun = new DryRun();
    private final List<String> lines = dryRun.lines;

    private TestRepos repo(String tag) {
        TestRepos repo = TestRepos.nr(dir.resolve("repo"));
        repo.write("pom.xml", TestPoms.app("1.0.0-SNAPSHOT"));
        repo.git("add", "pom.xml");
        repo.c("-m", "chore: init");
        repo.ta(tag);
        return repo;
    }

    private ReleasePlan dryRun(TestSettings settings) {
        return dryRun.run(settings);
    }

    private static String notes(TestRepos repo) throws IOException {
        return Files.readString(repo.dir().resolve(ReleaseEngine.NOTES_FILE), StandardCharsets.UTF_8);
    }

    @Test
    void aJavaYoshiManifestConfigGivesItsSectionsReleaseTypesAndPreMajorRule() throws IOException {
        TestRepos repo = repo("v1.0.0");
        repo.write(FILE, "{\"release-type\": \"java-yoshi\", \"bump-minor-pre-major\": true,\n"
                + " \"packages\": {\".\": {\"changelog-path\": \"CHANGES.md\"}}}");
        repo.write(".release-please-manifest.json", "{\".\": \"1.0.0\"}");
        repo.c("-m", "deps: update alpha to v2");
        repo.c("-m", "chore(deps): update beta to v3");
        repo.c("-m", "build(deps): update gamma to v4");
        repo.c("-m", "docs: explain setup");
        repo.c("-m", "chore: tidy");
        ReleasePlan plan = dryRun(new TestSettings(repo.dir()));
        assertEquals("1.0.1", plan.version(), plan.reason());
        assertEquals("### Dependencies\n\n- update alpha to v2 (" + repo.sha("HEAD~4").substring(0, 7) + ")\n\n"
                + "### Documentation\n\n- explain setup (" + repo.sha("HEAD~1").substring(0, 7) + ")\n", notes(repo));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("release.notes.sections", FILE);
        expected.put("release.changelogFile", FILE);
        expected.put("release.releaseTypes", FILE);
        expected.put("release.breakingBumpsMajorBefore1", FILE);
        assertEquals(expected, plan.settingsFrom());
        assertEquals(List.of("pom.xml", "CHANGES.md"), plan.files());
        assertEquals(List.of("settings from release-please-config.json: release.notes.sections, "
                + "release.changelogFile, release.releaseTypes, release.breakingBumpsMajorBefore1 "
                + "(explicit release.* settings win)"), lines.stream().filter(l -> l.startsWith("settings from")).toList(),
                "said once, also when the engine is made again with the API check's settings");
        String json = PlanJson.toJson(plan);
        assertTrue(json.contains("\"settingsFrom\" : {\n    \"release.notes.sections\" : \"release-please-config.json\","), json);
        Path written = repo.dir().resolve("target/release/plan.json");
        assertEquals(expected, PlanJson.read(written).settingsFrom());
    }

    @Test
    void explicitSettingsWinOverTheFile() {
        TestRepos repo = repo("v1.0.0");
        repo.write(FILE, "{\"release-type\": \"java-yoshi\"}");
        repo.c("-m", "deps: update alpha to v2");
        TestSettings settings = new TestSettings(repo.dir());
        settings.releaseTypes = "feat=minor,fix=patch";
        settings.sections = "deps=Deps";
        ReleasePlan plan = dryRun(settings);
        assertEquals(null, plan.version(), plan.reason());
        assertEquals(Map.of("release.breakingBumpsMajorBefore1", FILE), plan.settingsFrom());
    }

    @Test
    void theAppFileReadsCamelCaseKeysAndAFeatureBumpsThePatchBeforeOne() {
        TestRepos repo = repo("v0.3.0");
        repo.write(".github/release-please.yml", "releaseType: java-yoshi\nbumpMinorPreMajor: true\n"
                + "bumpPatchForMinorPreMajor: true\nprimaryBranch: main\n");
        repo.c("-m", "feat: new widget");
        ReleasePlan plan = dryRun(new TestSettings(repo.dir()));
        assertEquals("0.3.1", plan.version(), plan.reason());
        assertEquals(".github/release-please.yml", plan.settingsFrom().get("release.featureBumpsPatchBefore1"));
    }

    @Test
    void withoutBumpMinorPreMajorABreakingChangeIn0xMakes100AsInReleasePlease() {
        TestRepos repo = repo("v0.3.0");
        repo.write(FILE, "{\"packages\": {\".\": {\"release-type\": \"simple\"}}}");
        repo.c("-m", "feat!: new api");
        assertEquals("1.0.0", dryRun(new TestSettings(repo.dir())).version());
    }

    @Test
    void tagStyleAndReleaseAsMapToTagPrefixAndVersion() {
        TestRepos repo = repo("app-1.0.0");
        repo.write(FILE, "{\"include-v-in-tag\": false, \"include-component-in-tag\": true,\n"
                + " \"packages\": {\".\": {\"component\": \"app\", \"release-as\": \"3.0.0\"}}}");
        repo.c("-m", "fix: a");
        ReleasePlan plan = dryRun(new TestSettings(repo.dir()));
        assertEquals("app-3.0.0", plan.tag());
        assertEquals("app-1.0.0", plan.previousTag());
        assertEquals(FILE, plan.settingsFrom().get("release.tagPrefix"));
        assertEquals(FILE, plan.settingsFrom().get("release.version"));
    }

    @Test
    void customChangelogSectionsAndAnUnmappedVersioningAreReported() throws IOException {
        TestRepos repo = repo("v1.0.0");
        repo.write(FILE, "{\"versioning\": \"always-bump-patch\", \"changelog-sections\": [\n"
                + " {\"type\": \"feat\", \"section\": \"New\"}, {\"type\": \"chore\", \"section\": \"Chores\"},\n"
                + " {\"type\": \"fix\", \"section\": \"Fixes\", \"hidden\": true}]}");
        repo.c("-m", "chore(deps): bump a");
        repo.c("-m", "fix: hidden fix");
        ReleasePlan plan = dryRun(new TestSettings(repo.dir()));
        assertEquals("1.0.1", plan.version());
        assertEquals("### Chores\n\n- **deps:** bump a (" + repo.sha("HEAD~1").substring(0, 7) + ")\n", notes(repo));
        assertTrue(lines.contains("WARN release-please-config.json: versioning 'always-bump-patch' has no equivalent"
                + " here and is ignored; set release.releaseTypes or release.bump instead"), lines.toString());
    }

    @Test
    void aMalformedFileIsRefusedNamingIt() {
        TestRepos repo = repo("v1.0.0");
        repo.write(FILE, "{\"release-type\": ");
        ReleaseException e = assertThrows(ReleaseException.class, () -> dryRun(new TestSettings(repo.dir())));
        assertEquals("release-please-config.json is not valid JSON (line 1): fix it or remove it", e.getMessage());
    }
}
