package dev.llmproxy.release.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.TextFiles;
import dev.llmproxy.release.git.GitRepo;
import dev.llmproxy.release.notes.ChangelogUpdater;
import dev.llmproxy.release.notes.MarkdownRenderer;
import dev.llmproxy.release.notes.NotesConfig;
import dev.llmproxy.release.plan.ReleaseEngine;
import dev.llmproxy.release.plan.ReleasePleaseConfig;
import dev.llmproxy.release.plan.ReleaseSettings;
import dev.llmproxy.release.plan.SettingsResolver;
import dev.llmproxy.release.version.BumpPolicy;
import dev.llmproxy.release.version.TagNaming;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The history goals (issue #12, items 6-7) behind {@code release:replay}, {@code release:changelog
 * -Drelease.history=all} and the CLI's {@code release replay} and {@code release changelog --all}:
 * the repository is read once ({@link RepositoryHistory}), configured by the same {@code release.*}
 * settings as the other goals. Only files under {@code target/release/} are written, and {@code
 * CHANGELOG.md} when asked; no commit, tag or ref changes.
 */
public final class HistoryEngine {
    /** Replay's report, relative to the reactor root. */
    public static final String REPLAY_FILE = "target/release/replay.json";
    /** The full-history changelog when it does not replace CHANGELOG.md, relative to the reactor root. */
    public static final String FULL_CHANGELOG_FILE = "target/release/CHANGELOG.full.md";

    private final ReleaseSettings settings;
    private final ReleaseLog log;

    /**
     * @param settings the goal's parameters (tag prefix, release types, notes settings, changelog file, repository)
     * @param log where the table and the totals go
     */
    public HistoryEngine(ReleaseSettings settings, ReleaseLog log) {
        // the same release-please defaults as the other goals, so replay judges releases as draft would cut them
        this.settings = ReleasePleaseConfig.apply(settings, log).settings();
        this.log = log;
    }

    /**
     * The settings of a history goal run outside Maven (the CLI, tests): every other {@code release.*}
     * setting at its default, resolved as the goals resolve theirs ({@link SettingsResolver}).
     *
     * @param root the project root (a pom is not needed)
     * @param tagPrefix {@code release.tagPrefix}
     * @param tagPrefixes {@code release.tagPrefixes}: further prefixes read ({@code "v,"}), or null/blank
     * @param releaseTypes {@code release.releaseTypes}
     * @param showTypes {@code release.notes.showTypes}
     * @param repository {@code release.github.repository}, or null to read it from origin's URL
     * @param changelogFile {@code release.changelogFile}, relative to {@code root}
     * @return the settings
     */
    public static ReleaseSettings settings(Path root, String tagPrefix, String tagPrefixes, String releaseTypes,
            List<String> showTypes, String repository, String changelogFile) {
        Map<String, String> raw = new HashMap<>();
        raw.put("release.tagPrefix", tagPrefix);
        raw.put("release.tagPrefixes", tagPrefixes);
        raw.put("release.releaseTypes", releaseTypes);
        raw.put("release.notes.showTypes", String.join(",", showTypes));
        raw.put("release.github.repository", repository);
        raw.put("release.changelogFile", changelogFile);
        raw.put("release.dryRun", "true");
        raw.put("release.github.skip", "true");
        return SettingsResolver.resolve(root, raw, Map.of(), false, () -> null);
    }

    /**
     * The full-history changelog.
     *
     * @param write true to replace {@code release.changelogFile}, false to write {@link #FULL_CHANGELOG_FILE}
     * @return the file written (absolute)
     * @throws ReleaseException when the repository cannot be read or the file cannot be written
     */
    public Path fullChangelog(boolean write) {
        try (RepositoryHistory history = load()) {
            NotesConfig config = ReleaseEngine.notesConfig(settings);
            String text = new FullChangelog(config, new ChangelogUpdater(new MarkdownRenderer(settings.notes().bodyLimit())),
                    repository(history)).render(history);
            Path file = settings.root().resolve(write ? settings.notes().changelogFile() : FULL_CHANGELOG_FILE);
            TextFiles.writeAtomically(file, text);
            if (history.releases().isEmpty()) {
                log.warn("no release tag (" + String.join(" or ", TagNaming.of(settings.tagPrefix(), settings.tagPrefixes())
                        .readPrefixes().stream().map(p -> p + "X.Y.Z").toList()) + ") was read, so the changelog has no"
                        + " release section: set release.tagPrefix or release.tagPrefixes to the prefix of the project's"
                        + " tags, or fetch them (git fetch --tags)");
            }
            log.info("Wrote " + history.releases().size() + " release sections to " + settings.root().relativize(file));
            return file;
        }
    }

    /**
     * Replays past releases and writes {@link #REPLAY_FILE}; the table and the totals go to the log.
     *
     * @param last how many of the newest releases to replay; 0 for all
     * @return the outcomes, newest first
     * @throws ReleaseException when the repository cannot be read or has no release tag
     */
    public List<Replay.Outcome> replay(int last) {
        if (last < 0) {
            throw new IllegalArgumentException("release.replay.last " + last + " is negative: pass a number of releases, or 0 for all");
        }
        try (RepositoryHistory history = load()) {
            if (history.releases().isEmpty()) {
                throw new ReleaseException("no release tags (" + settings.tagPrefix() + "X.Y.Z) to replay: set release.tagPrefix"
                        + " to the prefix of the project's tags, or fetch tags (git fetch --tags)");
            }
            Path repoRoot = history.graph().workTree();
            String pom = slashes(repoRoot.relativize(settings.root().toAbsolutePath().normalize().resolve("pom.xml")));
            String changelog = slashes(repoRoot.relativize(settings.root().toAbsolutePath().normalize()
                    .resolve(settings.notes().changelogFile())));
            BumpPolicy policy = new BumpPolicy(BumpPolicy.parseTypes(settings.releaseTypes()), !settings.breakingBumpsMajorBefore1(),
                    settings.featureBumpsPatchBefore1());
            Replay replay = new Replay(policy, settings.bump(), settings.initialVersion(), ReleaseEngine.notesConfig(settings),
                    pom, changelog, repository(history));
            List<Replay.Outcome> outcomes = replay.run(history, last);
            Replay.Totals totals = Replay.totals(outcomes);
            report(outcomes, totals);
            TextFiles.writeAtomically(settings.root().resolve(REPLAY_FILE), json(outcomes, totals));
            return outcomes;
        }
    }

    private RepositoryHistory load() {
        return RepositoryHistory.load(settings.root(), TagNaming.of(settings.tagPrefix(), settings.tagPrefixes()));
    }

    private String repository(RepositoryHistory history) {
        if (settings.github().repository() != null) {
            return settings.github().repository();
        }
        return history.graph().remoteUrl(settings.remote()).flatMap(GitRepo::gitHubRepository).orElse(null);
    }

    private void report(List<Replay.Outcome> outcomes, Replay.Totals totals) {
        log.info(String.format(Locale.ROOT, "%-24s %-16s %-16s %-5s %-14s %s", "tag", "released", "ours", "agree", "entries", "extra"));
        for (Replay.Outcome o : outcomes) {
            String entries = o.entriesExpected() == null ? "-" : o.entriesFound() + "/" + o.entriesExpected();
            String ours = o.ourVersion() != null ? o.ourVersion() : o.bump();
            log.info(String.format(Locale.ROOT, "%-24s %-16s %-16s %-5s %-14s %s", o.tag(), o.releasedVersion(), ours,
                    o.agree() ? "yes" : "NO", entries, o.entriesExpected() == null ? "-" : String.valueOf(o.extra())));
            if (!o.agree() && o.reason() != null) {
                log.info("    why: " + o.reason());
            }
        }
        log.info(String.format(Locale.ROOT, "versions agreeing %d/%d; entries found %d/%d (%.1f %%), extra %d (%.1f %%) over %d"
                        + " releases with a CHANGELOG.md section",
                totals.versionsAgreeing(), totals.releases(), totals.entriesFound(), totals.entriesExpected(),
                totals.foundPercent(), totals.extra(), totals.extraPercent(), totals.withChangelog()));
        log.info("Every release's decision, missing and extra entries: " + REPLAY_FILE);
    }

    static String json(List<Replay.Outcome> outcomes, Replay.Totals totals) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", 1);
        Map<String, Object> sums = new LinkedHashMap<>();
        sums.put("releases", totals.releases());
        sums.put("versionsAgreeing", totals.versionsAgreeing());
        sums.put("releasesWithChangelog", totals.withChangelog());
        sums.put("entriesExpected", totals.entriesExpected());
        sums.put("entriesFound", totals.entriesFound());
        sums.put("entriesFoundPercent", totals.foundPercent());
        sums.put("extra", totals.extra());
        sums.put("extraPercent", totals.extraPercent());
        root.put("totals", sums);
        root.put("releases", outcomes.stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tag", o.tag());
            m.put("releasedVersion", o.releasedVersion());
            m.put("ourVersion", o.ourVersion());
            m.put("agree", o.agree());
            m.put("bump", o.bump());
            m.put("reason", o.reason());
            m.put("entriesExpected", o.entriesExpected());
            m.put("entriesFound", o.entriesFound());
            m.put("entriesOurs", o.entriesOurs());
            m.put("extra", o.extra());
            m.put("missing", o.missing());
            m.put("extraEntries", o.extraEntries());
            return m;
        }).toList());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("replay report is not serialisable", e);
        }
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
