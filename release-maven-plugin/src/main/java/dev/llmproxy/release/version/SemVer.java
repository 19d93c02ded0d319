package dev.llmproxy.release.version;

import com.github.zafarkhaja.semver.Version;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * STUB of the shared {@code SemVer} contract so that the image work compiles before the versioning
 * branch lands. The versioning helper's class replaces this file at merge ("take theirs").
 *
 * <p>SemVer 2.0.0 version; {@link #compareTo} is §11 precedence (build metadata ignored);
 * equals/hashCode use the full text.
 */
public final class SemVer implements Comparable<SemVer> {
    private final Version version;

    private SemVer(Version version) {
        this.version = version;
    }

    /**
     * @param text a SemVer 2.0.0 version such as {@code 1.4.0-rc.1+build.7}
     * @return the parsed version
     * @throws IllegalArgumentException when {@code text} is not a SemVer 2.0.0 version
     */
    public static SemVer parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not a SemVer 2.0.0 version: use MAJOR.MINOR.PATCH such as 1.4.0"));
    }

    /**
     * @param text any text, may be null
     * @return the version, or empty when {@code text} is not a SemVer 2.0.0 version
     */
    public static Optional<SemVer> tryParse(String text) {
        return text == null ? Optional.empty() : Version.tryParse(text, true).map(SemVer::new);
    }

    /** @return the major version */
    public int major() {
        return Math.toIntExact(version.majorVersion());
    }

    /** @return the minor version */
    public int minor() {
        return Math.toIntExact(version.minorVersion());
    }

    /** @return the patch version */
    public int patch() {
        return Math.toIntExact(version.patchVersion());
    }

    /** @return the pre-release identifiers, empty for a stable version */
    public List<String> preRelease() {
        return version.preReleaseVersion().map(p -> Arrays.asList(p.split("\\."))).orElse(List.of());
    }

    /** @return the build metadata identifiers, empty when there is none */
    public List<String> buildMetadata() {
        return version.buildMetadata().map(b -> Arrays.asList(b.split("\\."))).orElse(List.of());
    }

    /** @return true when the version has pre-release identifiers */
    public boolean isPreRelease() {
        return version.isPreRelease();
    }

    /** @return this version without build metadata */
    public SemVer withoutBuildMetadata() {
        return new SemVer(version.withoutBuildMetadata());
    }

    @Override
    public int compareTo(SemVer other) {
        return version.compareToIgnoreBuildMetadata(other.version);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SemVer other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toString());
    }

    @Override
    public String toString() {
        return version.toString();
    }
}
