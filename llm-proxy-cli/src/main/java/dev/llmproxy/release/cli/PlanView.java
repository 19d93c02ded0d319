package dev.llmproxy.release.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmproxy.release.plan.ReleasePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The part of {@code target/release/plan.json} (docs/architecture.md contract, schemaVersion 1) the CLI
 * shows. Read as a JSON tree so that keys added later never break it; a missing key reads as
 * {@code null}/empty.
 *
 * <p>Keys read: {@code version}, {@code tag}, {@code previousVersion}, {@code previousTag},
 * {@code bump}, {@code reason}, {@code alreadyReleased}, {@code repository}, {@code commits.total},
 * {@code commits.breaking}, {@code commits.feat}, {@code commits.fix}, {@code commits.other},
 * {@code files}, {@code notesFile}, {@code github.action}, {@code github.draft},
 * {@code github.prerelease}, and two optional keys beyond the contract: {@code github.htmlUrl}
 * (the release's web page, for the summary) and {@code push} (boolean, whether the goal pushes).
 *
 * @param version the version to release, {@code null} when there is nothing to release
 * @param tag the release tag
 * @param previousVersion the last released version, {@code null} on a first release
 * @param previousTag the last release tag
 * @param bump {@code major|minor|patch|prerelease|explicit|none}
 * @param reason one line: why this version
 * @param alreadyReleased whether the tag already points at HEAD
 * @param repository {@code owner/name} on GitHub, or {@code null}
 * @param commits commit counts, or {@code null} when absent
 * @param files paths relative to the reactor root that the release changes
 * @param notesFile the notes file relative to the reactor root
 * @param githubAction {@code create|update|none|skip}, or {@code null} when GitHub is not used
 * @param githubDraft whether the GitHub release is (left) a draft
 * @param githubPrerelease whether the GitHub release is a pre-release
 * @param githubHtmlUrl the GitHub release's web page, or {@code null}
 * @param push whether the goal pushes, or {@code null} when the plan does not say
 * @param headSha the HEAD the plan was made on, or {@code null}
 * @param mode {@code maven} or {@code tags} (no pom.xml), or {@code null} when the plan does not say
 * @param blockers what the real run would refuse, one line each (empty when nothing blocks)
 * @param remote the remote the goal pushes to, or {@code null} when the plan does not say
 * @param apiCheck one line per module of plan.json {@code apiCheck} ({@code "core: against 1.0.0, 1 binary and 0
 *     source incompatible, first: method removed Foo.bar(int)"}); empty when the check did not run
 */
record PlanView(
        String version,
        String tag,
        String previousVersion,
        String previousTag,
        String bump,
        String reason,
        boolean alreadyReleased,
        String repository,
        Commits commits,
        List<String> files,
        String notesFile,
        String githubAction,
        boolean githubDraft,
        boolean githubPrerelease,
        String githubHtmlUrl,
        Boolean push,
        String headSha,
        String mode,
        List<String> blockers,
        String remote,
        List<String> apiCheck) {

    /** Default notes location when the plan names none. */
    static final String DEFAULT_NOTES_FILE = "target/release/notes.md";


    /** Commit counts of the release range. */
    record Commits(int total, int breaking, int feat, int fix, int other) {}

    /**
     * @param planFile {@code target/release/plan.json}
     * @return the plan
     * @throws CliException ({@link CliException#FAILED}) when the file is missing or not a JSON object
     */
    static PlanView read(Path planFile) {
        if (!Files.isRegularFile(planFile)) {
            throw new CliException(CliException.FAILED, "the release goal wrote no " + planFile
                    + ": check that the release-maven-plugin version matches this llm-proxy");
        }
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(planFile.toFile()); // only a plan made by the goal in Maven is read
        } catch (IOException e) {
            throw new CliException(CliException.FAILED, "cannot read " + planFile + ": "
                    + e.getMessage().lines().findFirst().orElse("") + " (rerun the release goal to rewrite it)");
        }
        if (json == null || !json.isObject()) {
            throw new CliException(CliException.FAILED, planFile + " is not a JSON object: rerun the release goal to rewrite it");
        }
        JsonNode commits = json.path("commits");
        JsonNode github = json.path("github");
        List<String> files = new ArrayList<>();
        json.path("files").forEach(f -> files.add(f.asText()));
        List<String> blockers = new ArrayList<>();
        json.path("blockers").forEach(f -> blockers.add(f.asText()));
        return new PlanView(
                text(json, "version"),
                text(json, "tag"),
                text(json, "previousVersion"),
                text(json, "previousTag"),
                text(json, "bump"),
                text(json, "reason"),
                json.path("alreadyReleased").asBoolean(false),
                text(json, "repository"),
                commits.isObject()
                        ? new Commits(commits.path("total").asInt(), commits.path("breaking").asInt(),
                                commits.path("feat").asInt(), commits.path("fix").asInt(), commits.path("other").asInt())
                        : null,
                List.copyOf(files),
                Optional.ofNullable(text(json, "notesFile")).orElse(DEFAULT_NOTES_FILE),
                text(github, "action"),
                github.path("draft").asBoolean(false),
                github.path("prerelease").asBoolean(false),
                text(github, "htmlUrl"),
                json.path("push").isBoolean() ? json.path("push").asBoolean() : null,
                text(json, "headSha"),
                text(json, "mode"),
                List.copyOf(blockers),
                text(json, "remote"),
                apiCheckLines(json.path("apiCheck")));
    }

    /**
     * The view of a plan the engine made in this JVM: what {@link #read} gives for the file the
     * engine wrote, without reading it back (no JSON parser loaded; docs/performance.md).
     *
     * @param plan the engine's plan, as written to {@code target/release/plan.json}
     * @return the view
     */
    static PlanView of(ReleasePlan plan) {
        ReleasePlan.CommitCounts c = plan.commits();
        ReleasePlan.GitHubAction github = plan.github();
        List<String> apiCheck = new ArrayList<>();
        if (plan.apiCheck() != null) {
            plan.apiCheck().forEach((module, report) -> apiCheck.add(apiCheckLine(module, report.skipped(),
                    report.against(), report.binaryIncompatible(), report.sourceIncompatible(),
                    report.first().isEmpty() ? null : report.first().get(0))));
        }
        return new PlanView(plan.version(), plan.tag(), plan.previousVersion(), plan.previousTag(), plan.bump(),
                plan.reason(), plan.alreadyReleased(), plan.repository(),
                c == null ? null : new Commits(c.total(), c.breaking(), c.feat(), c.fix(), c.other()),
                plan.files(), Optional.ofNullable(plan.notesFile()).orElse(DEFAULT_NOTES_FILE),
                github == null ? null : github.action(), github != null && github.draft(),
                github != null && github.prerelease(), github == null ? null : github.htmlUrl(), plan.push(),
                plan.headSha(), plan.mode(), plan.blockers(), plan.remote(), List.copyOf(apiCheck));
    }

    private static List<String> apiCheckLines(JsonNode modules) {
        List<String> lines = new ArrayList<>();
        modules.fields().forEachRemaining(module -> {
            JsonNode report = module.getValue();
            JsonNode first = report.path("first");
            lines.add(apiCheckLine(module.getKey(), text(report, "skipped"), text(report, "against"),
                    report.path("binaryIncompatible").asInt(), report.path("sourceIncompatible").asInt(),
                    first.size() > 0 ? first.get(0).asText() : null));
        });
        return List.copyOf(lines);
    }

    private static String apiCheckLine(String module, String skipped, String against, int binary, int source, String first) {
        return module + ": " + (skipped != null ? "skipped, " + skipped
                : "against " + against + ", " + binary + " binary and " + source + " source incompatible"
                        + (first != null ? ", first: " + first : ""));
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    /**
     * @param more the blockers, including checks the CLI made itself
     * @return this plan with {@code blockers} replaced
     */
    PlanView withBlockers(List<String> more) {
        return new PlanView(version, tag, previousVersion, previousTag, bump, reason, alreadyReleased, repository,
                commits, files, notesFile, githubAction, githubDraft, githubPrerelease, githubHtmlUrl, push, headSha,
                mode, List.copyOf(more), remote, apiCheck);
    }

    /** @return true when the plan releases a version */
    boolean releases() {
        return version != null;
    }
}
