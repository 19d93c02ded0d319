package dev.llmproxy.release.github;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.git.GitRepo;
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
 * @param uploadUrl the {@code release.github.uploadUrl} override of the upload origin (only scheme, host and port
 *     count), empty to derive it from {@code apiUrl} (see {@link #uploadOrigin()})
 */
public record GitHubConfig(URI apiUrl, String owner, String name, Optional<String> token, Optional<URI> uploadUrl) {
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
        uploadUrl = Objects.requireNonNullElse(uploadUrl, Optional.<URI>empty());
        uploadUrl.ifPresent(url -> {
            if (!url.isAbsolute() || url.getHost() == null
                    || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
                throw new ReleaseException("GitHub upload URL '" + url + "' is not an absolute http(s) URL: set "
                        + "release.github.uploadUrl like https://uploads.github.com, or leave it unset");
            }
        });
    }

    /**
     * A configuration whose upload origin is derived from {@code apiUrl}.
     *
     * @param apiUrl REST API base
     * @param owner repository owner
     * @param name repository name
     * @param token the token, empty for anonymous reads
     */
    public GitHubConfig(URI apiUrl, String owner, String name, Optional<String> token) {
        this(apiUrl, owner, name, token, Optional.empty());
    }

    /**
     * The origin (scheme, host, port; no path) that serves release asset uploads, the only origin besides the API's
     * that ever receives the token: {@code release.github.uploadUrl} when set; else for an API host
     * {@code api.X} the host {@code uploads.X} ({@code api.github.com -> uploads.github.com},
     * {@code api.acme.ghe.com -> uploads.acme.ghe.com}, GitHub Enterprise Cloud with data residency); else the API's
     * own origin (GitHub Enterprise Server {@code https://HOST/api/v3} uploads to {@code https://HOST/api/uploads}).
     *
     * @return e.g. {@code https://uploads.github.com}
     */
    public URI uploadOrigin() {
        if (uploadUrl.isPresent()) {
            return origin(uploadUrl.get(), uploadUrl.get().getHost());
        }
        String host = apiUrl.getHost();
        boolean apiSubdomain = host.regionMatches(true, 0, "api.", 0, 4) && apiUrl.getPath().isEmpty();
        return origin(apiUrl, apiSubdomain ? "uploads." + host.substring(4) : host);
    }

    /**
     * The web origin of the server, for commit, compare, CHANGELOG and profile links: {@code api.github.com ->
     * https://github.com}, {@code api.X.ghe.com -> https://X.ghe.com}, {@code https://HOST/api/v3 -> https://HOST};
     * any other API URL serves the web pages on its own origin.
     *
     * @return the origin without trailing slash, e.g. {@code https://github.com}
     */
    public URI webOrigin() {
        String host = apiUrl.getHost();
        boolean apiSubdomain = host.regionMatches(true, 0, "api.", 0, 4) && apiUrl.getPath().isEmpty();
        return origin(apiUrl, apiSubdomain ? host.substring(4) : host);
    }

    /**
     * Whether a git remote is this repository on this server, so that git's own answers (the tag on the remote
     * before pushing, then the atomic push) are GitHub's: the remote's host is the web origin's host and its path
     * names {@code owner/name} (both compared ignoring case, as GitHub does).
     *
     * @param remoteUrl a remote URL as in {@code git remote -v}, e.g. {@code git@github.com:example-org/app.git}
     * @return true for this repository on this server; false for a local path, another host or another repository
     */
    public boolean isRepositoryAt(String remoteUrl) {
        String host = webOrigin().getHost();
        return GitRepo.remoteHost(remoteUrl).filter(host::equalsIgnoreCase).isPresent()
                && GitRepo.gitHubRepository(remoteUrl).filter(repository()::equalsIgnoreCase).isPresent();
    }

    /**
     * @param apiUrl a GitHub REST API base, e.g. {@code https://api.github.com} or {@code https://HOST/api/v3}
     * @return the server's web origin, as {@link #webOrigin()} derives it, e.g. {@code https://github.com}
     * @throws ReleaseException when {@code apiUrl} is not an absolute http(s) URL
     */
    public static URI webOrigin(String apiUrl) {
        return new GitHubConfig(URI.create(apiUrl.trim()), "o", "r", Optional.empty()).webOrigin();
    }

    private static URI origin(URI url, String host) {
        return URI.create(url.getScheme() + "://" + host + (url.getPort() == -1 ? "" : ":" + url.getPort()));
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
        return new GitHubConfig(apiUrl, owner, name, Optional.empty(), uploadUrl);
    }

    /** @return a description without the token */
    @Override
    public String toString() {
        return "GitHubConfig[apiUrl=" + apiUrl + uploadUrl.map(url -> ", uploadUrl=" + url).orElse("")
                + ", repository=" + repository() + ", token="
                + (token.isPresent() ? "(set)" : "(none)") + "]";
    }
}
