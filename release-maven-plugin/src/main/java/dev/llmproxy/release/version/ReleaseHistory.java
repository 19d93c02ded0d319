package dev.llmproxy.release.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the tags of a repository say about earlier releases, as seen from HEAD (issue #2, item 3).
 *
 * <ul>
 *   <li>{@link #lastRelease()}: the release tag with the highest SemVer 2.0.0 §11 precedence whose
 *       commit is reachable from HEAD, annotated and lightweight alike. Precedence, never name
 *       order ({@code v0.10.0} is after {@code v0.9.0}); so a stable tag beats a pre-release tag of
 *       the same version on the same commit.
 *   <li>{@link #higherUnreachable()}: the highest release tag overall when it is higher than the last
 *       release but not reachable from HEAD (the caller refuses versions at or below it).
 *   <li>{@link #ignoredTags()}: tags that are not release tags, for one warning.
 * </ul>
 *
 * <p>Tags of equal precedence ({@code v1.0.0} and {@code v1.0.0+b}) are ordered without build
 * metadata first, then by name, so the result never depends on the input order.
 */
public final class ReleaseHistory {

    private static final Comparator<ReleaseTag> HIGHEST_FIRST = Comparator
            .comparing(ReleaseTag::version)
            .thenComparing(t -> t.version().buildMetadata().isEmpty())
            .thenComparing(ReleaseTag::name, Comparator.reverseOrder())
            .reversed();

    private final List<ReleaseTag> releases;
    private final ReleaseTag lastRelease;
    private final ReleaseTag higherUnreachable;
    private final List<String> ignoredTags;

    private ReleaseHistory(List<ReleaseTag> releases, ReleaseTag last, ReleaseTag unreachable, List<String> ignored) {
        this.releases = List.copyOf(releases);
        this.lastRelease = last;
        this.higherUnreachable = unreachable;
        this.ignoredTags = List.copyOf(ignored);
    }

    /**
     * Classifies tags and finds the last release. The predicate is asked at most once per commit,
     * highest tag first, and no more after the first reachable one.
     *
     * @param tagCommits tag name (without {@code refs/tags/}) → full SHA of the commit it points at
     * @param naming the tag naming rule
     * @param reachableFromHead true when the commit with that SHA is HEAD or an ancestor of HEAD
     * @return the history
     */
    public static ReleaseHistory of(
            Map<String, String> tagCommits, TagNaming naming, Predicate<String> reachableFromHead) {
        List<ReleaseTag> releases = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        tagCommits.forEach((name, sha) -> naming.versionOf(name).ifPresentOrElse(
                v -> releases.add(new ReleaseTag(name, v, sha)), () -> ignored.add(name)));
        releases.sort(HIGHEST_FIRST);
        ignored.sort(Comparator.naturalOrder());

        Map<String, Boolean> reachable = new HashMap<>();
        ReleaseTag last = null;
        for (ReleaseTag tag : releases) {
            if (reachable.computeIfAbsent(tag.commitSha(), reachableFromHead::test)) {
                last = tag;
                break;
            }
        }
        ReleaseTag unreachable = null;
        if (!releases.isEmpty() && releases.get(0) != last
                && (last == null || releases.get(0).version().compareTo(last.version()) > 0)) {
            unreachable = releases.get(0);
        }
        return new ReleaseHistory(releases, last, unreachable, ignored);
    }

    /** @return every release tag, highest precedence first, reachable or not */
    public List<ReleaseTag> releases() {
        return releases;
    }

    /** @return the last release reachable from HEAD, or empty when there is none (first release) */
    public Optional<ReleaseTag> lastRelease() {
        return Optional.ofNullable(lastRelease);
    }

    /**
     * @return the highest release tag when it is higher than {@link #lastRelease()} (or there is no
     *     last release) and not reachable from HEAD; empty otherwise
     */
    public Optional<ReleaseTag> higherUnreachable() {
        return Optional.ofNullable(higherUnreachable);
    }

    /** @return names of tags that are not release tags, sorted; empty when there are none */
    public List<String> ignoredTags() {
        return ignoredTags;
    }

    /**
     * @param version a version
     * @return a release tag with the same precedence as {@code version} (build metadata ignored),
     *     reachable or not, or empty
     */
    public Optional<ReleaseTag> tagWithSameVersion(SemVer version) {
        return releases.stream().filter(t -> t.version().compareTo(version) == 0).findFirst();
    }

    /** @return the highest stable release tag, reachable or not, or empty */
    public Optional<ReleaseTag> highestStable() {
        return releases.stream().filter(t -> !t.version().isPreRelease()).findFirst();
    }
}
