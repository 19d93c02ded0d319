package dev.llmproxy.release.version;

import dev.llmproxy.release.ReleaseException;
import java.util.Locale;

/**
 * What the user asked for: the {@code release.*} parameters that steer the bump (issue #2, items 5-6).
 * Texts are kept raw here and validated by {@link BumpDecider#decide}, which names the parameter in
 * its refusal.
 *
 * @param mode {@code release.bump}
 * @param explicitVersion {@code release.version}, or null
 * @param preReleaseId {@code release.preRelease} (e.g. {@code "rc"}), or null for a stable release
 * @param pomVersion the project version from the reactor root pom (e.g. {@code "1.4.0-SNAPSHOT"}),
 *     used for a first release; may be null
 * @param initialVersion {@code release.initialVersion}, or null; wins over {@code pomVersion}
 */
public record BumpRequest(
        Mode mode, String explicitVersion, String preReleaseId, String pomVersion, String initialVersion) {

    /** {@code release.bump}: let the commits decide, or force a level. */
    public enum Mode {
        /** The commits decide (default). */
        AUTO,
        /** Force a MAJOR increment. */
        MAJOR,
        /** Force a MINOR increment. */
        MINOR,
        /** Force a PATCH increment. */
        PATCH;

        /**
         * @param text {@code auto|major|minor|patch}, any case; null or blank means {@code auto}
         * @return the mode
         * @throws ReleaseException when the text is none of these
         */
        public static Mode parse(String text) {
            if (text == null || text.isBlank()) {
                return AUTO;
            }
            for (Mode mode : values()) {
                if (mode.name().equalsIgnoreCase(text.strip())) {
                    return mode;
                }
            }
            throw new ReleaseException("release.bump '" + text + "' is not one of auto, major, minor, patch");
        }

        /** @return the forced level, or null for {@code AUTO} */
        BumpLevel forcedLevel() {
            return this == AUTO ? null : BumpLevel.valueOf(name());
        }

        /** @return {@code "major"} etc. */
        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public BumpRequest {
        mode = mode == null ? Mode.AUTO : mode;
    }

    /**
     * @param pomVersion the reactor root's project version, may be null
     * @return {@code release.bump=auto} and nothing else set
     */
    public static BumpRequest auto(String pomVersion) {
        return new BumpRequest(Mode.AUTO, null, null, pomVersion, null);
    }
}
