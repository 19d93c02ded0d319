package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.ReleaseException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class SettingsResolverTest {
    private static final Path ROOT = Path.of("/repo");

    /** The mojo and the CLI cannot drift: the resolver's defaults are the mojo parameters' defaults. */
    @Test
    void defaultsAreThoseOfTheMojoParametersInThePluginDescriptor() throws Exception {
        Map<String, String> declared = new TreeMap<>();
        Pattern expression = Pattern.compile("\\$\\{(release\\.[^}]+)}");
        try (InputStream in = getClass().getResourceAsStream("/META-INF/maven/plugin.xml")) {
            var configurations = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)
                    .getElementsByTagName("configuration");
            for (int i = 0; i < configurations.getLength(); i++) {
                for (Node n = configurations.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && e.hasAttribute("default-value")) {
                        Matcher m = expression.matcher(e.getTextContent().trim());
                        // release:image names the container image: its parameters are not release settings
                        if (m.matches() && !m.group(1).equals("release.skip") && !m.group(1).equals("release.github.serverId")
                                && !m.group(1).startsWith("release.image.")) {
                            declared.put(m.group(1), e.getAttribute("default-value"));
                        }
                    }
                }
            }
        }
        assertEquals(declared, new TreeMap<>(SettingsResolver.DEFAULTS));
    }

    @Test
    void valuesBecomeSettingsAndBlankValuesTakeTheDefaults() {
        Map<String, String> raw = new HashMap<>();
        raw.put("release.tagPrefix", "rel-");
        raw.put("release.version", " 2.0.0 ");
        raw.put("release.bump", "");
        raw.put("release.push", "true");
        raw.put("release.date", "2026-11-30");
        raw.put("release.notes.showTypes", "docs, deps,");
        raw.put("release.assets", "a/*.jar,b.txt");
        raw.put("release.versionFile", "VERSION");
        raw.put("release.expect.version", "2.0.0");
        raw.put("release.expect.head", "abc");

        ReleaseSettings s = SettingsResolver.resolve(ROOT, raw, Map.of(), false, () -> null);

        assertEquals("rel-", s.tagPrefix());
        assertEquals("2.0.0", s.explicitVersion());
        assertEquals("auto", s.bump());
        assertTrue(s.push());
        assertFalse(s.commit());
        assertEquals(LocalDate.of(2026, 11, 30), s.date());
        assertEquals(List.of("docs", "deps"), s.notes().shownTypes());
        assertEquals(125_000, s.notes().bodyLimit());
        assertEquals(List.of("a/*.jar", "b.txt"), s.github().assetGlobs());
        assertEquals("https://api.github.com", s.github().apiUrl());
        assertEquals("{tag}", s.github().releaseName());
        assertEquals("VERSION", s.versionFile());
        assertEquals(new ReleaseSettings.Expectation("2.0.0", "abc"), s.expect());
        assertNull(s.preRelease());
    }

    @Test
    void commitDefaultsToTheGoalsChoiceUnlessSet() {
        assertTrue(SettingsResolver.resolve(ROOT, Map.of(), Map.of(), true, () -> null).commit());
        assertFalse(SettingsResolver.resolve(ROOT, Map.of("release.commit", "false"), Map.of(), true, () -> null).commit());
        assertTrue(SettingsResolver.resolve(ROOT, Map.of("release.commit", "true"), Map.of(), false, () -> null).commit());
    }

    @Test
    void tokenFromGithubTokenThenGhTokenThenTheFallbackAskedOnlyThen() {
        AtomicInteger asked = new AtomicInteger();
        var fallback = (java.util.function.Supplier<String>) () -> {
            asked.incrementAndGet();
            return "from-settings";
        };

        assertEquals("a", SettingsResolver.resolve(ROOT, Map.of(), Map.of("GITHUB_TOKEN", "a", "GH_TOKEN", "b"), true, fallback)
                .github().token());
        assertEquals("b", SettingsResolver.resolve(ROOT, Map.of(), Map.of("GITHUB_TOKEN", " ", "GH_TOKEN", "b"), true, fallback)
                .github().token());
        assertEquals(0, asked.get());
        assertEquals("from-settings", SettingsResolver.resolve(ROOT, Map.of(), Map.of(), true, fallback).github().token());
        assertEquals(1, asked.get());
    }

    @Test
    void apiUrlFromThePropertyThenTheEnvironment() {
        assertEquals("https://ghe.example/api/v3", SettingsResolver.resolve(ROOT, Map.of(),
                Map.of("GITHUB_API_URL", "https://ghe.example/api/v3"), true, () -> null).github().apiUrl());
        assertEquals("http://127.0.0.1:1", SettingsResolver.resolve(ROOT, Map.of("release.github.apiUrl", "http://127.0.0.1:1"),
                Map.of("GITHUB_API_URL", "https://ghe.example/api/v3"), true, () -> null).github().apiUrl());
    }

    @Test
    void badDateAndBodyLimitNameThePropertyAndTheForm() {
        ReleaseException date = assertThrows(ReleaseException.class,
                () -> SettingsResolver.resolve(ROOT, Map.of("release.date", "30.11.2026"), Map.of(), true, () -> null));
        ReleaseException limit = assertThrows(ReleaseException.class,
                () -> SettingsResolver.resolve(ROOT, Map.of("release.notes.bodyLimit", "lots"), Map.of(), true, () -> null));

        assertEquals("release.date '30.11.2026' is not a date: use yyyy-MM-dd, e.g. 2026-11-30", date.getMessage());
        assertEquals("release.notes.bodyLimit 'lots' is not a number: use e.g. 125000", limit.getMessage());
    }

    /** Every key reaches its own component: no two settings swapped, none dropped. */
    @Test
    void everyKeyReachesItsComponent() {
        Map<String, String> raw = new HashMap<>();
        raw.put("release.bump", "minor");
        raw.put("release.preRelease", "rc");
        raw.put("release.initialVersion", "0.1.0");
        raw.put("release.breakingBumpsMajorBefore1", "true");
        raw.put("release.releaseTypes", "feat=minor");
        raw.put("release.tag", "v1.0.0");
        raw.put("release.dryRun", "true");
        raw.put("release.nextDevelopmentVersion", "1.1.0-SNAPSHOT");
        raw.put("release.remote", "upstream");
        raw.put("release.changelogFile", "CHANGES.md");
        raw.put("release.notes.bodyLimit", "1000");
        raw.put("release.notes.groupByScope", "true");
        raw.put("release.notes.pullRequestTitles", "false");
        raw.put("release.notes.appendFile", "footer.md");
        raw.put("release.notes.sections", "feat=New");
        raw.put("release.github.skip", "true");
        raw.put("release.github.repository", "example-org/app");
        raw.put("release.publish", "true");
        raw.put("release.name", "App {version}");
        raw.put("release.notify.comments", "false");
        raw.put("release.notify.webhook", "http://127.0.0.1:9/hook");
        raw.put("release.github.uploadUrl", "http://127.0.0.1:9/uploads");
        raw.put("release.tagPrefixes", "v,");
        raw.put("release.previousTag", "start");
        raw.put("release.featureBumpsPatchBefore1", "true");
        raw.put("release.assets", " , dist/a.jar,, b.txt");

        ReleaseSettings s = SettingsResolver.resolve(ROOT, raw, Map.of(), false, () -> " ");

        assertEquals(new ReleaseSettings(ROOT, "v", "minor", null, "rc", "0.1.0", true, "feat=minor", "v1.0.0", true, false,
                "1.1.0-SNAPSHOT", false, "upstream", s.date(),
                new ReleaseSettings.NotesSettings("CHANGES.md", 1000, List.of(), true, false, "footer.md", "feat=New"),
                new ReleaseSettings.GitHubSettings(true, "https://api.github.com", "example-org/app", null, true, "App {version}",
                        List.of("dist/a.jar", "b.txt"), false, "http://127.0.0.1:9/hook", "http://127.0.0.1:9/uploads"),
                "v,", "start", true, null, ReleaseSettings.Expectation.NONE), s);
        assertEquals(LocalDate.now(java.time.ZoneOffset.UTC), s.date(), "without release.date: today in UTC");
    }

    @Test
    void theApiCheckReadsItsModeAndExcludes() {
        var defaults = SettingsResolver.apiCheck(Map.of());
        assertEquals(dev.llmproxy.release.api.ApiCheckMode.WARN, defaults.mode());
        assertEquals(List.of(), defaults.excludes());
        assertNull(defaults.modules());

        var set = SettingsResolver.apiCheck(Map.of("release.apiCheck", "escalate", "release.apiCheck.excludes", "a.internal, b.impl"));
        assertEquals(dev.llmproxy.release.api.ApiCheckMode.ESCALATE, set.mode());
        assertEquals(List.of("a.internal", "b.impl"), set.excludes());
        assertEquals(true, set.artifacts() != null);
    }
}
