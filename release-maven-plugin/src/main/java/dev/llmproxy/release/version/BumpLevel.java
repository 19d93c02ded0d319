package dev.llmproxy.release.version;

import java.util.Locale;

/** Which part of a version a change increments, SemVer 2.0.0 §6-§8; ordered from smallest to largest. */
public enum BumpLevel {
    /** Backward compatible bug fixes (§6). */
    PATCH,
    /** Backward compatible new functionality (§7). */
    MINOR,
    /** Incompatible API changes (§8). */
    MAJOR;

    /** @return the lower-case name used in messages and plan.json ({@code "minor"}) */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The level a release core version implies when it was reached by one increment: {@code 2.0.0}
     * → MAJOR, {@code 1.5.0} → MINOR, {@code 1.4.1} → PATCH ({@code 0.0.0} → MAJOR).
     *
     * @param core a version; pre-release and build metadata are ignored
     * @return the implied level
     */
    public static BumpLevel impliedBy(SemVer core) {
        if (core.patch() != 0) {
            return PATCH;
        }
        return core.minor() != 0 ? MINOR : MAJOR;
    }

    /**
     * @param a a level or null (nothing)
     * @param b a level or null (nothing)
     * @return the larger one, null when both are null
     */
    public static BumpLevel max(BumpLevel a, BumpLevel b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
