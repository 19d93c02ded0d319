package dev.llmproxy.release.github;

import dev.llmproxy.release.ReleaseException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom the engine talks to GitHub.
 *
 * @param apiUrl REST API base without trailing slash: {@code https://api.github.com}, or for GitHub Enterprise
 *     Server e.g. {@code https://ghe.example.com/api/v3}; every request goes to this host only (uploads to GitHub.com
 *     may also go to {@code uploads.github.com})
 * @param owner repository owner, e.g. {@code example-org}
 * @param name repository name, e.g. {@code app}
 * @param token the token sent as {@code Authorization: Bearer}, empty for anonymous reads (dry run); never logged,
 *     and hidden by {@link #toString()}
 */
public record GitHubConfig(URI apiUrl, String owner, String name, Optional<String> token) {
    /** GitHub.com's REST API base. */
    public static final URI GITHUB_COM_API = URI.create("https://api.github.com");

    /** Validates and normalises (drops a trailing slash of {@code apiUrl}). */
    public GitHubConfig {
        Objects.requireNonNull(apiUrl, "apiUrl");
        if (!apiUrl.isAbsolute() || apiUrl.getHost() == null
                || !("https".equals(apiUrl.getScheme()) || "http".equals(apiUrl.getScheme()))) {
            throw new ReleaseException("GitHub API URL '" + apiUrl
                    + "' is not an absolute http(s) URL: set release.github.apiUrl like https://ghe.example.com/api/v3");
        }
        apiUrl = URI.create(apiUrl.toString().replaceAll("/+$", ""));
        if (owner == null || owner.isBlank() || name == null || name.isBlank()) {
            throw new ReleaseException("GitHub repository is unknown: set release.github.repository to owner/name");
        }
        token = Objects.requireNonNullElse(token, Optional.<String>empty()).filter(t -> !t.isBlank());
    }

    /**
     * Resolves the configuration the documented way: {@code apiUrl} if given, else {@code GITHUB_API_URL}, else
     * GitHub.com; the token from {@code GITHUB_TOKEN}, else {@code GH_TOKEN}.
     *
     * @param repository {@code owner/name}
     * @param apiUrl the {@code release.github.apiUrl} value, or null/blank when not set
     * @param env the environment, e.g. {@code System.getenv()}
     * @return the configuration
     * @throws ReleaseException when the repository is not {@code owner/name} or the URL is not http(s)
     */
    public static GitHubConfig resolve(String repository, String apiUrl, Map<String, String> env) {
        String[] parts = repository == null ? new String[0] : repository.split("/", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new ReleaseException("GitHub repository '" + repository
                    + "' is not owner/name: set release.github.repository, e.g. example-org/app");
        }
        String url = firstNonBlank(apiUrl, env.get("GITHUB_API_URL"), GITHUB_COM_API.toString());
        Optional<String> token = Optional.ofNullable(firstNonBlank(env.get("GITHUB_TOKEN"), env.get("GH_TOKEN"), null));
        return new GitHubConfig(URI.create(url.trim()), parts[0], parts[1], token);
    }

    private static String firstNonBlank(String first, String second, String fallback) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : fallback;
    }

    /** @return {@code owner/name} */
    public String repository() {
        return owner + "/" + name;
    }

    /** @return the same configuration without a token (for reads that must not authenticate) */
    public GitHubConfig anonymous() {
        return new GitHubConfig(apiUrl, owner, name, Optional.empty());
    }

    /** @return a description without the token */
    @Override
    public String toString() {
        return "GitHubConfig[apiUrl=" + apiUrl + ", repository=" + repository() + ", token="
                + (token.isPresent() ? "(set)" : "(none)") + "]";
    }
}
