package dev.llmproxy.release.maven;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.plan.ReleaseEngine;
import dev.llmproxy.release.plan.ReleaseSettings;
import java.io.File;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Parameters shared by the {@code release:*} goals and the one call into {@link ReleaseEngine}.
 * A goal runs once per build, on the execution root; other reactor modules skip it.
 */
abstract class AbstractReleaseMojo extends AbstractMojo {

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Prefix of release tags: tag = prefix + version. */
    @Parameter(property = "release.tagPrefix", defaultValue = "v")
    String tagPrefix;

    /** {@code auto} (from Conventional Commits), {@code major}, {@code minor} or {@code patch}. */
    @Parameter(property = "release.bump", defaultValue = "auto")
    String bump;

    /** An explicit SemVer 2.0.0 version to release, instead of the computed one. */
    @Parameter(property = "release.version")
    String version;

    /** Pre-release identifier for a release-candidate train, e.g. {@code rc} gives 1.5.0-rc.1. */
    @Parameter(property = "release.preRelease")
    String preRelease;

    /** First version when the repository has no release tag; default: the pom version without -SNAPSHOT. */
    @Parameter(property = "release.initialVersion")
    String initialVersion;

    /** Before 1.0.0 a breaking change bumps the minor version unless this is true. */
    @Parameter(property = "release.breakingBumpsMajorBefore1", defaultValue = "false")
    boolean breakingBumpsMajorBefore1;

    /** Which commit types release what, as type=level pairs. Breaking changes of any type always release. */
    @Parameter(property = "release.releaseTypes", defaultValue = "feat=minor,fix=patch,perf=patch,revert=patch")
    String releaseTypes;

    /** An existing release tag to make notes and the GitHub Release for (CI on a tag push). */
    @Parameter(property = "release.tag")
    String tag;

    /** Compute and print the plan; write only target/release/. */
    @Parameter(property = "release.dryRun", defaultValue = "false")
    boolean dryRun;

    /** Make the release commit and annotated tag; default true for release:draft, false for release:bump. */
    @Parameter(property = "release.commit")
    Boolean commit;

    /** After the release commit, set this next development version (e.g. 1.6.0-SNAPSHOT) in a second commit; off when empty. */
    @Parameter(property = "release.nextDevelopmentVersion")
    String nextDevelopmentVersion;

    /** Push the release commit and tag atomically. */
    @Parameter(property = "release.push", defaultValue = "false")
    boolean push;

    /** The git remote to push to and to read the GitHub repository from. */
    @Parameter(property = "release.remote", defaultValue = "origin")
    String remote;

    /** The release date (ISO yyyy-MM-dd) in CHANGELOG.md; default today in UTC. */
    @Parameter(property = "release.date")
    String date;

    /** The changelog file, relative to the reactor root. */
    @Parameter(property = "release.changelogFile", defaultValue = "CHANGELOG.md")
    String changelogFile;

    /** Maximum characters of the release body; GitHub accepts 125,000. */
    @Parameter(property = "release.notes.bodyLimit", defaultValue = "125000")
    int bodyLimit;

    /** Extra commit types that get a section in the notes (comma-separated), e.g. docs,deps. */
    @Parameter(property = "release.notes.showTypes", defaultValue = "")
    String showTypes;

    /** Group entries by scope within each section. */
    @Parameter(property = "release.notes.groupByScope", defaultValue = "false")
    boolean groupByScope;

    /** Let merged pull-request titles replace commit subjects. */
    @Parameter(property = "release.notes.pullRequestTitles", defaultValue = "true")
    boolean pullRequestTitles;

    /** A Markdown file (relative to the reactor root) appended to the release body, e.g. the image reference. */
    @Parameter(property = "release.notes.appendFile")
    String notesAppendFile;

    /** Leave GitHub alone. */
    @Parameter(property = "release.github.skip", defaultValue = "false")
    boolean githubSkip;

    /** GitHub REST API root; GitHub Enterprise: https://HOST/api/v3. Default: GITHUB_API_URL, else https://api.github.com. */
    @Parameter(property = "release.github.apiUrl")
    String githubApiUrl;

    /** owner/name on GitHub; default: parsed from the remote's URL. */
    @Parameter(property = "release.github.repository")
    String githubRepository;

    /** The settings.xml server whose password is the token when GITHUB_TOKEN/GH_TOKEN are unset. */
    @Parameter(property = "release.github.serverId", defaultValue = "github")
    String githubServerId;

    /** Publish the GitHub Release (only after every asset is uploaded); otherwise leave a draft. */
    @Parameter(property = "release.publish", defaultValue = "false")
    boolean publish;

    /** Release name; {tag} and {version} are replaced. */
    @Parameter(property = "release.name", defaultValue = "{tag}")
    String releaseName;

    /** Asset globs relative to the reactor root (comma-separated). */
    @Parameter(property = "release.assets", defaultValue = "")
    String assets;

    /** Comment "Released in vX.Y.Z" on the released pull requests and issues. */
    @Parameter(property = "release.notify.comments", defaultValue = "true")
    boolean notifyComments;

    /** A Slack-compatible webhook URL told about a published release. */
    @Parameter(property = "release.notify.webhook")
    String notifyWebhook;

    /** Skip the goal. */
    @Parameter(property = "release.skip", defaultValue = "false")
    boolean skip;

    /** Decrypts a settings.xml password encrypted with {@code mvn --encrypt-password}. */
    @Component
    SettingsDecrypter settingsDecrypter;

    @Override
    public final void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("release: skipped (release.skip=true)");
            return;
        }
        if (!project.isExecutionRoot()) {
            getLog().debug("release: runs once, on the execution root");
            return;
        }
        try {
            run(new ReleaseEngine(settings(), mavenLog()));
        } catch (ReleaseException | IllegalArgumentException e) {
            // both carry a one-line message naming the input and the fix: a goal failure, not a crash
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /**
     * The goal: one call into the engine.
     *
     * @param engine the engine configured from this goal's parameters
     */
    abstract void run(ReleaseEngine engine);

    /** @return whether this goal commits and tags when release.commit is not set */
    abstract boolean commitsByDefault();

    private ReleaseSettings settings() {
        String apiUrl = firstNonBlank(githubApiUrl, System.getenv("GITHUB_API_URL"), "https://api.github.com");
        return new ReleaseSettings(
                project.getBasedir().toPath(),
                tagPrefix,
                bump,
                blankToNull(version),
                blankToNull(preRelease),
                blankToNull(initialVersion),
                breakingBumpsMajorBefore1,
                releaseTypes,
                blankToNull(tag),
                dryRun,
                commit == null ? commitsByDefault() : commit,
                blankToNull(nextDevelopmentVersion),
                push,
                remote,
                date == null || date.isBlank() ? LocalDate.now(ZoneOffset.UTC) : parseDate(date),
                new ReleaseSettings.NotesSettings(
                        changelogFile, bodyLimit, csv(showTypes), groupByScope, pullRequestTitles,
                        blankToNull(notesAppendFile)),
                new ReleaseSettings.GitHubSettings(
                        githubSkip,
                        apiUrl,
                        blankToNull(githubRepository),
                        token(),
                        publish,
                        releaseName,
                        csv(assets),
                        notifyComments,
                        blankToNull(notifyWebhook)));
    }

    private String token() {
        String fromEnv = firstNonBlank(System.getenv("GITHUB_TOKEN"), System.getenv("GH_TOKEN"), null);
        if (fromEnv != null) {
            return fromEnv;
        }
        Server server = session.getSettings().getServer(githubServerId);
        return server == null ? null : blankToNull(ServerPasswords.password(settingsDecrypter, server));
    }

    private ReleaseLog mavenLog() {
        return new ReleaseLog() {
            @Override
            public void info(String line) {
                getLog().info(line);
            }

            @Override
            public void warn(String line) {
                getLog().warn(line);
            }
        };
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ReleaseException("release.date '" + text + "' is not a date: use yyyy-MM-dd, e.g. 2026-11-30");
        }
    }

    private static List<String> csv(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String firstNonBlank(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        if (b != null && !b.isBlank()) {
            return b.trim();
        }
        return fallback;
    }
}
