package dev.llmproxy.release.version;

import java.util.Objects;
import java.util.Optional;

/**
 * Release tag names: {@code <prefix><version>} with a strict SemVer 2.0.0 version ({@code release.tagPrefix},
 * default {@code v}). Names that are almost versions ({@code v1.02.0}, {@code v1.0.0.1}, {@code v1},
 * {@code V1.0.0} for prefix {@code v}) are not release tags.
 */
public final class TagNaming {

    /** The default tag prefix. */
    public static final String DEFAULT_PREFIX = "v";

    private final String prefix;

    /**
     * @param prefix the text before the version, may be empty; compared case-sensitively
     * @throws NullPointerException when prefix is null
     */
    public TagNaming(String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** @return the tag prefix, e.g. {@code "v"} */
    public String prefix() {
        return prefix;
    }

    /**
     * @param tagName a tag name without {@code refs/tags/}, may be null
     * @return the version the name holds, or empty when it is not {@code prefix} followed by a
     *     valid SemVer 2.0.0 version
     */
    public Optional<SemVer> versionOf(String tagName) {
        if (tagName == null || !tagName.startsWith(prefix)) {
            return Optional.empty();
        }
        return SemVer.tryParse(tagName.substring(prefix.length()));
    }

    /**
     * @param version the version
     * @return the release tag name, e.g. {@code "v1.4.0"}
     */
    public String tagName(SemVer version) {
        return prefix + version;
    }
}
