package dev.llmproxy.release.version;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Release tag names: {@code <prefix><version>} with a strict SemVer 2.0.0 version. Tags are
 * <em>written</em> with one prefix ({@code release.tagPrefix}, default {@code v}) and <em>read</em>
 * with a list of prefixes ({@code release.tagPrefixes}, issue #12 item 5), so that a history whose
 * tag style changed ({@code 1.102.0}, then {@code v1.103.0}) reads as one line of releases. The write
 * prefix is always read. Names that are almost versions ({@code v1.02.0}, {@code v1.0.0.1},
 * {@code v1}, {@code V1.0.0} for prefix {@code v}) are not release tags.
 *
 * <p>Besides the tags it reads, a naming knows the names that <em>look like</em> releases of the
 * project in another style ({@link #lookalikeVersionOf}): the empty prefix, {@code v}, {@code V},
 * {@code release-}, {@code release/}, and {@code <artifactId>-} (maven-release-plugin's default) when
 * the project name is known. The planner never proposes a version at or below such a tag.
 */
public final class TagNaming {

    /** The default tag prefix. */
    public static final String DEFAULT_PREFIX = "v";

    private static final List<String> COMMON_PREFIXES = List.of("", "v", "V", "release-", "release/");

    private final String prefix;
    private final List<String> readPrefixes;
    private final List<String> lookalikePrefixes;

    /**
     * A naming that reads and writes one prefix.
     *
     * @param prefix the text before the version, may be empty; compared case-sensitively
     * @throws NullPointerException when prefix is null
     */
    public TagNaming(String prefix) {
        this(prefix, List.of());
    }

    /**
     * A naming that writes {@code prefix} and reads it and every prefix of {@code readPrefixes}.
     *
     * @param prefix the prefix of the tags written, may be empty
     * @param readPrefixes further prefixes of tags read as releases, may hold the empty prefix;
     *     duplicates are dropped
     * @throws NullPointerException when an argument or an element is null
     */
    public TagNaming(String prefix, List<String> readPrefixes) {
        this(prefix, readPrefixes, null);
    }

    private TagNaming(String prefix, List<String> readPrefixes, String projectName) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        Set<String> read = new LinkedHashSet<>();
        read.add(prefix);
        readPrefixes.forEach(p -> read.add(Objects.requireNonNull(p, "read prefix")));
        // the longest prefix first: with "" and "cli-" read, cli-1.0.0 is cli- + 1.0.0
        List<String> sorted = new ArrayList<>(read);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.readPrefixes = List.copyOf(sorted);
        Set<String> lookalike = new LinkedHashSet<>(COMMON_PREFIXES);
        if (projectName != null && !projectName.isBlank()) {
            lookalike.add(projectName + "-");
        }
        lookalike.removeAll(read);
        this.lookalikePrefixes = List.copyOf(lookalike);
    }

    /**
     * Parses {@code release.tagPrefixes}: a comma-separated list where an empty entry is the empty
     * prefix ({@code "v,"} and {@code ",v"} read {@code v1.0.0} and {@code 1.0.0}). Entries are
     * stripped of surrounding white space (a tag name holds none); blank input means "the write
     * prefix only".
     *
     * @param prefix the write prefix ({@code release.tagPrefix})
     * @param readList {@code release.tagPrefixes}, or null/blank
     * @return the naming
     */
    public static TagNaming of(String prefix, String readList) {
        if (readList == null || readList.isBlank()) {
            return new TagNaming(prefix);
        }
        return new TagNaming(prefix, Arrays.stream(readList.split(",", -1)).map(String::strip).toList());
    }

    /**
     * @param projectName the root project's artifactId, or null
     * @return the same naming that also treats {@code <projectName>-X.Y.Z} as a lookalike release
     */
    public TagNaming withProjectName(String projectName) {
        return new TagNaming(prefix, readPrefixes, projectName);
    }

    /** @return the prefix of the tags written, e.g. {@code "v"} */
    public String prefix() {
        return prefix;
    }

    /** @return every prefix read, the longest first; holds {@link #prefix()} */
    public List<String> readPrefixes() {
        return readPrefixes;
    }

    /**
     * @param tagName a tag name without {@code refs/tags/}, may be null
     * @return the version the name holds, or empty when it is not one of the read prefixes followed
     *     by a valid SemVer 2.0.0 version
     */
    public Optional<SemVer> versionOf(String tagName) {
        return versionAfter(tagName, readPrefixes);
    }

    /**
     * @param tagName a tag name without {@code refs/tags/}, may be null
     * @return the version of a tag this naming does not read but that looks like a release of the
     *     project in another style (see the class description), or empty
     */
    public Optional<SemVer> lookalikeVersionOf(String tagName) {
        if (versionOf(tagName).isPresent()) {
            return Optional.empty();
        }
        return versionAfter(tagName, lookalikePrefixes);
    }

    /**
     * @param tagName a tag name without {@code refs/tags/}, may be null
     * @return true when the name is read with the write prefix (a tag this configuration would write)
     */
    public boolean isWrittenStyle(String tagName) {
        return tagName != null && tagName.startsWith(prefix)
                && SemVer.tryParse(tagName.substring(prefix.length())).isPresent();
    }

    /**
     * @param version the version
     * @return the release tag name, e.g. {@code "v1.4.0"}
     */
    public String tagName(SemVer version) {
        return prefix + version;
    }

    /** @return the read prefixes as {@code release.tagPrefixes} spells them, e.g. {@code "v,"} */
    public String describeReadPrefixes() {
        return String.join(",", readPrefixes);
    }

    private static Optional<SemVer> versionAfter(String tagName, List<String> prefixes) {
        if (tagName == null) {
            return Optional.empty();
        }
        for (String p : prefixes) {
            if (tagName.startsWith(p)) {
                Optional<SemVer> version = SemVer.tryParse(tagName.substring(p.length()));
                if (version.isPresent()) {
                    return version;
                }
            }
        }
        return Optional.empty();
    }
}
