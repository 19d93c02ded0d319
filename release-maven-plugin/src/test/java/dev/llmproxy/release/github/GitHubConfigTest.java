package dev.llmproxy.release.github;

import dev.llmproxy.release.ReleaseLog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmproxy.release.ReleaseException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitHubConfigTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "-, -, https://api.github.com",
        "-, https://ghe.example.com/api/v3, https://ghe.example.com/api/v3",
        "https://ghe.example.com/api/v3/, https://other.example.com/api/v3, https://ghe.example.com/api/v3"})
    void apiUrlFromParameterThenEnvironmentThenGitHubCom(String parameter, String env, String expected) {
        Map<String, String> environment = env == null ? Map.of() : Map.of("GITHUB_API_URL", env);

        assertEquals(URI.create(expected), GitHubConfig.resolve("example-org/app", parameter, environment).apiUrl());
    }

    @Test
    void tokenFromGitHubTokenThenGhToken() {
        assertEquals(Optional.of("one"), GitHubConfig.resolve("o/r", null,
                Map.of("GITHUB_TOKEN", "one", "GH_TOKEN", "two")).token());
        assertEquals(Optional.of("two"), GitHubConfig.resolve("o/r", null, Map.of("GH_TOKEN", "two")).token());
        assertEquals(Optional.empty(), GitHubConfig.resolve("o/r", null, Map.of("GITHUB_TOKEN", " ")).token());
    }

    @Test
    void toStringHidesTheToken() {
        GitHubConfig config = GitHubConfig.resolve("o/r", null, Map.of("GITHUB_TOKEN", "ghp_secret"));

        assertFalse(config.toString().contains("ghp_secret"));
        assertEquals("GitHubConfig[apiUrl=https://api.github.com, repository=o/r, token=(set)]", config.toString());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"-", "app", "o/r/x", "/r"})
    void repositoryMustBeOwnerSlashName(String repository) {
        ReleaseException error = assertThrows(ReleaseException.class,
                () -> GitHubConfig.resolve(repository, null, Map.of()));

        assertEquals("GitHub repository '" + repository
                + "' is not owner/name: set release.github.repository, e.g. example-org/app", error.getMessage());
    }

    @Test
    void apiUrlMustBeHttp() {
        assertThrows(ReleaseException.class, () -> GitHubConfig.resolve("o/r", "ftp://x/api", Map.of()));
    }

    @Test
    void gitHubComMayUploadToUploadsGitHubComButNowhereElse() {
        GitHubApi api = new GitHubApi(GitHubConfig.resolve("o/r", null, Map.of()), new FakeTime().policy(),
                ReleaseLog.SILENT);
        api.requireAllowedHost(URI.create("https://uploads.github.com/repos/o/r/releases/1/assets"));
        assertThrows(ReleaseException.class, () -> api.requireAllowedHost(URI.create("https://github.com/x")));
        GitHubApi enterprise = new GitHubApi(GitHubConfig.resolve("o/r", "https://ghe.example.com/api/v3", Map.of()),
                new FakeTime().policy(), ReleaseLog.SILENT);
        enterprise.requireAllowedHost(URI.create("https://ghe.example.com/api/uploads/repos/o/r/releases/5/assets"));
        assertThrows(ReleaseException.class,
                () -> enterprise.requireAllowedHost(URI.create("https://uploads.github.com/repos/o/r/releases/5")));
    }

    @ParameterizedTest
    @CsvSource({
            "https://api.github.com, https://github.com/Example-Org/App.git, true",
            "https://api.github.com, git@github.com:example-org/app.git, true",
            "https://api.github.com, ssh://git@github.com:22/example-org/app, true",
            "https://api.github.com, https://x-access-token@github.com/example-org/app, true",
            "https://api.acme.ghe.com, https://acme.ghe.com/example-org/app.git, true",
            "https://ghe.example.com/api/v3, git@ghe.example.com:example-org/app.git, true",
            "https://api.github.com, https://gitlab.com/example-org/app.git, false",
            "https://api.github.com, https://github.com/example-org/app-mirror.git, false",
            "https://api.github.com, https://github.com/other-org/app.git, false",
            "https://ghe.example.com/api/v3, https://github.com/example-org/app.git, false",
            "https://api.github.com, /srv/git/example-org/app.git, false",
            "https://api.github.com, ../app.git, false"})
    void aRemoteIsTheRepositoryOnlyOnTheServersWebHostWithTheSameOwnerAndName(String api, String remote,
            boolean same) {
        GitHubConfig config = new GitHubConfig(URI.create(api), "example-org", "app", Optional.empty());

        assertEquals(same, config.isRepositoryAt(remote));
    }
}
