package dev.llmproxy.release.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rewrites the engine's and the goals' messages so that they name the flag the user typed
 * ({@code --version}, {@code --no-github}) instead of the plugin property ({@code release.version},
 * {@code -Drelease.github.skip=true}). Properties without a flag stay as they are.
 */
final class FlagNames {
    /** Longest first, so that {@code -Drelease.version=} is replaced before {@code release.version}. */
    private static final Map<String, String> REPLACEMENTS = replacements();

    private FlagNames() {}

    private static Map<String, String> replacements() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("pass -Drelease.github.skip=true", "pass --no-github");
        r.put("-Drelease.github.skip=true", "--no-github");
        r.put("release.github.skip=true", "--no-github");
        r.put("release.push=false", "--no-push");
        r.put("release.push=true", "--push");
        r.put("-Drelease.version=", "--version ");
        r.put("-Drelease.version", "--version");
        r.put("release.version=", "--version ");
        r.put("release.version", "--version");
        r.put("release.bump=", "--bump ");
        r.put("release.bump", "--bump");
        r.put("release.preRelease", "--pre");
        r.put("release.publish", "--publish");
        r.put("release.initialVersion", "--initial-version");
        r.put("release.versionFile", "--version-file");
        r.put("release.nextDevelopmentVersion", "--next-snapshot");
        return r;
    }

    /**
     * @param message a one-line message of the engine or a goal
     * @return the message with each property that has a CLI flag replaced by that flag
     */
    static String translate(String message) {
        if (message == null || !message.contains("release.")) {
            return message;
        }
        String result = message;
        for (var e : REPLACEMENTS.entrySet()) {
            result = result.replace(e.getKey(), e.getValue());
        }
        return result;
    }
}
