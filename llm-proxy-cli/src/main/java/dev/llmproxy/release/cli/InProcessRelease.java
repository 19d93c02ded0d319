package dev.llmproxy.release.cli;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.plan.ReleaseEngine;
import dev.llmproxy.release.plan.ReleasePlan;
import dev.llmproxy.release.plan.ReleaseSettings;
import dev.llmproxy.release.plan.SettingsResolver;
import dev.llmproxy.release.pom.PluginConfiguration;
import dev.llmproxy.release.pom.TagsOnlyVersion;
import java.util.Map;

/**
 * The engine in the CLI's own JVM (issue 11 items 1 and 3): the plan of every command, and the
 * whole release of a repository without {@code pom.xml}. The settings come from the same {@link
 * SettingsResolver} the goals use, fed with the plugin configuration read from the reactor's poms
 * and {@code .mvn/maven.config} ({@link PluginConfiguration}) under the command's own flags.
 */
final class InProcessRelease {
    /** The first version of a repository without pom.xml, without tags and without a version file. */
    static final String TAGS_ONLY_INITIAL_VERSION = "0.1.0";

    private final Workspace workspace;
    private final Map<String, String> env;
    private final CliLog log;
    private final String goal;

    /**
     * @param workspace the repository
     * @param env the environment ({@code GITHUB_TOKEN}, {@code GH_TOKEN}, {@code GITHUB_API_URL})
     * @param log the engine's log
     * @param goal {@code draft}, {@code bump} or {@code changelog}
     */
    InProcessRelease(Workspace workspace, Map<String, String> env, CliLog log, String goal) {
        this.workspace = workspace;
        this.env = env;
        this.log = log;
        this.goal = goal;
    }

    /**
     * @param properties the command's flags as {@code release.*} properties (with {@code
     *     release.dryRun})
     * @return the plan the engine wrote to {@code target/release/plan.json} (the engine's value, not read back)
     * @throws CliException ({@link CliException#FAILED}) on the engine's refusal, its message
     *     naming the CLI flags
     */
    PlanView run(Map<String, String> properties) {
        ReleasePlan plan;
        try {
            Map<String, String> raw = raw(properties);
            ReleaseEngine engine = new ReleaseEngine(resolve(raw), log).withApiCheck(SettingsResolver.apiCheck(raw));
            plan = switch (goal) {
                case "bump" -> engine.bump();
                case "changelog" -> engine.changelog();
                default -> engine.draft();
            };
        } catch (ReleaseException | IllegalArgumentException e) {
            log.flush();
            throw new CliException(CliException.FAILED, FlagNames.translate(e.getMessage()));
        }
        return PlanView.of(plan); // the plan the engine wrote to target/release/plan.json, not read back
    }

    /**
     * @param properties the command's flags as {@code release.*} properties
     * @return the settings the goal would resolve on this repository (no settings.xml token)
     */
    ReleaseSettings settings(Map<String, String> properties) {
        return resolve(raw(properties));
    }

    private ReleaseSettings resolve(Map<String, String> raw) {
        return SettingsResolver.resolve(workspace.root(), raw, env, goal.equals("draft"), () -> null);
    }

    /** The properties with the plugin's pom configuration under them, and the tags-only first version. */
    private Map<String, String> raw(Map<String, String> properties) {
        Map<String, String> raw = workspace.maven() ? PluginConfiguration.read(workspace.root(), properties) : properties;
        if (!workspace.maven() && !raw.containsKey("release.initialVersion")
                && TagsOnlyVersion.load(workspace.root(), raw.get("release.versionFile")).version() == null) {
            raw = new java.util.LinkedHashMap<>(raw);
            raw.put("release.initialVersion", TAGS_ONLY_INITIAL_VERSION); // used only when there is no tag yet
        }
        return raw;
    }
}
