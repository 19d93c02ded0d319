package dev.llmproxy.release.version;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.commits.ConventionalCommit;
import dev.llmproxy.release.commits.ConventionalCommit.Kind;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which commits release, and how much (issue #2, item 5).
 *
 * <p>A commit with a breaking change (Conventional Commits 1.0.0 items 12-13, 16) of any type
 * releases MAJOR. Otherwise its type decides through {@link #typeLevels()}; a {@code Revert "..."}
 * commit whose target is outside the range counts as type {@code revert}. Merges, fixups and
 * invalid headers never release; free text only when it carries a breaking-change footer.
 *
 * <p>Before 1.0.0 (SemVer 2.0.0 §4: anything may change), the release-please conventions apply:
 * a breaking change bumps MINOR ({@code breakingBumpsMinorBeforeOne}, default true, its
 * {@code bump-minor-pre-major}), and a feature still bumps MINOR unless {@code
 * featureBumpsPatchBeforeOne} is set (default false, its {@code bump-patch-for-minor-pre-major}).
 *
 * @param typeLevels lower-case type → level; types not listed do not release
 * @param breakingBumpsMinorBeforeOne below 1.0.0, MAJOR becomes MINOR
 * @param featureBumpsPatchBeforeOne below 1.0.0, MINOR becomes PATCH
 */
public record BumpPolicy(
        Map<String, BumpLevel> typeLevels, boolean breakingBumpsMinorBeforeOne, boolean featureBumpsPatchBeforeOne) {

    /** The default release types: {@code feat=minor,fix=patch,perf=patch,revert=patch}. */
    public static final String DEFAULT_TYPES = "feat=minor,fix=patch,perf=patch,revert=patch";

    public BumpPolicy {
        typeLevels = Map.copyOf(typeLevels);
    }

    /** @return the default policy: {@link #DEFAULT_TYPES}, breaking bumps minor before 1.0.0 */
    public static BumpPolicy defaults() {
        return new BumpPolicy(parseTypes(DEFAULT_TYPES), true, false);
    }

    /**
     * @param spec comma-separated {@code type=level} pairs, e.g. {@code "feat=minor,fix=patch,deps=patch"};
     *     types are matched case-insensitively, levels are {@code major|minor|patch}
     * @return type → level, in the given order
     * @throws ReleaseException when a pair is malformed, naming it
     */
    public static Map<String, BumpLevel> parseTypes(String spec) {
        Map<String, BumpLevel> levels = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            String[] kv = pair.strip().split("=", -1);
            Optional<BumpLevel> level = kv.length == 2 ? parseLevel(kv[1].strip()) : Optional.empty();
            if (kv[0].isBlank() || level.isEmpty()) {
                throw new ReleaseException("release types entry '" + pair.strip()
                        + "' is not type=major|minor|patch: write it like " + DEFAULT_TYPES);
            }
            levels.put(kv[0].strip().toLowerCase(Locale.ROOT), level.get());
        }
        return levels;
    }

    private static Optional<BumpLevel> parseLevel(String text) {
        for (BumpLevel level : BumpLevel.values()) {
            if (level.label().equals(text.toLowerCase(Locale.ROOT))) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /**
     * @param commit a commit of the range (after revert cancellation)
     * @param baseMajor MAJOR of the version the bump starts from (0 applies the pre-1.0 rules)
     * @return the level this commit asks for, or empty when it does not release
     */
    public Optional<BumpLevel> levelOf(ConventionalCommit commit, int baseMajor) {
        Kind kind = commit.kind();
        BumpLevel level;
        if (kind == Kind.MERGE || kind == Kind.FIXUP || kind == Kind.INVALID) {
            return Optional.empty();
        } else if (commit.breaking()) {
            level = BumpLevel.MAJOR;
        } else if (kind == Kind.REVERT) {
            level = typeLevels.get("revert");
        } else if (kind == Kind.CONVENTIONAL) {
            level = typeLevels.get(commit.type());
        } else {
            return Optional.empty();
        }
        if (level != null && baseMajor == 0) {
            if (level == BumpLevel.MAJOR && breakingBumpsMinorBeforeOne) {
                level = BumpLevel.MINOR;
            } else if (level == BumpLevel.MINOR && featureBumpsPatchBeforeOne) {
                level = BumpLevel.PATCH;
            }
        }
        return Optional.ofNullable(level);
    }
}
