package dev.llmproxy.release.plan;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a goal was told: the {@code release.*} parameters, resolved to values. Built by the
 * mojos (or tests) and read by {@link ReleaseEngine}; carries no logic.
 *
 * @param root the reactor root directory (holds the root {@code pom.xml}; inside a git work tree)
 * @param tagPrefix prefix of release tags ({@code release.tagPrefix}, default {@code "v"})
 * @param bump {@code auto|major|minor|patch} ({@code release.bump})
 * @param explicitVersion {@code release.version}, or {@code null}
 * @param preRelease pre-release identifier of a train ({@code "rc"}), or {@code null}
 * @param initialVersion first version when no release tag exists, or {@code null} to take the pom's
 * @param breakingBumpsMajorBefore1 true to bump 0.x to 1.0.0 on a breaking change (default false:
 *     0.x bumps minor)
 * @param releaseTypes which Conventional Commits types release what, as {@code type=level} pairs
 *     ({@code "feat=minor,fix=patch,perf=patch,revert=patch"}); breaking changes always release
 * @param existingTag {@code release.tag}: notes and GitHub release for this existing tag (CI), or
 *     {@code null}
 * @param dryRun compute and print the plan, write only {@code target/release/}
 * @param commit make the release commit and tag ({@code release.commit})
 * @param nextDevelopmentVersion version for a second commit after the release (e.g. {@code
 *     1.6.0-SNAPSHOT}), or {@code null} for none
 * @param push push branch and tag atomically to {@link #remote()}
 * @param remote the remote to push to and to read the GitHub repository from ({@code origin})
 * @param date the release date in {@code CHANGELOG.md}
 * @param notes how notes are built and rendered
 * @param github the GitHub part
 * @param tagPrefixes {@code release.tagPrefixes}: further prefixes of tags read as releases, comma
 *     separated, an empty entry for the empty prefix ({@code "v,"}); {@code null} or blank reads
 *     {@link #tagPrefix()} only, which is always read
 * @param previousTag {@code release.previousTag}: the tag or commit (SHA, full or abbreviated) of
 *     the previous release when no release tag is reachable from HEAD, or {@code null}
 * @param featureBumpsPatchBefore1 true to bump 0.x by a patch for a feature ({@code
 *     release.featureBumpsPatchBefore1}, release-please's {@code bump-patch-for-minor-pre-major};
 *     default false: a feature bumps minor)
 * @param versionFile tags-only mode (no {@code pom.xml}): a file relative to the root that holds
 *     the version and is rewritten with it ({@code release.versionFile}, e.g. {@code VERSION}), or
 *     {@code null}; ignored on a Maven project
 * @param expect the decision a preview made, which this run must reproduce ({@code
 *     release.expect.*}); {@link Expectation#NONE} for none
 */
public record ReleaseSettings(
        Path root,
        String tagPrefix,
        String bump,
        String explicitVersion,
        String preRelease,
        String initialVersion,
        boolean breakingBumpsMajorBefore1,
        String releaseTypes,
        String existingTag,
        boolean dryRun,
        boolean commit,
        String nextDevelopmentVersion,
        boolean push,
        String remote,
        LocalDate date,
        NotesSettings notes,
        GitHubSettings github,
        String tagPrefixes,
        String previousTag,
        boolean featureBumpsPatchBefore1,
        String versionFile,
        Expectation expect) {

    /** The settings of the first seventeen components; the others take their defaults. */
    public ReleaseSettings(Path root, String tagPrefix, String bump, String explicitVersion, String preRelease,
            String initialVersion, boolean breakingBumpsMajorBefore1, String releaseTypes, String existingTag,
            boolean dryRun, boolean commit, String nextDevelopmentVersion, boolean push, String remote, LocalDate date,
            NotesSettings notes, GitHubSettings github) {
        this(root, tagPrefix, bump, explicitVersion, preRelease, initialVersion, breakingBumpsMajorBefore1,
                releaseTypes, existingTag, dryRun, commit, nextDevelopmentVersion, push, remote, date, notes, github,
                null, null, false, null, Expectation.NONE);
    }

    public ReleaseSettings {
        expect = expect == null ? Expectation.NONE : expect;
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(tagPrefix, "tagPrefix");
        Objects.requireNonNull(bump, "bump");
        Objects.requireNonNull(releaseTypes, "releaseTypes");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(github, "github");
    }

    /**
     * How the notes are made.
     *
     * @param changelogFile {@code CHANGELOG.md} path relative to the root
     * @param bodyLimit maximum characters of the release body (GitHub's limit: 125,000)
     * @param shownTypes extra Conventional Commits types that get a section (e.g. {@code docs})
     * @param groupByScope group entries by scope within a section
     * @param usePullRequestTitles let merged pull-request titles replace commit subjects
     * @param appendFile a Markdown file relative to the root whose text is appended to the release
     *     body (not to CHANGELOG.md), e.g. the image reference with digest; or {@code null}
     * @param sections {@code release.notes.sections}: {@code type[(scope)]=Title} pairs, {@code -}
     *     as title hides ({@code chore(deps)=Dependencies,chore=-}); null or blank for the defaults
     */
    public record NotesSettings(
            String changelogFile,
            int bodyLimit,
            List<String> shownTypes,
            boolean groupByScope,
            boolean usePullRequestTitles,
            String appendFile,
            String sections) {
        /** Without {@code release.notes.sections}. */
        public NotesSettings(String changelogFile, int bodyLimit, List<String> shownTypes, boolean groupByScope,
                boolean usePullRequestTitles, String appendFile) {
            this(changelogFile, bodyLimit, shownTypes, groupByScope, usePullRequestTitles, appendFile, null);
        }

        public NotesSettings {
            shownTypes = List.copyOf(shownTypes);
        }
    }

    /**
     * The GitHub part.
     *
     * @param skip true to leave GitHub alone ({@code release.github.skip})
     * @param apiUrl REST API root, {@code https://api.github.com} or a GitHub Enterprise
     *     {@code https://host/api/v3}
     * @param repository {@code owner/name}, or {@code null} to parse it from the remote's URL
     * @param token the token, or {@code null}; never logged
     * @param publish publish the release instead of leaving a draft
     * @param releaseName name template; {@code {tag}} and {@code {version}} are replaced
     * @param assetGlobs globs relative to the root ({@code llm-proxy-cli/target/*.tar.gz})
     * @param notifyComments comment "Released in vX.Y.Z" on the pull requests and issues
     * @param notifyWebhook Slack-compatible webhook URL, or {@code null}
     * @param uploadUrl origin for release asset uploads ({@code release.github.uploadUrl}), or {@code null} to derive
     *     it from {@code apiUrl} ({@code api.X -> uploads.X}, else the API's own origin)
     */
    public record GitHubSettings(
            boolean skip,
            String apiUrl,
            String repository,
            String token,
            boolean publish,
            String releaseName,
            List<String> assetGlobs,
            boolean notifyComments,
            String notifyWebhook,
            String uploadUrl) {
        public GitHubSettings {
            assetGlobs = List.copyOf(assetGlobs);
        }

        /** @return true when a token is known */
        public boolean hasToken() {
            return token != null && !token.isBlank();
        }

        @Override
        public String toString() {
            return "GitHubSettings[apiUrl=" + apiUrl + ", repository=" + repository + ", token="
                    + (hasToken() ? "***" : "none") + ", publish=" + publish + "]";
        }
    }

    /**
     * What a preview decided, for the real run to check before it changes anything: the CLI plans
     * in its own JVM, then runs the goal with {@code release.expect.version} and {@code
     * release.expect.head}; the goal refuses when its own plan differs.
     *
     * @param version the version the preview decided, or {@code null} to not check
     * @param headSha the 40-hex HEAD the preview saw, or {@code null} to not check
     */
    public record Expectation(String version, String headSha) {
        /** No expectation. */
        public static final Expectation NONE = new Expectation(null, null);
    }
}
