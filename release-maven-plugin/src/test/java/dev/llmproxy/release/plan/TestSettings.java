package dev.llmproxy.release.plan;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Mutable defaults for {@link ReleaseSettings} in tests: the values the mojos default to. */
final class TestSettings {
    final Path root;
    String tagPrefix = "v";
    String bump = "auto";
    String version;
    String preRelease;
    String initialVersion;
    boolean breakingBumpsMajorBefore1;
    String releaseTypes = "feat=minor,fix=patch,perf=patch,revert=patch";
    String tag;
    boolean dryRun;
    boolean commit;
    String nextDevelopmentVersion;
    boolean push;
    String remote = "origin";
    LocalDate date = LocalDate.of(2026, 11, 30);
    int bodyLimit = 125_000;
    boolean githubSkip = true;
    String apiUrl = "https://api.github.com";
    String repository;
    String token;
    boolean publish;
    List<String> assets = List.of();
    String appendFile;
    String tagPrefixes;
    String previousTag;
    String sections;
    List<String> shownTypes = List.of();
    String versionFile;
    ReleaseSettings.Expectation expect = ReleaseSettings.Expectation.NONE;
    String uploadUrl;

    TestSettings(Path root) {
        this.root = root;
    }

    ReleaseSettings build() {
        return new ReleaseSettings(root, tagPrefix, bump, version, preRelease, initialVersion,
                breakingBumpsMajorBefore1, releaseTypes, tag, dryRun, commit, nextDevelopmentVersion, push, remote,
                date, new ReleaseSettings.NotesSettings("CHANGELOG.md", bodyLimit, shownTypes, false, true, appendFile, sections),
                new ReleaseSettings.GitHubSettings(githubSkip, apiUrl, repository, token, publish, "{tag}", assets,
                        true, null, uploadUrl),
                tagPrefixes, previousTag, false, versionFile, expect);
    }
}
