package dev.llmproxy.release.plan;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.api.ApiCheckMode;
import dev.llmproxy.release.api.ApiCheckSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one place where {@code release.*} values become {@link ReleaseSettings}, shared by the mojos
 * (their {@code @Parameter}s mapped to property names) and the CLI (the values it read from the
 * reactor's poms, {@code .mvn/maven.config} and its own flags), so that the two cannot drift.
 *
 * <p>Input: a map from property name ({@code release.tagPrefix}, ...) to its text value as Maven
 * would inject it; a missing or blank value takes the default of {@link #DEFAULTS} (the same
 * defaults the mojo parameters declare). Environment: {@code GITHUB_API_URL}, {@code GITHUB_TOKEN},
 * {@code GH_TOKEN}.
 */
public final class SettingsResolver {

    /** Defaults of the properties that have one (the mojo parameters' {@code defaultValue}s). */
    public static final Map<String, String> DEFAULTS = defaults();

    private SettingsResolver() {}

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("release.tagPrefix", "v");
        d.put("release.bump", "auto");
        d.put("release.breakingBumpsMajorBefore1", "false");
        d.put("release.releaseTypes", "feat=minor,fix=patch,perf=patch,revert=patch");
        d.put("release.dryRun", "false");
        d.put("release.push", "false");
        d.put("release.remote", "origin");
        d.put("release.changelogFile", "CHANGELOG.md");
        d.put("release.notes.bodyLimit", "125000");
        d.put("release.notes.showTypes", "");
        d.put("release.notes.groupByScope", "false");
        d.put("release.notes.pullRequestTitles", "true");
        d.put("release.github.skip", "false");
        d.put("release.publish", "false");
        d.put("release.name", "{tag}");
        d.put("release.assets", "");
        d.put("release.notify.comments", "true");
        d.put("release.notes.sections", "");
        d.put("release.featureBumpsPatchBefore1", "false");
        d.put("release.apiCheck", "warn");
        d.put("release.apiCheck.excludes", "");
        // parameters of one goal each (release:changelog, release:replay), read by the history engine
        d.put("release.history.write", "false");
        d.put("release.replay.last", "0");
        return Map.copyOf(d);
    }

    /**
     * @param root the reactor root (or the git work tree's top in tags-only mode)
     * @param raw property name to text value; missing or blank values take {@link #DEFAULTS}
     * @param env the process environment ({@code GITHUB_API_URL}, {@code GITHUB_TOKEN}, {@code GH_TOKEN})
     * @param commitsByDefault what {@code release.commit} means when unset (the goal's default)
     * @param fallbackToken the token when the environment has none (the mojo: settings.xml server
     *     {@code github}); called only then; may return {@code null}
     * @return the settings
     * @throws ReleaseException when {@code release.date} or {@code release.notes.bodyLimit} is not
     *     valid, naming the property and the expected form
     */
    public static ReleaseSettings resolve(
            Path root, Map<String, String> raw, Map<String, String> env, boolean commitsByDefault,
            Supplier<String> fallbackToken) {
        Values v = new Values(raw);
        String apiUrl = firstNonBlank(v.text("release.github.apiUrl"), env.get("GITHUB_API_URL"), "https://api.github.com");
        String token = firstNonBlank(env.get("GITHUB_TOKEN"), env.get("GH_TOKEN"), null);
        if (token == null) {
            token = blankToNull(fallbackToken.get());
        }
        String commit = v.text("release.commit");
        return new ReleaseSettings(
                root,
                v.text("release.tagPrefix"),
                v.text("release.bump"),
                v.text("release.version"),
                v.text("release.preRelease"),
                v.text("release.initialVersion"),
                v.flag("release.breakingBumpsMajorBefore1"),
                v.text("release.releaseTypes"),
                v.text("release.tag"),
                v.flag("release.dryRun"),
                commit == null ? commitsByDefault : Boolean.parseBoolean(commit),
                v.text("release.nextDevelopmentVersion"),
                v.flag("release.push"),
                v.text("release.remote"),
                date(v.text("release.date")),
                new ReleaseSettings.NotesSettings(
                        v.text("release.changelogFile"),
                        bodyLimit(v.text("release.notes.bodyLimit")),
                        csv(v.text("release.notes.showTypes")),
                        v.flag("release.notes.groupByScope"),
                        v.flag("release.notes.pullRequestTitles"),
                        v.text("release.notes.appendFile"),
                        v.text("release.notes.sections")),
                new ReleaseSettings.GitHubSettings(
                        v.flag("release.github.skip"),
                        apiUrl,
                        v.text("release.github.repository"),
                        token,
                        v.flag("release.publish"),
                        v.text("release.name"),
                        csv(v.text("release.assets")),
                        v.flag("release.notify.comments"),
                        v.text("release.notify.webhook"),
                        v.text("release.github.uploadUrl")),
                v.text("release.tagPrefixes"),
                v.text("release.previousTag"),
                v.flag("release.featureBumpsPatchBefore1"),
                v.text("release.versionFile"),
                new ReleaseSettings.Expectation(v.text("release.expect.version"), v.text("release.expect.head")));
    }

    /**
     * The API check as configured ({@code release.apiCheck}, {@code release.apiCheck.excludes}), with the modules
     * read from the poms and previous jars from the local repository; the mojo replaces both with Maven's own.
     *
     * @param raw property name to text value; missing or blank values take {@link #DEFAULTS}
     * @return the API check settings
     * @throws ReleaseException when {@code release.apiCheck} is not a mode
     */
    public static ApiCheckSettings apiCheck(Map<String, String> raw) {
        Values v = new Values(raw);
        ApiCheckSettings defaults = ApiCheckSettings.defaults();
        return new ApiCheckSettings(ApiCheckMode.parse(v.text("release.apiCheck")),
                csv(v.text("release.apiCheck.excludes")), null, defaults.artifacts());
    }

    /** The raw values with the defaults under them. */
    private record Values(Map<String, String> raw) {
        String text(String key) {
            String value = blankToNull(raw.get(key));
            return value != null ? value : blankToNull(DEFAULTS.get(key));
        }

        boolean flag(String key) {
            return Boolean.parseBoolean(text(key));
        }
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ReleaseException("release.date '" + text + "' is not a date: use yyyy-MM-dd, e.g. 2026-11-30");
        }
    }

    private static int bodyLimit(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ReleaseException("release.notes.bodyLimit '" + text + "' is not a number: use e.g. 125000");
        }
    }

    private static List<String> csv(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String firstNonBlank(String a, String b, String fallback) {
        String first = blankToNull(a);
        if (first != null) {
            return first;
        }
        String second = blankToNull(b);
        return second != null ? second : fallback;
    }
}
