package dev.llmproxy.release.image;

import dev.llmproxy.release.version.ImageTags;
import dev.llmproxy.release.version.SemVer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The step that hands the image name, tags and source label to Jib, for CI and scripts:
 *
 * <pre>
 * java -cp CLASSPATH dev.llmproxy.release.image.ImageMain --version 1.4.0 [--owner O] [--repository O/R]
 *      [--name N] [--registry ghcr.io] [--tag-prefix v] [KNOWN_RELEASE_TAG...]  &gt;&gt; "$GITHUB_OUTPUT"
 * </pre>
 *
 * Owner and repository default to {@code GITHUB_REPOSITORY_OWNER} and {@code GITHUB_REPOSITORY};
 * the name defaults to the repository name. Known release tags (e.g. {@code git tag -l 'v*'})
 * lose the tag prefix; anything that is then not a SemVer version is ignored. Prints
 * {@code key=value} lines (the {@code $GITHUB_OUTPUT} format): {@code image} (no tag),
 * {@code reference} (with the version tag: pass as {@code jib.to.image}, so Jib never adds
 * {@code latest} on its own), {@code additional-tags} (comma-separated, maybe empty: pass as
 * {@code jib.to.tags} when not empty), {@code tags} (all) and {@code source} (the OCI source label).
 * Exit code 0, or 2 with one line on stderr for bad arguments.
 */
public final class ImageMain {
    private ImageMain() {}

    /** @param args see the class description */
    public static void main(String[] args) {
        try {
            System.out.print(run(args, System.getenv()));
        } catch (IllegalArgumentException e) {
            System.err.println("image: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * @param args see the class description
     * @param env environment variables ({@code GITHUB_REPOSITORY_OWNER}, {@code GITHUB_REPOSITORY})
     * @return the {@code key=value} lines, each ending with a newline
     * @throws IllegalArgumentException naming the bad or missing argument
     */
    public static String run(String[] args, Map<String, String> env) {
        String version = null;
        String owner = env.get("GITHUB_REPOSITORY_OWNER");
        String repository = env.get("GITHUB_REPOSITORY");
        String name = null;
        String registry = ImageName.GHCR;
        String tagPrefix = "v";
        List<String> known = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--version" -> version = value(args, ++i);
                case "--owner" -> owner = value(args, ++i);
                case "--repository" -> repository = value(args, ++i);
                case "--name" -> name = value(args, ++i);
                case "--registry" -> registry = value(args, ++i);
                case "--tag-prefix" -> tagPrefix = value(args, ++i);
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + args[i] + ": see the usage in ImageMain's Javadoc");
                    }
                    known.add(args[i]);
                }
            }
        }
        if (version == null) {
            throw new IllegalArgumentException("--version is missing: pass the released version, e.g. --version 1.4.0");
        }
        String repoName = Optional.ofNullable(repository).map(r -> r.substring(r.indexOf('/') + 1)).orElse(null);
        if (owner == null && repository != null && repository.contains("/")) {
            owner = repository.substring(0, repository.indexOf('/'));
        }
        if (owner == null || (name == null && repoName == null)) {
            throw new IllegalArgumentException("repository unknown: set GITHUB_REPOSITORY=owner/name or pass --repository owner/name");
        }
        ImageName image = ImageName.of(registry, owner, name != null ? name : repoName);
        List<String> tags = ImageTags.tags(SemVer.parse(version), knownVersions(known, tagPrefix));
        String first = tags.get(0);
        return "image=" + image.repository() + "\n"
                + "reference=" + image.reference(first) + "\n"
                + "additional-tags=" + String.join(",", tags.subList(1, tags.size())) + "\n"
                + "tags=" + String.join(",", tags) + "\n"
                + "source=" + ImageName.sourceUrl(owner, repoName != null ? repoName : image.name()) + "\n";
    }

    private static List<SemVer> knownVersions(List<String> tagNames, String tagPrefix) {
        return tagNames.stream()
                .map(tag -> tag.startsWith(tagPrefix) ? tag.substring(tagPrefix.length()) : tag)
                .flatMap(text -> SemVer.tryParse(text).stream())
                .toList();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
