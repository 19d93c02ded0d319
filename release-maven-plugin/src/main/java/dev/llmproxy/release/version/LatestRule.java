package dev.llmproxy.release.version;

import java.util.Collection;

/**
 * Whether a GitHub Release becomes the repository's "latest" release: the {@code make_latest}
 * field of the GitHub REST API "create/update a release" endpoints, which takes the strings
 * {@code "true"}, {@code "false"} or {@code "legacy"}. We always send an explicit value so GitHub's
 * date-based "legacy" rule never picks a backport.
 */
public final class LatestRule {

    private LatestRule() {}

    /**
     * @param version the version being released
     * @param knownReleases versions of the other releases (pre-releases allowed, they are ignored;
     *     may contain {@code version} itself)
     * @return {@code "true"} when {@code version} is stable and has at least the precedence of every
     *     known stable release (SemVer 2.0.0 §11); {@code "false"} for a pre-release or a backport
     */
    public static String makeLatest(SemVer version, Collection<SemVer> knownReleases) {
        boolean latest = !version.isPreRelease()
                && knownReleases.stream().filter(v -> !v.isPreRelease()).allMatch(v -> version.compareTo(v) >= 0);
        return Boolean.toString(latest);
    }
}
