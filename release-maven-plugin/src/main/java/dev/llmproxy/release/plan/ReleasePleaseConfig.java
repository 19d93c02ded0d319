package dev.llmproxy.release.plan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.notes.NotesConfig;
import dev.llmproxy.release.version.BumpPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * release-please's configuration, read for users moving from it (issue #12, item 1;
 * docs/migrating.md): {@code release-please-config.json} (with {@code .release-please-manifest.json}),
 * else the older GitHub App file {@code .github/release-please.yml}. What maps onto our settings is
 * applied to the settings that are still at their defaults, so an explicit {@code release.*} value
 * wins; {@link Applied#from()} names each setting taken and its file (plan.json {@code settingsFrom}).
 *
 * <p>Mapped: {@code changelog-sections} (or the sections that {@code release-type} implies: the Java
 * types' layout, else the Conventional Commits preset's) to {@code release.notes.sections}, and the
 * types of its shown sections to {@code release.releaseTypes} ({@code feat}/{@code feature} minor,
 * every other shown type patch: release-please releases when a shown section has an entry);
 * {@code bump-minor-pre-major} (release-please's default false: a breaking change in 0.x makes
 * 1.0.0) to {@code release.breakingBumpsMajorBefore1}; {@code bump-patch-for-minor-pre-major} to
 * {@code release.featureBumpsPatchBefore1}; {@code release-as} to {@code release.version};
 * {@code include-v-in-tag: false} and {@code include-component-in-tag: true} with {@code component}
 * or {@code package-name} (and {@code tag-separator}) to {@code release.tagPrefix};
 * {@code changelog-path} to {@code release.changelogFile}. Top-level keys are the defaults of
 * every package; the package {@code "."} (or the only one) is read. The App file's camelCase keys
 * ({@code releaseType}, {@code bumpMinorPreMajor}) are read as their kebab-case twins. A {@code
 * versioning} other than {@code default}, and several packages, are named in a warning.
 */
public final class ReleasePleaseConfig {
    static final String MANIFEST_CONFIG = "release-please-config.json";
    static final String APP_CONFIG = ".github/release-please.yml";

    private static final Set<String> JAVA_TYPES = Set.of(
            "java", "java-yoshi", "java-yoshi-mono-repo", "java-backport", "java-bom", "java-lts", "maven");
    /** release-please's Java strategies' sections (type, title, hidden), in its order. */
    private static final List<String[]> JAVA_SECTIONS = sections(
            "feat=Features", "fix=Bug Fixes", "perf=Performance Improvements", "deps=Dependencies",
            "revert=Reverts", "docs=Documentation", "style=-Styles", "chore=-Miscellaneous Chores",
            "refactor=-Code Refactoring", "test=-Tests", "build=-Build System", "ci=-Continuous Integration");
    /** The sections of the Conventional Commits changelog preset, release-please's default. */
    private static final List<String[]> DEFAULT_SECTIONS = sections(
            "feat=Features", "feature=Features", "fix=Bug Fixes", "perf=Performance Improvements", "revert=Reverts",
            "docs=-Documentation", "style=-Styles", "chore=-Miscellaneous Chores", "refactor=-Code Refactoring",
            "test=-Tests", "build=-Build System", "ci=-Continuous Integration");

    private ReleasePleaseConfig() {}

    /**
     * @param settings the settings as given
     * @param from setting name ({@code release.notes.sections}) to the file it came from, in order
     */
    public record Applied(ReleaseSettings settings, Map<String, String> from) {}

    /**
     * @param settings the goal's settings
     * @param log gets one info line naming the settings taken, and warnings for what does not map
     * @return the settings with the file's values where ours are at their defaults; {@code settings}
     *     and an empty map when no release-please file exists
     * @throws ReleaseException when the file is not valid JSON/YAML, naming it
     */
    public static Applied apply(ReleaseSettings settings, ReleaseLog log) {
        Path root = settings.root();
        String fileName = Files.isRegularFile(root.resolve(MANIFEST_CONFIG)) ? MANIFEST_CONFIG
                : Files.isRegularFile(root.resolve(APP_CONFIG)) ? APP_CONFIG : null;
        if (fileName == null) {
            return new Applied(settings, Map.of());
        }
        JsonNode config = packageConfig(read(root.resolve(fileName), fileName), fileName, log);
        Map<String, String> from = new LinkedHashMap<>();
        ReleaseSettings s = settings;

        List<String[]> sections = changelogSections(config, fileName);
        ReleaseSettings.NotesSettings notes = s.notes();
        if (notes.sections() == null || notes.sections().isBlank()) {
            notes = new ReleaseSettings.NotesSettings(notes.changelogFile(), notes.bodyLimit(), notes.shownTypes(),
                    notes.groupByScope(), notes.usePullRequestTitles(), notes.appendFile(), sectionsSpec(sections));
            from.put("release.notes.sections", fileName);
        }
        String changelogPath = text(config, "changelog-path");
        if (changelogPath != null && notes.changelogFile().equals("CHANGELOG.md")) {
            notes = new ReleaseSettings.NotesSettings(changelogPath, notes.bodyLimit(), notes.shownTypes(),
                    notes.groupByScope(), notes.usePullRequestTitles(), notes.appendFile(), notes.sections());
            from.put("release.changelogFile", fileName);
        }
        String releaseTypes = s.releaseTypes();
        if (releaseTypes.equals(BumpPolicy.DEFAULT_TYPES)) {
            releaseTypes = releaseTypes(sections);
            from.put("release.releaseTypes", fileName);
        }
        boolean majorBefore1 = s.breakingBumpsMajorBefore1();
        if (!majorBefore1) {
            majorBefore1 = !flag(config, "bump-minor-pre-major");
            from.put("release.breakingBumpsMajorBefore1", fileName);
        }
        boolean patchBefore1 = s.featureBumpsPatchBefore1();
        if (!patchBefore1 && flag(config, "bump-patch-for-minor-pre-major")) {
            patchBefore1 = true;
            from.put("release.featureBumpsPatchBefore1", fileName);
        }
        String version = s.explicitVersion();
        String releaseAs = text(config, "release-as");
        if (version == null && releaseAs != null) {
            version = releaseAs;
            from.put("release.version", fileName);
        }
        String tagPrefix = s.tagPrefix();
        String configuredPrefix = tagPrefix(config);
        if (tagPrefix.equals("v") && !configuredPrefix.equals("v")) {
            tagPrefix = configuredPrefix;
            from.put("release.tagPrefix", fileName);
        }
        String versioning = text(config, "versioning");
        if (versioning != null && !versioning.equals("default")) {
            log.warn(fileName + ": versioning '" + versioning + "' has no equivalent here and is ignored;"
                    + " set release.releaseTypes or release.bump instead");
        }
        log.info("settings from " + fileName + ": " + String.join(", ", from.keySet())
                + " (explicit release.* settings win)");
        ReleaseSettings applied = new ReleaseSettings(s.root(), tagPrefix, s.bump(), version, s.preRelease(),
                s.initialVersion(), majorBefore1, releaseTypes, s.existingTag(), s.dryRun(), s.commit(),
                s.nextDevelopmentVersion(), s.push(), s.remote(), s.date(), notes, s.github(), s.tagPrefixes(), s.previousTag(),
                patchBefore1, s.versionFile(), s.expect());
        return new Applied(applied, from);
    }

    private static JsonNode read(Path file, String fileName) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            ObjectMapper mapper = fileName.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
            JsonNode node = mapper.readTree(text);
            return node == null || !node.isObject() ? mapper.createObjectNode() : node;
        } catch (JacksonException e) {
            throw new ReleaseException(fileName + " is not valid " + (fileName.endsWith(".json") ? "JSON" : "YAML")
                    + " (line " + e.getLocation().getLineNr() + "): fix it or remove it", e);
        } catch (IOException e) {
            throw new ReleaseException("cannot read " + fileName + ": " + e.getMessage()
                    + "; fix the file's permissions or encoding (UTF-8)", e);
        }
    }

    /** Top-level keys (kebab-case) overlaid by the package ".", or the only package. */
    private static JsonNode packageConfig(JsonNode file, String fileName, ReleaseLog log) {
        Map<String, JsonNode> merged = new LinkedHashMap<>();
        file.fields().forEachRemaining(e -> merged.put(kebab(e.getKey()), e.getValue()));
        JsonNode packages = file.path("packages");
        JsonNode chosen = null;
        if (packages.isObject() && packages.size() > 0) {
            chosen = packages.has(".") ? packages.get(".") : packages.size() == 1 ? packages.elements().next() : null;
            if (packages.size() > 1) {
                log.warn(fileName + " lists " + packages.size() + " packages; only "
                        + (chosen == null ? "the top-level settings are" : "the package \".\" is")
                        + " read (one Maven reactor is one release here)");
            }
        }
        if (chosen != null && chosen.isObject()) {
            chosen.fields().forEachRemaining(e -> merged.put(kebab(e.getKey()), e.getValue()));
        }
        ObjectMapper mapper = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode node = mapper.createObjectNode();
        merged.forEach(node::set);
        return node;
    }

    private static String kebab(String key) {
        StringBuilder out = new StringBuilder(key.length() + 4);
        for (char c : key.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** @return (type, title, "hidden" or "") triples, from the file or implied by the release type */
    private static List<String[]> changelogSections(JsonNode config, String fileName) {
        JsonNode list = config.path("changelog-sections");
        if (list.isMissingNode() || list.isNull()) {
            String type = text(config, "release-type");
            return type != null && JAVA_TYPES.contains(type.toLowerCase(Locale.ROOT)) ? JAVA_SECTIONS : DEFAULT_SECTIONS;
        }
        if (!list.isArray()) {
            throw new ReleaseException(fileName + ": changelog-sections must be a list of {type, section, hidden}");
        }
        List<String[]> sections = new ArrayList<>();
        for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
            JsonNode entry = it.next();
            String type = text(entry, "type");
            String title = text(entry, "section");
            if (type == null || title == null) {
                throw new ReleaseException(fileName + ": every changelog-sections entry needs a type and a section");
            }
            // our titles cannot hold commas (the setting is comma-separated)
            sections.add(new String[] {type, title.replace(',', ' ').strip(), entry.path("hidden").asBoolean(false) ? "hidden" : ""});
        }
        return sections;
    }

    /**
     * The sections as {@code release.notes.sections}; our default rules for a type and scope the file
     * does not name follow the file's rule for that type, or are hidden, so that the file's layout is
     * the whole layout (release-please shows nothing it has no section for).
     */
    static String sectionsSpec(List<String[]> sections) {
        List<String> entries = new ArrayList<>();
        Map<String, String> byType = new LinkedHashMap<>();
        for (String[] s : sections) {
            String title = s[2].isEmpty() ? s[1] : "-";
            entries.add(s[0] + "=" + title);
            byType.putIfAbsent(s[0].toLowerCase(Locale.ROOT), title);
        }
        for (NotesConfig.SectionRule rule : NotesConfig.defaults().typeSections()) {
            if (rule.scope() != null || !byType.containsKey(rule.type())) {
                String key = rule.type() + (rule.scope() == null ? "" : "(" + rule.scope() + ")");
                entries.add(key + "=" + byType.getOrDefault(rule.type(), "-"));
            }
        }
        return String.join(",", entries);
    }

    /** {@code feat}/{@code feature} minor, every other shown type patch. */
    static String releaseTypes(List<String[]> sections) {
        List<String> pairs = new ArrayList<>();
        for (String[] s : sections) {
            if (s[2].isEmpty()) {
                boolean feature = s[0].equalsIgnoreCase("feat") || s[0].equalsIgnoreCase("feature");
                pairs.add(s[0].toLowerCase(Locale.ROOT) + "=" + (feature ? "minor" : "patch"));
            }
        }
        return pairs.isEmpty() ? BumpPolicy.DEFAULT_TYPES : String.join(",", pairs);
    }

    private static String tagPrefix(JsonNode config) {
        String v = config.path("include-v-in-tag").asBoolean(true) ? "v" : "";
        String component = text(config, "component") != null ? text(config, "component") : text(config, "package-name");
        if (config.path("include-component-in-tag").asBoolean(false) && component != null) {
            String separator = text(config, "tag-separator") != null ? text(config, "tag-separator") : "-";
            return component + separator + v;
        }
        return v;
    }

    private static boolean flag(JsonNode config, String key) {
        return config.path(key).asBoolean(false);
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isValueNode() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    private static List<String[]> sections(String... specs) {
        List<String[]> out = new ArrayList<>();
        for (String spec : specs) {
            String[] kv = spec.split("=", 2);
            boolean hidden = kv[1].startsWith("-");
            out.add(new String[] {kv[0], hidden ? kv[1].substring(1) : kv[1], hidden ? "hidden" : ""});
        }
        return out;
    }
}
