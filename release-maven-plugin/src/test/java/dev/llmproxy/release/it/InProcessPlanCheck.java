package dev.llmproxy.release.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.api.ApiCheckSettings;
import dev.llmproxy.release.api.PreviousArtifacts;
import dev.llmproxy.release.plan.PlanJson;
import dev.llmproxy.release.plan.ReleaseEngine;
import dev.llmproxy.release.plan.ReleasePlan;
import dev.llmproxy.release.plan.SettingsResolver;
import dev.llmproxy.release.pom.PluginConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CLI's in-process plan next to the goal's (issue 11 item 1): before each goal run of the ITs,
 * the engine plans in this JVM as llm-proxy does (the pom configuration read by {@link
 * PluginConfiguration}, the settings by {@link SettingsResolver}, a dry run); after the run, the
 * goal's {@code plan.json} must hold the same decision. GitHub is left out of the prediction so the
 * stand-in's request log stays the goal's own.
 */
final class InProcessPlanCheck {
    private static final Pattern GOAL = Pattern.compile("(?:dev\\.llmproxy:release-maven-plugin:[^:]+|release):(draft|bump|changelog)");

    private final Path dir;
    private final ReleasePlan predicted;

    private InProcessPlanCheck(Path dir, ReleasePlan predicted) {
        this.dir = dir;
        this.predicted = predicted;
    }

    /**
     * @param dir the sample project
     * @param env the environment Maven gets
     * @param args Maven's arguments
     * @return the prediction, or empty when the arguments run no release goal directly (a lifecycle phase)
     */
    static Optional<InProcessPlanCheck> before(Path dir, Map<String, String> env, String... args) throws IOException {
        String goal = null;
        Map<String, String> user = new LinkedHashMap<>();
        for (String arg : args) {
            Matcher m = GOAL.matcher(arg);
            if (m.matches()) {
                goal = m.group(1);
            } else if (arg.startsWith("-D") && arg.contains("=")) {
                user.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        if (goal == null || "all".equals(user.get("release.history"))) {
            return Optional.empty(); // a lifecycle phase, or the full-history changelog: no release plan to compare
        }
        user.put("release.dryRun", "true");
        user.put("release.github.skip", "true");
        Path release = dir.resolve("target/release");
        Map<Path, byte[]> saved = new HashMap<>();
        for (String name : List.of("plan.json", "notes.md")) {
            Path file = release.resolve(name);
            if (Files.exists(file)) {
                saved.put(file, Files.readAllBytes(file));
            }
        }
        Map<String, String> raw = PluginConfiguration.read(dir, user);
        // as llm-proxy does, with previous releases' jars from the local repository the ITs' Maven uses
        ApiCheckSettings api = SettingsResolver.apiCheck(raw);
        ReleaseEngine engine = new ReleaseEngine(
                SettingsResolver.resolve(dir, raw, env, goal.equals("draft"), () -> null), ReleaseLog.SILENT)
                .withApiCheck(new ApiCheckSettings(api.mode(), api.excludes(), null,
                        PreviousArtifacts.localRepository(MavenRun.head())));
        ReleasePlan plan = switch (goal) {
            case "bump" -> engine.bump();
            case "changelog" -> engine.changelog();
            default -> engine.draft();
        };
        for (String name : List.of("plan.json", "notes.md")) {
            Files.deleteIfExists(release.resolve(name));
        }
        for (var e : saved.entrySet()) {
            Files.write(e.getKey(), e.getValue());
        }
        return Optional.of(new InProcessPlanCheck(dir, plan));
    }

    /** Asserts that the goal's plan.json holds the predicted decision. */
    void assertSameDecision() {
        ReleasePlan goal = PlanJson.read(dir.resolve(ReleaseEngine.PLAN_FILE));
        assertEquals(decision(predicted), decision(goal), "the CLI's in-process plan differs from the goal's");
    }

    private static List<Object> decision(ReleasePlan p) {
        return java.util.Arrays.asList(p.headSha(), p.previousTag(), p.previousVersion(), p.version(), p.tag(), p.bump(),
                p.reason(), p.alreadyReleased(), p.commits(), p.mode());
    }
}
