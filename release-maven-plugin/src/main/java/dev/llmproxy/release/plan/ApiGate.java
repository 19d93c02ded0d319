package dev.llmproxy.release.plan;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.api.ApiChange;
import dev.llmproxy.release.api.ApiCheck;
import dev.llmproxy.release.api.ApiCheckMode;
import dev.llmproxy.release.api.ApiCheckSettings;
import dev.llmproxy.release.api.ApiComparator;
import dev.llmproxy.release.api.ApiReport;
import dev.llmproxy.release.api.ModuleApiReport;
import dev.llmproxy.release.api.ModuleJar;
import dev.llmproxy.release.api.ReactorJars;
import dev.llmproxy.release.commits.ConventionalCommit;
import dev.llmproxy.release.git.GitRepo;
import dev.llmproxy.release.notes.MarkdownText;
import dev.llmproxy.release.pom.VersionFiles;
import dev.llmproxy.release.version.BumpLevel;
import dev.llmproxy.release.version.SemVer;
import dev.llmproxy.release.version.TagNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bump checked against the real API change ({@code release.apiCheck}, docs/release.md "API check"): runs
 * {@link ApiCheck} on a decision that makes a new release, then warns, refuses or raises the version when the
 * decided version is below what the incompatible changes demand. Runs in the planning half, before any write.
 */
final class ApiGate {
    /** How many commits of the range a warning in the release body lists. */
    private static final int COMMITS_SHOWN = 10;

    private final ReleaseSettings settings;
    private final ApiCheckSettings api;
    private final ReleaseLog log;

    /**
     * The decision after the check.
     *
     * @param decision the decision, raised in {@code escalate} mode
     * @param report the modules' reports, or null when the check did not run
     * @param notice Markdown for the release body when the decided version falls short in {@code warn} mode,
     *     else empty
     */
    record Result(ReleasePlanner.Decision decision, ApiReport report, String notice) {}

    ApiGate(ReleaseSettings settings, ApiCheckSettings api, ReleaseLog log) {
        this.settings = settings;
        this.api = api;
        this.log = log;
    }

    /**
     * @return the reactor's poms that this release versions: an independently versioned module (or one left alone
     *     for another reason, {@link VersionFiles#skippedPoms()}) keeps its own version and its own API promise
     */
    static List<String> releasedPoms(VersionFiles reactor) {
        Map<String, String> skipped = reactor.skippedPoms();
        return reactor.files().stream().filter(pom -> !skipped.containsKey(pom)).toList();
    }

    /**
     * @param decision the planner's decision
     * @param git the repository (tells whether a module existed at the previous release)
     * @param reactor the reactor (its modules, when Maven's model was not given)
     * @return the decision after the check
     * @throws ReleaseException in {@code fail} mode when the version falls short, and in {@code escalate} mode
     *     when the version was given explicitly ({@code release.version}) or the raised version is already released
     */
    Result check(ReleasePlanner.Decision decision, GitRepo git, VersionFiles reactor) {
        if (api.mode() == ApiCheckMode.OFF || !decision.releases() || decision.alreadyReleased()
                || settings.existingTag() != null || decision.previous() == null) {
            return new Result(decision, null, "");
        }
        List<ModuleJar> modules = api.modules() != null
                ? api.modules()
                : ReactorJars.of(settings.root(), releasedPoms(reactor), reactor.version());
        if (modules.isEmpty()) {
            return new Result(decision, null, "");
        }
        String previousSha = decision.previous().commitSha();
        ApiReport report = new ApiCheck(api.artifacts(), new ApiComparator(api.excludes()), log, api.mode() != ApiCheckMode.WARN).run(
                modules, decision.previous().name(), decision.previous().version().toString(),
                m -> git.readAt(previousSha, m.pom()).isPresent());
        report.modules().forEach((module, r) -> log.info("API check " + module + ": " + line(r)));
        SemVer previous = decision.previous().version();
        Optional<BumpLevel> shortfall = report.shortfall(previous, decision.version(), settings.breakingBumpsMajorBefore1());
        if (shortfall.isEmpty()) {
            return new Result(decision, report, "");
        }
        BumpLevel level = shortfall.get();
        String mismatch = "API check: " + report.summary() + "; " + decision.version() + " is a " + decision.bump()
                + " release, the API needs a " + level.label() + " one";
        return switch (api.mode()) {
            case FAIL -> {
                changes(report).forEach(c -> log.warn("API check: " + c));
                throw new ReleaseException(mismatch + ": mark the change breaking (feat!: or a BREAKING CHANGE: footer),"
                        + " pass release.bump=" + level.label() + ", or exclude the packages (release.apiCheck.excludes)");
            }
            case ESCALATE -> new Result(escalate(decision, report, level), report, "");
            default -> {
                log.warn(mismatch + " (release.apiCheck=fail refuses, escalate raises the version)");
                yield new Result(decision, report, notice(decision, report, level));
            }
        };
    }

    private ReleasePlanner.Decision escalate(ReleasePlanner.Decision decision, ApiReport report, BumpLevel level) {
        if (settings.explicitVersion() != null) {
            throw new ReleaseException("API check: " + report.summary() + "; release.version " + settings.explicitVersion()
                    + " is below the " + level.label() + " release the API needs: pass a higher release.version");
        }
        SemVer raised = decision.previous().version().core().next(level);
        if (decision.version().isPreRelease()) {
            raised = raised.withPreRelease(List.of(decision.version().preRelease().get(0), "1"));
        }
        if (decision.knownReleases().contains(raised)) {
            throw new ReleaseException("API check: the API needs " + raised + " but it is already released: pass"
                    + " release.version with a free version");
        }
        String reason = level.label() + ": API check: " + report.summary();
        log.info("API check: raised " + decision.version() + " to " + raised);
        return new ReleasePlanner.Decision(decision.targetSha(), decision.previous(), raised,
                new TagNaming(settings.tagPrefix()).tagName(raised), level.label(), reason, false, decision.commits(),
                decision.counts(), decision.knownReleases(), decision.notes());
    }

    private static String notice(ReleasePlanner.Decision decision, ApiReport report, BumpLevel level) {
        StringBuilder text = new StringBuilder("\n## API check\n\n")
                .append(decision.version()).append(" is a ").append(decision.bump())
                .append(" release, but the public API changed incompatibly since ").append(decision.previous().name())
                .append(" (SemVer 2.0.0 asks for a ").append(level.label()).append(" release):\n\n");
        changes(report).forEach(c -> text.append("- ").append(MarkdownText.escape(c)).append('\n'));
        List<String> commits = new ArrayList<>();
        for (ConventionalCommit c : decision.commits()) {
            if (!c.sha().isEmpty() && commits.size() < COMMITS_SHOWN) {
                commits.add("`" + c.shortSha() + "` " + MarkdownText.escape(c.subject()));
            }
        }
        if (!commits.isEmpty()) {
            text.append("\nCommits since ").append(decision.previous().name()).append(": ")
                    .append(String.join(", ", commits)).append('\n');
        }
        return text.toString();
    }

    private static List<String> changes(ApiReport report) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, ModuleApiReport> module : report.modules().entrySet()) {
            for (ApiChange change : module.getValue().changes()) {
                lines.add(module.getKey() + ": " + change.describe()
                        + (change.binaryIncompatible() ? "" : " (source incompatible)"));
            }
        }
        return lines;
    }

    private static String line(ModuleApiReport r) {
        if (r.skipped() != null) {
            return "skipped, " + r.skipped();
        }
        return "against " + r.against() + ", " + r.binaryIncompatible() + " binary and " + r.sourceIncompatible()
                + " source incompatible changes" + (r.first().isEmpty() ? "" : ", first: " + r.first().get(0));
    }
}
