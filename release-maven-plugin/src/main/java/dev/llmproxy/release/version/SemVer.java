package dev.llmproxy.release.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A strict <a href="https://semver.org/spec/v2.0.0.html">SemVer 2.0.0</a> version: exactly three
 * numeric parts without leading zeros (§2), optional dot-separated pre-release identifiers (§9) and
 * build metadata (§10). No {@code v} prefix, no missing parts, no fourth part.
 *
 * <p>Order ({@link #compareTo}) is SemVer 2.0.0 §11 precedence and ignores build metadata, so
 * {@code 1.0.0+a} and {@code 1.0.0+b} compare as equal. {@link #equals} and {@link #hashCode} use the
 * full canonical text instead, build metadata included, so those two are not {@code equals}: use
 * {@code compareTo(...) == 0} to ask "same version".
 *
 * <p>Limit: MAJOR, MINOR and PATCH must fit in an {@code int} (at most 2147483647); larger numbers,
 * although allowed by the SemVer grammar, are rejected with a message saying so. Numeric pre-release
 * identifiers have no size limit.
 */
public final class SemVer implements Comparable<SemVer> {

    private static final String EXAMPLE = "write it like 1.4.0, 1.4.0-rc.1 or 1.4.0+build.7";

    private final int major;
    private final int minor;
    private final int patch;
    private final List<String> preRelease;
    private final List<String> buildMetadata;
    private final String text;

    private SemVer(int major, int minor, int patch, List<String> preRelease, List<String> buildMetadata) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.preRelease = List.copyOf(preRelease);
        this.buildMetadata = List.copyOf(buildMetadata);
        StringBuilder sb = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
        if (!preRelease.isEmpty()) {
            sb.append('-').append(String.join(".", preRelease));
        }
        if (!buildMetadata.isEmpty()) {
            sb.append('+').append(String.join(".", buildMetadata));
        }
        this.text = sb.toString();
    }

    /**
     * A stable version without build metadata.
     *
     * @param major MAJOR, {@code >= 0}
     * @param minor MINOR, {@code >= 0}
     * @param patch PATCH, {@code >= 0}
     * @return {@code major.minor.patch}
     * @throws IllegalArgumentException when a part is negative
     */
    public static SemVer of(int major, int minor, int patch) {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException(
                    "version parts must not be negative: " + major + "." + minor + "." + patch);
        }
        return new SemVer(major, minor, patch, List.of(), List.of());
    }

    /**
     * Parses a version exactly as SemVer 2.0.0 §2, §9 and §10 (and the official BNF) allow.
     *
     * @param text the version text, e.g. {@code "1.0.0-alpha.1+001"}; no {@code v} prefix, no
     *     surrounding whitespace
     * @return the version
     * @throws IllegalArgumentException with one line naming the text and what is wrong, when the
     *     text is null or not a valid SemVer 2.0.0 version
     */
    public static SemVer parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("version is missing: " + EXAMPLE);
        }
        String core = text;
        List<String> build = List.of();
        int plus = core.indexOf('+');
        if (plus >= 0) {
            build = identifiers(text, core.substring(plus + 1), "build metadata", false);
            core = core.substring(0, plus);
        }
        List<String> pre = List.of();
        int dash = core.indexOf('-');
        if (dash >= 0) {
            pre = identifiers(text, core.substring(dash + 1), "pre-release", true);
            core = core.substring(0, dash);
        }
        String[] parts = core.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid(text, "needs exactly three numeric parts MAJOR.MINOR.PATCH");
        }
        return new SemVer(number(text, parts[0]), number(text, parts[1]), number(text, parts[2]), pre, build);
    }

    /**
     * Like {@link #parse} but without an exception.
     *
     * @param text the version text, may be null
     * @return the version, or empty when {@code text} is null or not a valid SemVer 2.0.0 version
     */
    public static Optional<SemVer> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int number(String text, String part) {
        if (part.isEmpty() || !part.chars().allMatch(SemVer::isDigit)) {
            throw invalid(text, "MAJOR, MINOR and PATCH must be numbers, found '" + part + "'");
        }
        if (part.length() > 1 && part.charAt(0) == '0') {
            throw invalid(text, "leading zero in '" + part + "' (§2)");
        }
        if (part.length() > 10 || Long.parseLong(part) > Integer.MAX_VALUE) {
            throw invalid(text, "numbers above " + Integer.MAX_VALUE + " are not supported");
        }
        return Integer.parseInt(part);
    }

    private static List<String> identifiers(String text, String dotted, String what, boolean numericNoLeadingZero) {
        List<String> ids = new ArrayList<>();
        for (String id : dotted.split("\\.", -1)) {
            if (id.isEmpty()) {
                throw invalid(text, "empty " + what + " identifier");
            }
            if (!id.chars().allMatch(c -> isDigit(c) || isLetter(c) || c == '-')) {
                throw invalid(text, what + " identifier '" + id + "' may only hold [0-9A-Za-z-]");
            }
            if (numericNoLeadingZero && isNumeric(id) && id.length() > 1 && id.charAt(0) == '0') {
                throw invalid(text, "leading zero in numeric pre-release identifier '" + id + "' (§9)");
            }
            ids.add(id);
        }
        return ids;
    }

    private static IllegalArgumentException invalid(String text, String why) {
        String shown = text.replace("\r", "\\r").replace("\n", "\\n");
        return new IllegalArgumentException(
                "'" + shown + "' is not a SemVer 2.0.0 version: " + why + "; " + EXAMPLE);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNumeric(String id) {
        return id.chars().allMatch(SemVer::isDigit);
    }

    /** @return MAJOR (§8) */
    public int major() {
        return major;
    }

    /** @return MINOR (§7) */
    public int minor() {
        return minor;
    }

    /** @return PATCH (§6) */
    public int patch() {
        return patch;
    }

    /** @return the pre-release identifiers in order ({@code ["rc", "1"]}), empty for a stable version */
    public List<String> preRelease() {
        return preRelease;
    }

    /** @return the build metadata identifiers in order, empty when absent (§10) */
    public List<String> buildMetadata() {
        return buildMetadata;
    }

    /** @return true when the version has pre-release identifiers (§9) */
    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    /** @return this version without build metadata (same precedence, §10) */
    public SemVer withoutBuildMetadata() {
        return buildMetadata.isEmpty() ? this : new SemVer(major, minor, patch, preRelease, List.of());
    }

    /** @return {@code MAJOR.MINOR.PATCH} alone: no pre-release, no build metadata */
    public SemVer core() {
        return of(major, minor, patch);
    }

    /**
     * @param identifiers pre-release identifiers, each valid per SemVer 2.0.0 §9
     * @return the same core version with these pre-release identifiers and no build metadata
     * @throws IllegalArgumentException when an identifier is invalid
     */
    public SemVer withPreRelease(List<String> identifiers) {
        return parse(core() + (identifiers.isEmpty() ? "" : "-" + String.join(".", identifiers)));
    }

    /**
     * The next stable core version for an increment, SemVer 2.0.0 §6-§8: lower parts reset to zero.
     *
     * @param level which part to increment
     * @return e.g. {@code 1.4.2} → {@code 2.0.0}, {@code 1.5.0}, {@code 1.4.3}; pre-release and build
     *     metadata are dropped
     * @throws IllegalArgumentException when the incremented part would exceed {@code int}
     */
    public SemVer next(BumpLevel level) {
        try {
            return switch (level) {
                case MAJOR -> of(Math.addExact(major, 1), 0, 0);
                case MINOR -> of(major, Math.addExact(minor, 1), 0);
                case PATCH -> of(major, minor, Math.addExact(patch, 1));
            };
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("cannot increment " + level.label() + " of " + text + ": too large");
        }
    }

    /**
     * SemVer 2.0.0 §11 precedence: MAJOR, MINOR, PATCH numerically; a pre-release is lower than
     * the same stable version; pre-release identifiers left to right, numeric ones as numbers and
     * lower than alphanumeric ones, alphanumeric ones in ASCII order; a shorter identifier list is
     * lower when all before are equal. Build metadata is ignored.
     *
     * @param other the version to compare with
     * @return negative, zero or positive as this version has lower, equal or higher precedence
     */
    @Override
    public int compareTo(SemVer other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, other.patch);
        }
        if (c != 0) {
            return c;
        }
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), other.preRelease.size()); i++) {
            c = compareIdentifiers(preRelease.get(i), other.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    private static int compareIdentifiers(String a, String b) {
        boolean numericA = isNumeric(a);
        boolean numericB = isNumeric(b);
        if (numericA && numericB) {
            // no leading zeros, so a longer number is a larger one: no overflow for any length
            int byLength = Integer.compare(a.length(), b.length());
            return byLength != 0 ? byLength : a.compareTo(b);
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1;
        }
        return a.compareTo(b);
    }

    /** @return true when {@code o} is a SemVer with the same canonical text (build metadata included) */
    @Override
    public boolean equals(Object o) {
        return o instanceof SemVer other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** @return the canonical text, e.g. {@code 1.0.0-rc.1+build.5} (never a {@code v} prefix) */
    @Override
    public String toString() {
        return text;
    }
}
