package dev.llmproxy.release.notes;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The release the notes describe.
 *
 * @param repository GitHub {@code "owner/name"}, or null when unknown (then no links are rendered)
 * @param version the version text without prefix ({@code "1.5.0"})
 * @param tag the release tag ({@code "v1.5.0"})
 * @param previousTag the tag of the release before, or null on a first release
 * @param date the release date ({@code release.date}); the only date in the output
 * @param webOrigin the GitHub server's web origin for every link, e.g. {@code https://github.com} or a GitHub
 *     Enterprise {@code https://ghe.example.com} (no trailing slash); null means {@code https://github.com}
 */
public record ReleaseInfo(String repository, String version, String tag, String previousTag, LocalDate date,
        String webOrigin) {

    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final String GITHUB = "https://github.com";

    public ReleaseInfo {
        if (repository != null && !REPOSITORY.matcher(repository).matches()) {
            throw new IllegalArgumentException("repository '" + repository + "' is not owner/name: set release.github.repository like example-org/app");
        }
        if (version == null || version.isBlank() || tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("release version and tag must be given: pass the planned version and tag");
        }
        Objects.requireNonNull(date, "date");
        webOrigin = webOrigin == null || webOrigin.isBlank() ? GITHUB : webOrigin.replaceAll("/+$", "");
    }

    /** The release on GitHub.com ({@code webOrigin} {@code https://github.com}). */
    public ReleaseInfo(String repository, String version, String tag, String previousTag, LocalDate date) {
        this(repository, version, tag, previousTag, date, GITHUB);
    }

    /** @return {@code <webOrigin>/<repository>}, or null when the repository is unknown */
    public String repositoryUrl() {
        return repository == null ? null : webOrigin + "/" + repository;
    }

    /**
     * @return the compare link {@code .../compare/<previousTag>...<tag>}, or on a first release the
     *     commits link {@code .../commits/<tag>}; null when the repository is unknown
     */
    public String changesUrl() {
        if (repository == null) {
            return null;
        }
        return previousTag == null
                ? repositoryUrl() + "/commits/" + tag
                : repositoryUrl() + "/compare/" + previousTag + "..." + tag;
    }
}
