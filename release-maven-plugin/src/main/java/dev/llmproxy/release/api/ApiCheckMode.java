package dev.llmproxy.release.api;

import dev.llmproxy.release.ReleaseException;
import java.util.Locale;

/**
 * What the API check ({@code release.apiCheck}) does when the public API changed incompatibly but the decided
 * version does not say so (SemVer 2.0.0 §8: incompatible API changes need a major version; before 1.0.0, §4, we ask
 * for at least a minor one).
 */
public enum ApiCheckMode {
    /** Report the mismatch in the log, the plan and the draft's body; release as decided. */
    WARN,
    /** Refuse before anything is written, listing the changes and the fixes. */
    FAIL,
    /** Raise the version to the level the API demands, with the reason in the plan. */
    ESCALATE,
    /** No check. */
    OFF;

    /**
     * @param text {@code warn}, {@code fail}, {@code escalate} or {@code off}, any case
     * @return the mode
     * @throws ReleaseException for any other text, naming {@code release.apiCheck} and the accepted values
     */
    public static ApiCheckMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ReleaseException("release.apiCheck '" + text + "' is not a mode: use warn, fail, escalate or off");
        }
    }

    /** @return the lower-case name used in messages ({@code "escalate"}) */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
