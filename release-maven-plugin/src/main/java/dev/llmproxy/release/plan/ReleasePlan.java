package dev.llmproxy.release.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.llmproxy.release.api.ModuleApiReport;
import java.util.List;
import java.util.Map;

/**
 * The whole release decision as one value: what was released before, what comes next and why,
 * which files change, which assets go where. Written by every goal (also in dry run) as
 * {@code target/release/plan.json}; the CLI, the workflow and the tests read it. Key order and
 * names are a contract (docs/architecture.md, "target/release/plan.json"): add keys, never rename them.
 *
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param repository {@code owner/name} on GitHub, or {@code null} when unknown
 * @param headSha the full 40-hex SHA of HEAD when the plan was made
 * @param previousTag the last release tag reachable from HEAD ({@code "v1.4.2"}), or {@code null}
 * @param previousVersion the SemVer of {@code previousTag}, or {@code null}
 * @param version the version to release, or {@code null} when there is nothing to release
 * @param tag the tag to create or reuse, or {@code null} when there is nothing to release
 * @param bump {@code major|minor|patch|prerelease|explicit|none}
 * @param reason one line: why this version ({@code "minor: 3 feat commits, first a1b2c3d feat:
 *     x"})
 * @param alreadyReleased true when {@code tag} already points at HEAD
 * @param commits counts of the commits in the range
 * @param files paths relative to the reactor root, with {@code /} separators, that the release
 *     commit changes (poms, {@code CHANGELOG.md})
 * @param notesFile path of the release notes relative to the reactor root
 * @param assets paths of the assets relative to the reactor root
 * @param github what happens on GitHub, or {@code null} when the goal does not touch GitHub
 * @param push whether the goal pushes the branch and tag (added key)
 * @param remote the remote pushed to (added key)
 * @param skippedPoms the reactor poms the version change leaves alone, with the reason (added key,
 *     issue #12 item 4): profile-only modules that do not exist, independently versioned modules
 * @param apiCheck the API check per module (artifactId → report), or {@code null} when it did not run (added key)
 * @param warnings how many warnings of each kind the run gave, kinds in the order first seen; the
 *     lines are in {@code target/release/warnings.txt} (added key; see {@link Warnings})
 * @param settingsFrom settings taken from a release-please file: setting name ({@code
 *     release.notes.sections}) to file name ({@code release-please-config.json}); empty when none
 *     (added key)
 * @param mode {@code maven} (a reactor's poms are rewritten) or {@code tags} (a repository without
 *     {@code pom.xml}: the version lives in the tags) (added key)
 * @param blockers what the real run would refuse, one line each with its fix; written by a dry
 *     run, empty when nothing blocks (added key)
 * @param steps each step of the goal with its state ({@code done|todo|skipped|blocked}) and one line: the checks in a
 *     dry run, what was done in a real run (added key; docs/architecture.md "The engine as steps")
 */
@JsonPropertyOrder({
    "schemaVersion", "repository", "headSha", "previousTag", "previousVersion", "version", "tag",
    "bump", "reason", "alreadyReleased", "commits", "files", "notesFile", "assets", "github", "push", "remote",
    "skippedPoms", "apiCheck", "warnings", "settingsFrom", "mode", "blockers", "steps"
})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReleasePlan(
        int schemaVersion,
        String repository,
        String headSha,
        String previousTag,
        String previousVersion,
        String version,
        String tag,
        String bump,
        String reason,
        boolean alreadyReleased,
        CommitCounts commits,
        List<String> files,
        String notesFile,
        List<String> assets,
        GitHubAction github,
        boolean push,
        String remote,
        List<SkippedPom> skippedPoms,
        Map<String, ModuleApiReport> apiCheck,
        List<WarningCount> warnings,
        Map<String, String> settingsFrom,

        String mode,
        List<String> blockers,
        List<StepResult> steps) {

    /** The {@code schemaVersion} this code writes. */
    public static final int SCHEMA_VERSION = 1;

    public ReleasePlan {
        files = files == null ? List.of() : List.copyOf(files);
        assets = assets == null ? List.of() : List.copyOf(assets);
        skippedPoms = skippedPoms == null ? List.of() : List.copyOf(skippedPoms);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        settingsFrom = settingsFrom == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settingsFrom));
        blockers = blockers == null ? List.of() : List.copyOf(blockers);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A plan before its steps were checked ({@code steps} empty). */
    public ReleasePlan(int schemaVersion, String repository, String headSha, String previousTag, String previousVersion,
            String version, String tag, String bump, String reason, boolean alreadyReleased, CommitCounts commits,
            List<String> files, String notesFile, List<String> assets, GitHubAction github, boolean push, String remote,
            List<SkippedPom> skippedPoms, Map<String, ModuleApiReport> apiCheck, List<WarningCount> warnings,
            Map<String, String> settingsFrom, String mode, List<String> blockers) {
        this(schemaVersion, repository, headSha, previousTag, previousVersion, version, tag, bump, reason,
                alreadyReleased, commits, files, notesFile, assets, github, push, remote, skippedPoms, apiCheck, warnings,
                settingsFrom, mode, blockers, List.of());
    }

    /**
     * @param results the goal's steps as checked or done
     * @return the same plan with {@code steps} replaced
     */
    public ReleasePlan withSteps(List<StepResult> results) {
        return new ReleasePlan(schemaVersion, repository, headSha, previousTag, previousVersion, version, tag, bump,
                reason, alreadyReleased, commits, files, notesFile, assets, github, push, remote, skippedPoms, apiCheck,
                warnings, settingsFrom, mode, blockers, results);
    }

    /**
     * @param action what happened on GitHub
     * @return the same plan with {@code github} replaced
     */
    public ReleasePlan withGitHub(GitHubAction action) {
        return new ReleasePlan(schemaVersion, repository, headSha, previousTag, previousVersion, version, tag, bump,
                reason, alreadyReleased, commits, files, notesFile, assets, action, push, remote, skippedPoms, apiCheck, warnings, settingsFrom, mode, blockers, steps);
    }

    /**
     * @param counts the warnings of the run so far ({@link Warnings#counts()})
     * @return the same plan with {@code warnings} replaced
     */
    public ReleasePlan withWarnings(List<WarningCount> counts) {
        return new ReleasePlan(schemaVersion, repository, headSha, previousTag, previousVersion, version, tag, bump,
                reason, alreadyReleased, commits, files, notesFile, assets, github, push, remote, skippedPoms, apiCheck, counts, settingsFrom, mode, blockers, steps);
    }

    /** @return true when the plan releases a version (a {@code version} is set) */
    public boolean releases() {
        return version != null;
    }

    /**
     * A reactor pom the release leaves alone.
     *
     * @param path path relative to the reactor root, with {@code /} separators
     * @param reason one line: why it is left alone
     */
    /**
     * One step of the goal in plan.json.
     *
     * @param name the step, e.g. {@code tag}
     * @param state {@code done}, {@code todo}, {@code skipped} or {@code blocked}
     * @param line what is done, what the real run would do, why it is skipped, or why it is blocked and the fix
     */
    @JsonPropertyOrder({"name", "state", "line"})
    public record StepResult(String name, String state, String line) {}

    @JsonPropertyOrder({"path", "reason"})
    public record SkippedPom(String path, String reason) {}

    /**
     * Counts of the commits between the previous release and HEAD.
     *
     * @param total all commits in the range, merges included
     * @param breaking commits with a breaking change
     * @param feat {@code feat} commits that are not breaking
     * @param fix {@code fix} commits that are not breaking
     * @param other all the rest
     */
    @JsonPropertyOrder({"total", "breaking", "feat", "fix", "other"})
    public record CommitCounts(int total, int breaking, int feat, int fix, int other) {}

    /**
     * The number of warnings of one kind.
     *
     * @param kind a stable id: {@code invalid-header}, {@code empty-breaking-footer}, {@code
     *     breaking-footer-variant}, {@code breaking-footer-in-body}, {@code gitmoji} (see {@code
     *     commits/CommitLint}), or {@code general} for any other warning
     * @param count at least 1
     */
    @JsonPropertyOrder({"kind", "count"})
    public record WarningCount(String kind, int count) {}

    /**
     * The GitHub Release step of the plan.
     *
     * @param action {@code create}, {@code update}, {@code none} (nothing to change) or {@code skip}
     *     (GitHub not used: no token or disabled)
     * @param releaseId the existing release's id, or {@code null} when it does not exist yet
     * @param draft whether the release is (left) a draft
     * @param prerelease whether the version has pre-release identifiers
     * @param makeLatest GitHub's {@code make_latest} string: {@code "true"} or {@code "false"}
     * @param htmlUrl the release's page, or {@code null} before it exists (added key)
     */
    @JsonPropertyOrder({"action", "releaseId", "draft", "prerelease", "makeLatest", "htmlUrl"})
    public record GitHubAction(
            String action, Long releaseId, boolean draft, boolean prerelease, String makeLatest, String htmlUrl) {}
}
