package dev.llmproxy.release.image;

import dev.llmproxy.release.git.GitRepo;
import java.util.Map;
import java.util.Optional;

/**
 * What names and tags a release's container image (goal {@code release:image}, docs/release.md
 * "Container image").
 *
 * @param version the released version, e.g. {@code 1.4.0} (SemVer 2.0.0, without the tag prefix)
 * @param registry registry host, e.g. {@code ghcr.io} or {@code 127.0.0.1:5000}
 * @param owner the GitHub owner as GitHub spells it ({@code Example-Org})
 * @param repository the GitHub repository name, any case (the OCI source label's name)
 * @param name the image name, any case; usually the repository name
 * @param tagPrefix the release tags' prefix ({@code v}): tags are {@code v1.4.0}
 */
public record ImageRequest(String version, String registry, String owner, String repository, String name, String tagPrefix) {

    /**
     * Fills in what was not given the way a GitHub Actions runner expects: owner and repository from
     * {@code GITHUB_REPOSITORY_OWNER} and {@code GITHUB_REPOSITORY}, else from the {@code origin} remote's GitHub URL;
     * the name from the repository.
     *
     * @param version the released version; null or blank is refused
     * @param registry registry host; null or blank means {@link ImageName#GHCR}
     * @param repository {@code owner/name}; null or blank for the environment or the origin remote
     * @param name the image name; null or blank for the repository name
     * @param tagPrefix the release tags' prefix; null means {@code v}
     * @param env environment variables ({@code GITHUB_REPOSITORY_OWNER}, {@code GITHUB_REPOSITORY})
     * @param git the project's repository, for its {@code origin} remote; may be null
     * @return the complete request
     * @throws IllegalArgumentException naming the missing input and how to give it
     */
    public static ImageRequest resolve(String version, String registry, String repository, String name, String tagPrefix,
            Map<String, String> env, GitRepo git) {
        if (blank(version)) {
            throw new IllegalArgumentException(
                    "release.image.version is missing: pass the released version, e.g. -Drelease.image.version=1.4.0");
        }
        String ownerAndName = Optional.ofNullable(blank(repository) ? env.get("GITHUB_REPOSITORY") : repository)
                .filter(value -> value.contains("/"))
                .or(() -> git == null ? Optional.empty() : git.remoteUrl("origin").flatMap(GitRepo::gitHubRepository))
                .orElseThrow(() -> new IllegalArgumentException("repository unknown: set GITHUB_REPOSITORY=owner/name"
                        + " or pass -Drelease.image.repository=owner/name"));
        String repoName = ownerAndName.substring(ownerAndName.indexOf('/') + 1);
        String owner = blank(repository) && !blank(env.get("GITHUB_REPOSITORY_OWNER"))
                ? env.get("GITHUB_REPOSITORY_OWNER")
                : ownerAndName.substring(0, ownerAndName.indexOf('/'));
        return new ImageRequest(version.strip(), blank(registry) ? ImageName.GHCR : registry.strip(), owner, repoName,
                blank(name) ? repoName : name.strip(), tagPrefix == null ? "v" : tagPrefix);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
