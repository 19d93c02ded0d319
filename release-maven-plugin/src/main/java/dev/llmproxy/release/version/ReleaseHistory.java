package dev.llmproxy.release.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the tags of a repository say about earlier releases, as seen from HEAD (issue #2, item 3;
 * issue #12, item 5).
 *
 * <ul>
 *   <li>{@link #lastRelease()}: the release tag with the highest SemVer 2.0.0 §11 precedence whose
 *       commit is reachable from HEAD, annotated and lightweight alike. Precedence, never name
 *       order ({@code v0.10.0} is after {@code v0.9.0}); so a stable tag beats a pre-release tag of
 *       the same version on the same commit.
 *   <li>{@link #higherUnreachable()}: the highest <em>stable</em> release tag when it is higher than
 *       the last release but not reachable from HEAD (the caller refuses versions at or below it).
 *   <li>{@link #higherUnreachablePreRelease()}: the highest pre-release tag above the last release
 *       that HEAD cannot reach (a candidate of another line: named in a warning, never a refusal).
 *   <li>{@link #lookalikes()}: tags the naming does not read that look like releases of the project
 *       in another style ({@link TagNaming#lookalikeVersionOf}); no version at or below the highest
 *       stable one is proposed.
 *   <li>{@link #buildMetadataTwins()}: release tags of one version that differ only in build
 *       metadata, for a warning.
 *   <li>{@link #ignoredTags()}: tags that are not release tags, for one warning.
 * </ul>
 *
 * <p>Tags of equal precedence ({@code v1.0.0} and {@code v1.0.0+b}, or {@code 1.0.0} and
 * {@code v1.0.0} when both prefixes are read) are ordered without build metadata first, then tags
 * of the write prefix first, then by name (ordinal), so the result never depends on the input order.
 */
public final class ReleaseHistory {

    private final List<ReleaseTag> releases;
    private final ReleaseTag lastRelease;
    private final ReleaseTag higherUnreachable;
    private final ReleaseTag higherUnreachablePreRelease;
    private final List<ReleaseTag> lookalikes;
    private final List<String> ignoredTags;

    private ReleaseHistory(List<ReleaseTag> releases, ReleaseTag last, List<ReleaseTag> lookalikes, List<String> ignored) {
        this.releases = List.copyOf(releases);
        this.lastRelease = last;
        ReleaseTag stable = null;
        ReleaseTag preRelease = null;
        for (ReleaseTag tag : releases) {
            if (tag == last || last != null && tag.version().compareTo(last.version()) <= 0) {
                break;
            }
            if (tag.version().isPreRelease()) {
                preRelease = preRelease == null ? tag : preRelease;
            } else if (stable == null) {
                stable = tag;
            }
        }
        this.higherUnreachable = stable;
        this.higherUnreachablePreRelease = preRelease;
        this.lookalikes = List.copyOf(lookalikes);
        this.ignoredTags = List.copyOf(ignored);
    }

    /**
     * Classifies tags and finds the last release. The predicate is asked at most once per commit,
     * highest tag first, and no more after the first reachable one.
     *
     * @param tagCommits tag name (without {@code refs/tags/}) → full SHA of the commit it points at
     * @param naming the tag naming rule (the prefixes read)
     * @param reachableFromHead true when the commit with that SHA is HEAD or an ancestor of HEAD
     * @return the history
     */
    public static ReleaseHistory of(
            Map<String, String> tagCommits, TagNaming naming, Predicate<String> reachableFromHead) {
        List<ReleaseTag> releases = new ArrayList<>();
        List<ReleaseTag> lookalikes = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        tagCommits.forEach((name, sha) -> naming.versionOf(name).ifPresentOrElse(
                v -> releases.add(new ReleaseTag(name, v, sha)), () -> {
                    ignored.add(name);
                    naming.lookalikeVersionOf(name).ifPresent(v -> lookalikes.add(new ReleaseTag(name, v, sha)));
                }));
        Comparator<ReleaseTag> highestFirst = highestFirst(naming);
        releases.sort(highestFirst);
        lookalikes.sort(highestFirst);
        ignored.sort(Comparator.naturalOrder());

        Map<String, Boolean> reachable = new HashMap<>();
        ReleaseTag last = null;
        for (ReleaseTag tag : releases) {
            if (reachable.computeIfAbsent(tag.commitSha(), reachableFromHead::test)) {
                last = tag;
                break;
            }
        }
        return new ReleaseHistory(releases, last, lookalikes, ignored);
    }

    private static Comparator<ReleaseTag> highestFirst(TagNaming naming) {
        return Comparator.comparing(ReleaseTag::version)
                .reversed()
                .thenComparing(t -> !t.version().buildMetadata().isEmpty())
                .thenComparing(t -> !naming.isWrittenStyle(t.name()))
                .thenComparing(ReleaseTag::name);
    }

    /**
     * The same history with {@code previous} as the last release: {@code release.previousTag} when
     * no release tag is reachable from HEAD.
     *
     * @param previous the release the history starts after
     * @return a new history; the other tags keep their roles relative to {@code previous}
     */
    public ReleaseHistory withLastRelease(ReleaseTag previous) {
        return new ReleaseHistory(releases, previous, lookalikes, ignoredTags);
    }

    /**
     * The same history with {@code tagName} no longer among the {@link #ignoredTags()}: the tag
     * {@code release.previousTag} names is used, so no warning may call it ignored.
     *
     * @param tagName a tag name, or a name that is no tag (then the history is unchanged)
     * @return a new history
     */
    public ReleaseHistory withUsedTag(String tagName) {
        return new ReleaseHistory(releases, lastRelease, lookalikes,
                ignoredTags.stream().filter(name -> !name.equals(tagName)).toList());
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
     * @return the highest stable release tag when it is higher than {@link #lastRelease()} (or there
     *     is no last release) and not reachable from HEAD; empty otherwise
     */
    public Optional<ReleaseTag> higherUnreachable() {
        return Optional.ofNullable(higherUnreachable);
    }

    /**
     * @return the highest pre-release tag higher than {@link #lastRelease()} (or any, when there is
     *     no last release) that HEAD cannot reach, e.g. {@code v1.3.0-rc.1} of the next minor on
     *     another branch; empty otherwise
     */
    public Optional<ReleaseTag> higherUnreachablePreRelease() {
        return Optional.ofNullable(higherUnreachablePreRelease);
    }

    /**
     * @return tags that are not read as releases but look like releases of the project in another
     *     style ({@code 1.0.0} when only {@code v} is read), highest precedence first
     */
    public List<ReleaseTag> lookalikes() {
        return lookalikes;
    }

    /**
     * @return groups of release tags of one version that differ only in build metadata
     *     ({@code v1.0.0+build.1}, {@code v1.0.0+build.2}), each in the order this history prefers them
     *     (its first tag is the one taken), groups highest version first
     */
    public List<List<ReleaseTag>> buildMetadataTwins() {
        Map<SemVer, List<ReleaseTag>> byVersion = new LinkedHashMap<>();
        for (ReleaseTag tag : releases) {
            byVersion.computeIfAbsent(tag.version().withoutBuildMetadata(), v -> new ArrayList<>()).add(tag);
        }
        return byVersion.values().stream()
                .filter(group -> group.stream().map(t -> t.version().buildMetadata()).distinct().count() > 1)
                .map(List::copyOf)
                .toList();
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
