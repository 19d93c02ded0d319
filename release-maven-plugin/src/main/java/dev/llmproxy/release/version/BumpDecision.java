package dev.llmproxy.release.version;

import java.util.Locale;

/**
 * The bump decision: which version comes next and why (issue #2, item 5; plan.json keys {@code bump},
 * {@code version}, {@code reason}, {@code commits}).
 *
 * @param kind what kind of bump
 * @param version the next version, or null when {@code kind == NONE}
 * @param reason one line, e.g. {@code "minor: 3 feat commits, first a1b2c3d feat(proxy): stream
 *     responses"} or {@code "nothing to release since v1.4.0 (2 commits, none releasable)"}
 * @param counts the commits of the range by kind
 */
public record BumpDecision(Kind kind, SemVer version, String reason, Counts counts) {

    /** plan.json {@code bump}. */
    public enum Kind {
        /** An incompatible change (SemVer 2.0.0 §8), or {@code release.bump=major}. */
        MAJOR,
        /** New functionality (§7), or {@code release.bump=minor}. */
        MINOR,
        /** Fixes (§6), or {@code release.bump=patch}. */
        PATCH,
        /** A pre-release of a {@code release.preRelease} train (§9). */
        PRERELEASE,
        /** {@code release.version} or a {@code Release-As} footer. */
        EXPLICIT,
        /** Nothing to release. */
        NONE;

        /** @return the plan.json value, e.g. {@code "prerelease"} */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(BumpLevel level) {
            return valueOf(level.name());
        }
    }

    /**
     * Commits of the range, plan.json {@code commits}. {@code total} counts every commit; the others
     * count the commits that take part in the decision (not merges, not a revert and its target
     * cancelled together) and {@code other} is the rest, so the four add up to {@code total}.
     *
     * @param total all commits in the range, merges included
     * @param breaking commits with a breaking change, any type
     * @param feat non-breaking {@code feat} commits
     * @param fix non-breaking {@code fix} commits
     * @param other everything else
     */
    public record Counts(int total, int breaking, int feat, int fix, int other) {}

    /** @return true when a version is released ({@code kind != NONE}) */
    public boolean releases() {
        return kind != Kind.NONE;
    }
}
