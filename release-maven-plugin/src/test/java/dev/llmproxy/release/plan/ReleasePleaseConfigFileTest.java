package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.github.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ReleasePleaseConfig#apply} on the files alone, setting by setting (ReleasePleaseConfigTest runs whole
 * configurations through the engine).
 */
class ReleasePleaseConfigFileTest {
    private static final String FILE = ReleasePleaseConfig.MANIFEST_CONFIG;
    private static final String JAVA_TYPES = "feat=minor,fix=patch,perf=patch,deps=patch,revert=patch,docs=patch";

    @TempDir
    Path root;

    private final RecordingLog log = new RecordingLog();

    private ReleasePleaseConfig.Applied apply(String file, String text, TestSettings settings) throws IOException {
        Files.createDirectories(root.resolve(file).getParent());
        Files.writeString(root.resolve(file), text);
        return ReleasePleaseConfig.apply(settings.build(), log);
    }

    private ReleasePleaseConfig.Applied apply(String text) throws IOException {
        return apply(FILE, text, new TestSettings(root));
    }

    @Test
    void withoutAFileTheSettingsStayAsTheyAre() {
        ReleaseSettings settings = new TestSettings(root).build();

        ReleasePleaseConfig.Applied applied = ReleasePleaseConfig.apply(settings, log);

        assertSame(settings, applied.settings());
        assertEquals(Map.of(), applied.from());
        assertEquals(List.of(), log.lines);
    }

    @Test
    void customSectionsBecomeTheSectionsSpecAndTheReleasingTypes() throws IOException {
        ReleasePleaseConfig.Applied applied = apply("{\"changelog-sections\": ["
                + " {\"type\": \"feat\", \"section\": \"New, shiny\"}, {\"type\": \"Fix\", \"section\": \"Fixes\", \"hidden\": true},"
                + " {\"type\": \"chore\", \"section\": \"Chores\"}, {\"type\": \"Feature\", \"section\": \"More\"}]}");

        assertEquals("feat=New  shiny,Fix=-,chore=Chores,Feature=More,perf=-,revert=-,docs=-,build(deps)=-,"
                + "build(deps-dev)=-,chore(deps)=Chores,chore(deps-dev)=Chores", applied.settings().notes().sections());
        assertEquals("feat=minor,chore=patch,feature=minor", applied.settings().releaseTypes());
        Map<String, String> from = new LinkedHashMap<>();
        from.put("release.notes.sections", FILE);
        from.put("release.releaseTypes", FILE);
        from.put("release.breakingBumpsMajorBefore1", FILE);
        assertEquals(from, applied.from());
        assertEquals(List.of("INFO settings from release-please-config.json: release.notes.sections, release.releaseTypes,"
                + " release.breakingBumpsMajorBefore1 (explicit release.* settings win)"), log.lines);
        assertEquals(true, applied.settings().breakingBumpsMajorBefore1(), "without bump-minor-pre-major");
        assertEquals(false, applied.settings().featureBumpsPatchBefore1());
        assertEquals("v", applied.settings().tagPrefix());
        assertEquals("CHANGELOG.md", applied.settings().notes().changelogFile());
    }

    @Test
    void onlyHiddenSectionsKeepTheDefaultReleasingTypes() throws IOException {
        ReleasePleaseConfig.Applied applied = apply("{\"changelog-sections\": [{\"type\": \"docs\", \"section\": \"Docs\","
                + " \"hidden\": true}]}");

        assertEquals("feat=minor,fix=patch,perf=patch,revert=patch", applied.settings().releaseTypes());
    }

    @Test
    void theReleaseTypeChoosesJavaOrDefaultSectionsInAnyCase() throws IOException {
        assertEquals(JAVA_TYPES, apply("{\"release-type\": \"Java-Yoshi\"}").settings().releaseTypes());
        assertEquals(JAVA_TYPES, apply("{\"release-type\": \"maven\", \"id\": 1}").settings().releaseTypes(),
                "a short unknown key is read and ignored");
        assertEquals("feat=minor,feature=minor,fix=patch,perf=patch,revert=patch",
                apply("{\"release-type\": \"node\"}").settings().releaseTypes());
        assertEquals("feat=minor,feature=minor,fix=patch,perf=patch,revert=patch",
                apply("{\"changelog-sections\": null}").settings().releaseTypes());
    }

    @Test
    void changelogSectionsThatAreNotAListOfTypeAndSectionAreRefused() {
        ReleaseException notAList = assertThrows(ReleaseException.class, () -> apply("{\"changelog-sections\": {}}"));
        assertEquals("release-please-config.json: changelog-sections must be a list of {type, section, hidden}",
                notAList.getMessage());
        for (String entry : List.of("{\"type\": \"feat\"}", "{\"section\": \"Features\"}", "{\"type\": \" \", \"section\": \"F\"}")) {
            ReleaseException e = assertThrows(ReleaseException.class, () -> apply("{\"changelog-sections\": [" + entry + "]}"));
            assertEquals("release-please-config.json: every changelog-sections entry needs a type and a section",
                    e.getMessage(), entry);
        }
    }

    @Test
    void severalPackagesReadTheRootPackageOrOnlyTheTopLevel() throws IOException {
        ReleasePleaseConfig.Applied dot = apply("{\"changelog-path\": \"TOP.md\", \"packages\": {"
                + "\"lib\": {\"changelog-path\": \"LIB.md\"}, \".\": {\"changelog-path\": \"ROOT.md\"}}}");
        assertEquals("ROOT.md", dot.settings().notes().changelogFile());
        assertEquals("WARN release-please-config.json lists 2 packages; only the package \".\" is read (one Maven reactor"
                + " is one release here)", log.lines.get(0));

        log.lines.clear();
        ReleasePleaseConfig.Applied top = apply("{\"changelog-path\": \"TOP.md\", \"packages\": {"
                + "\"lib\": {\"changelog-path\": \"LIB.md\"}, \"app\": {\"changelog-path\": \"APP.md\"}}}");
        assertEquals("TOP.md", top.settings().notes().changelogFile());
        assertEquals("WARN release-please-config.json lists 2 packages; only the top-level settings are read (one Maven"
                + " reactor is one release here)", log.lines.get(0));

        log.lines.clear();
        ReleasePleaseConfig.Applied one = apply("{\"changelog-path\": \"TOP.md\", \"packages\": {"
                + "\"lib\": {\"changelogPath\": \"LIB.md\"}}}");
        assertEquals("LIB.md", one.settings().notes().changelogFile(), "the only package, camelCase keys read as kebab-case");
        assertEquals(List.of("INFO settings from release-please-config.json: release.notes.sections, release.changelogFile,"
                + " release.releaseTypes, release.breakingBumpsMajorBefore1 (explicit release.* settings win)"), log.lines);
    }

    @Test
    void theComponentPackageNameAndSeparatorMakeTheTagPrefix() throws IOException {
        assertEquals("lib/v", apply("{\"include-component-in-tag\": true, \"package-name\": \"lib\","
                + " \"tag-separator\": \"/\"}").settings().tagPrefix());
        assertEquals("core-", apply("{\"include-component-in-tag\": true, \"package-name\": \"lib\","
                + " \"component\": \"core\", \"include-v-in-tag\": false}").settings().tagPrefix());
        ReleasePleaseConfig.Applied noComponent = apply("{\"include-component-in-tag\": true}");
        assertEquals("v", noComponent.settings().tagPrefix());
        assertEquals(null, noComponent.from().get("release.tagPrefix"));
        assertEquals("v", apply("{\"component\": \"core\"}").settings().tagPrefix(), "include-component-in-tag is off by default");
    }

    @Test
    void explicitSettingsWinAndAreNotReportedAsFromTheFile() throws IOException {
        TestSettings settings = new TestSettings(root);
        settings.tagPrefix = "rel-";
        settings.version = "4.0.0";
        settings.breakingBumpsMajorBefore1 = true;
        settings.sections = "feat=New";
        ReleasePleaseConfig.Applied applied = apply(FILE, "{\"include-v-in-tag\": false, \"release-as\": \"3.0.0\","
                + " \"bump-minor-pre-major\": true, \"bump-patch-for-minor-pre-major\": false, \"versioning\": \"default\","
                + " \"changelog-sections\": [{\"type\": \"feat\", \"section\": \"Features\"}]}", settings);

        assertEquals("rel-", applied.settings().tagPrefix());
        assertEquals("4.0.0", applied.settings().explicitVersion());
        assertEquals(true, applied.settings().breakingBumpsMajorBefore1());
        assertEquals(false, applied.settings().featureBumpsPatchBefore1());
        assertEquals("feat=New", applied.settings().notes().sections());
        assertEquals(Map.of("release.releaseTypes", FILE), applied.from());
        assertEquals("feat=minor", applied.settings().releaseTypes());
        assertEquals(List.of("INFO settings from release-please-config.json: release.releaseTypes (explicit release.*"
                + " settings win)"), log.lines, "versioning 'default' is no warning");
    }

    @Test
    void theManifestConfigWinsOverTheAppFileAndAnEmptyAppFileChangesOnlyTheDefaults() throws IOException {
        Files.createDirectories(root.resolve(".github"));
        Files.writeString(root.resolve(ReleasePleaseConfig.APP_CONFIG), "releaseType: node\n");
        ReleasePleaseConfig.Applied manifest = apply("{\"release-type\": \"java\"}");
        assertEquals(JAVA_TYPES, manifest.settings().releaseTypes());
        assertEquals(FILE, manifest.from().get("release.releaseTypes"));

        Files.delete(root.resolve(FILE));
        ReleasePleaseConfig.Applied empty = apply(ReleasePleaseConfig.APP_CONFIG, "", new TestSettings(root));
        assertEquals(ReleasePleaseConfig.APP_CONFIG, empty.from().get("release.releaseTypes"));
        assertEquals("feat=minor,feature=minor,fix=patch,perf=patch,revert=patch", empty.settings().releaseTypes());
    }

    @Test
    void unreadableFilesAreRefusedNamingTheFileAndTheFix() throws IOException {
        ReleaseException yaml = assertThrows(ReleaseException.class,
                () -> apply(ReleasePleaseConfig.APP_CONFIG, "releaseType: [java\nbump: x\n", new TestSettings(root)));
        assertEquals(".github/release-please.yml is not valid YAML (line 2): fix it or remove it", yaml.getMessage());

        Files.write(root.resolve(FILE), new byte[] {'{', '"', (byte) 0xC3, '"', '}'});
        ReleaseException bytes = assertThrows(ReleaseException.class,
                () -> ReleasePleaseConfig.apply(new TestSettings(root).build(), log));
        assertEquals("cannot read release-please-config.json: Input length = 1; fix the file's permissions or encoding"
                + " (UTF-8)", bytes.getMessage());
    }
}
