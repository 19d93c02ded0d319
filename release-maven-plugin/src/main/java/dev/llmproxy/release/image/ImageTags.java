package dev.llmproxy.release.image;

import dev.llmproxy.release.version.SemVer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one rule that turns a release version into container image tags.
 *
 * <ul>
 *   <li>Every release gets its own version tag ({@code 1.4.0}, {@code 1.5.0-rc.1}).
 *   <li>A stable release that is the highest stable release (SemVer 2.0.0 §11 precedence over
 *       the known releases and itself) also gets {@code X.Y}, {@code X} and {@code latest}, in
 *       that order. An older stable release and any pre-release get their version tag only.
 *   <li>Build metadata: an OCI tag may not contain {@code +} (distribution-spec tag grammar
 *       {@code [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}}), so {@code +} is written as {@code _}:
 *       {@code 1.4.0+build.7} → tag {@code 1.4.0_build.7}. The mapping cannot collide with
 *       another version because {@code _} never occurs in a SemVer version. Precedence ignores
 *       build metadata (§10), so {@code 1.4.0+build.7} moves the floating tags exactly as
 *       {@code 1.4.0} would.
 * </ul>
 */
public final class ImageTags {
    /** The floating tag of the highest stable release. */
    public static final String LATEST = "latest";

    private static final Pattern OCI_TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

    private ImageTags() {}

    /**
     * Computes the tags of the image of one release.
     *
     * @param version the version being released; may carry pre-release and build metadata
     * @param knownReleases the versions of the other releases (e.g. every release tag of the
     *     repository); may contain {@code version} itself, pre-releases and duplicates
     * @return the tags, version tag first, then {@code X.Y}, {@code X}, {@code latest} when they
     *     apply; never empty, no duplicates
     * @throws IllegalArgumentException when the version tag would exceed the 128 characters an
     *     OCI tag allows
     */
    public static List<String> tags(SemVer version, Collection<SemVer> knownReleases) {
        List<String> tags = new ArrayList<>();
        tags.add(versionTag(version));
        if (isHighestStable(version, knownReleases)) {
            tags.add(version.major() + "." + version.minor());
            tags.add(Integer.toString(version.major()));
            tags.add(LATEST);
        }
        return List.copyOf(tags);
    }

    /**
     * @param version a release version
     * @return its own image tag: the version text with {@code +} written as {@code _}
     * @throws IllegalArgumentException when the result is not a valid OCI tag (over 128
     *     characters)
     */
    public static String versionTag(SemVer version) {
        String tag = version.toString().replace('+', '_');
        if (!OCI_TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("version '" + version + "' gives image tag '" + tag
                    + "', longer than the 128 characters a tag allows: shorten its pre-release or build metadata");
        }
        return tag;
    }

    private static boolean isHighestStable(SemVer version, Collection<SemVer> knownReleases) {
        return !version.isPreRelease()
                && knownReleases.stream()
                        .filter(known -> !known.isPreRelease())
                        .allMatch(known -> known.compareTo(version) <= 0);
    }
}
