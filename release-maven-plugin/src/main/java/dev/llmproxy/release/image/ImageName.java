package dev.llmproxy.release.image;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a repository's image lives: {@code <registry>/<owner>/<name>}, always lower case because
 * OCI repository names (distribution-spec path components {@code [a-z0-9]+([._-][a-z0-9]+)*})
 * and ghcr.io reject upper case, while GitHub owners such as {@code Example-Org} have it.
 *
 * @param registry registry host, e.g. {@code ghcr.io}
 * @param owner repository owner, lower case
 * @param name image name, lower case
 */
public record ImageName(String registry, String owner, String name) {
    /** GitHub's container registry. */
    public static final String GHCR = "ghcr.io";

    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");

    /**
     * @param registry registry host, e.g. {@code ghcr.io} or {@code 127.0.0.1:5000}
     * @param owner owner as GitHub spells it ({@code Example-Org}); lower-cased here
     * @param name image name, usually the repository name; lower-cased here
     * @return the image name
     * @throws IllegalArgumentException when owner or name is not a valid OCI path component
     */
    public static ImageName of(String registry, String owner, String name) {
        return new ImageName(registry, component("owner", owner), component("image name", name));
    }

    /** @return {@code registry/owner/name}, without tag */
    public String repository() {
        return registry + "/" + owner + "/" + name;
    }

    /**
     * @param tag an image tag from {@code ImageTags}
     * @return {@code registry/owner/name:tag}
     */
    public String reference(String tag) {
        return repository() + ":" + tag;
    }

    /**
     * @param owner repository owner, any case
     * @param repository repository name, any case, with or without {@code .git}
     * @return the value of the OCI label {@code org.opencontainers.image.source}:
     *     {@code https://github.com/<owner>/<repo>} in lower case, no {@code .git}, no trailing
     *     slash (this is what links a ghcr.io package to its repository)
     */
    public static String sourceUrl(String owner, String repository) {
        String repo = repository.endsWith(".git") ? repository.substring(0, repository.length() - 4) : repository;
        return "https://github.com/" + component("owner", owner) + "/" + component("repository", repo);
    }

    private static String component(String what, String value) {
        String lower = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!PATH_COMPONENT.matcher(lower).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' cannot be part of an image name:"
                    + " use letters, digits and single '.', '_' or '-' between them");
        }
        return lower;
    }
}
