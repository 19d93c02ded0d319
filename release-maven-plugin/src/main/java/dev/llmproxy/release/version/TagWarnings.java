package dev.llmproxy.release.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The warnings a {@link ReleaseHistory} calls for, one line each (issue #10 item 10, issue #12 item
 * 5): tags that are not release tags; tags of another style that look like releases, above the last
 * release or when there is none; release tags
 * of one version that differ only in build metadata (and which one is taken); higher tags that HEAD
 * cannot reach, stable (no version at or below it is proposed) or pre-release (no refusal). Pure.
 */
public final class TagWarnings {

    private static final int NAMES_SHOWN = 10;
    /** A tag name ending in a plain X.Y.Z version, e.g. {@code rel/commons-lang-3.20.0}. */
    private static final Pattern ENDS_IN_VERSION = Pattern.compile("(?<![0-9.])[0-9]+\\.[0-9]+\\.[0-9]+$");

    private TagWarnings() {}

    /**
     * @param history the classified tags
     * @param naming the naming that classified them (for the prefixes read)
     * @return the warning lines, in the order above; empty when there is nothing to say
     */
    public static List<String> of(ReleaseHistory history, TagNaming naming) {
        List<String> lines = new ArrayList<>();
        // look-alikes below the last release are an old tag style and cannot be undercut: listed as ignored
        List<ReleaseTag> lookalikes = history.lookalikes().stream()
                .filter(t -> history.lastRelease().map(last -> t.version().compareTo(last.version()) > 0).orElse(true))
                .toList();
        Set<String> lookalikeNames = lookalikes.stream().map(ReleaseTag::name).collect(Collectors.toSet());
        List<String> ignored = history.ignoredTags().stream().filter(n -> !lookalikeNames.contains(n)).toList();
        if (!ignored.isEmpty()) {
            String styles = naming.readPrefixes().stream().map(p -> p + "X.Y.Z").collect(Collectors.joining(" or "));
            String shown = ignored.stream().limit(NAMES_SHOWN).collect(Collectors.joining(", "))
                    + (ignored.size() > NAMES_SHOWN ? " and " + (ignored.size() - NAMES_SHOWN) + " more" : "");
            String versioned = ignored.stream().filter(n -> unreadPrefix(n, naming) != null).findFirst()
                    .map(n -> "; if tags like " + n + " are releases of this project, " + howToRead(unreadPrefix(n, naming), naming))
                    .orElse("");
            lines.add("ignoring tags that are not release tags (" + styles + "): " + shown + versioned);
        }
        if (!lookalikes.isEmpty()) {
            lines.add("tags " + names(lookalikes) + " look like releases of this project but are not read"
                    + " (release.tagPrefix=" + naming.prefix() + ", release.tagPrefixes=" + naming.describeReadPrefixes()
                    + "): add their prefix to release.tagPrefixes to read them; no version at or below the highest"
                    + " of them is proposed");
        }
        for (List<ReleaseTag> twins : history.buildMetadataTwins()) {
            lines.add("tags " + names(twins) + " are one version " + twins.get(0).version().withoutBuildMetadata()
                    + " that differs only in build metadata; " + twins.get(0).name() + " is taken (without build"
                    + " metadata first, then the release.tagPrefix style, then name order): delete the others to"
                    + " silence this");
        }
        String last = history.lastRelease().map(ReleaseTag::name).orElse("(none)");
        history.higherUnreachable().ifPresent(t -> lines.add("release tag " + t.name() + " is higher than the last release "
                + last + " but is not reachable from HEAD; no version at or below it will be proposed"));
        history.higherUnreachablePreRelease().ifPresent(t -> lines.add("pre-release tag " + t.name()
                + " is higher than the last release " + last + " but is not reachable from HEAD (a candidate on"
                + " another branch); it does not stop a release on this line"));
        return lines;
    }

    /** @return how to read tags of {@code prefix}; the empty prefix is an empty entry, easy to miss when named as "" */
    private static String howToRead(String prefix, TagNaming naming) {
        return prefix.isEmpty()
                ? "add an empty entry to release.tagPrefixes to read tags without a prefix (release.tagPrefixes="
                        + String.join(",", naming.readPrefixes()) + ",)"
                : "add their prefix (" + prefix + ") to release.tagPrefixes";
    }

    /** @return the part before a SemVer 2.0.0 version that ends {@code tag}, when no read prefix is it; else null */
    private static String unreadPrefix(String tag, TagNaming naming) {
        java.util.regex.Matcher m = ENDS_IN_VERSION.matcher(tag);
        if (!m.find() || SemVer.tryParse(m.group()).isEmpty()) {
            return null;
        }
        String prefix = tag.substring(0, m.start());
        return naming.readPrefixes().contains(prefix) ? null : prefix;
    }

    private static String names(List<ReleaseTag> tags) {
        String shown = tags.stream().limit(NAMES_SHOWN).map(ReleaseTag::name).collect(Collectors.joining(", "));
        return tags.size() > NAMES_SHOWN ? shown + " and " + (tags.size() - NAMES_SHOWN) + " more" : shown;
    }
}
