package dev.llmproxy.release.maven;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.api.ApiCheckSettings;
import dev.llmproxy.release.api.ModuleJar;
import dev.llmproxy.release.plan.ReleaseEngine;
import dev.llmproxy.release.plan.ReleaseSettings;
import dev.llmproxy.release.plan.SettingsResolver;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
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

    /** Before 1.0.0 a feature bumps the patch version when this is true (release-please's bump-patch-for-minor-pre-major). */
    @Parameter(property = "release.featureBumpsPatchBefore1", defaultValue = "false")
    boolean featureBumpsPatchBefore1;

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

    /**
     * Sections of the notes by type and scope: {@code type[(scope)]=Title} pairs, comma-separated;
     * the title {@code -} hides, e.g. {@code deps=Dependencies,chore(deps)=Dependencies,chore=-}.
     */
    @Parameter(property = "release.notes.sections", defaultValue = "")
    String notesSections;

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

    /**
     * Origin for release asset uploads (https://HOST[:PORT]), e.g. a proxy; default: derived from the API URL
     * (api.X to uploads.X, else the API's own origin). The token goes only to the API and this origin.
     */
    @Parameter(property = "release.github.uploadUrl")
    String githubUploadUrl;

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

    /**
     * Further prefixes of tags read as releases, comma-separated; an empty entry is the empty prefix
     * ({@code v,} reads v1.2.0 and 1.2.0). release.tagPrefix is always read and the only one written.
     */
    @Parameter(property = "release.tagPrefixes")
    String tagPrefixes;

    /** The previous release as a tag or commit SHA, when no release tag is reachable from HEAD. */
    @Parameter(property = "release.previousTag")
    String previousTag;

    /**
     * Check the bump against the real API change (japicmp, this build's jars against the previous release's):
     * {@code warn}, {@code fail}, {@code escalate} or {@code off}. See docs/release.md "API check".
     */
    @Parameter(property = "release.apiCheck", defaultValue = "warn")
    String apiCheck;

    /** What the API check leaves out (comma-separated): packages/classes ({@code *.internal.*}) and {@code @}annotations. */
    @Parameter(property = "release.apiCheck.excludes", defaultValue = "")
    String apiCheckExcludes;

    @Component
    RepositorySystem repositorySystem;

    /** Tags-only mode only (no pom.xml): a file holding the version, rewritten with it, e.g. VERSION. */
    @Parameter(property = "release.versionFile")
    String versionFile;

    /** The version a preview decided (set by llm-proxy): the goal refuses before changing anything if its own differs. */
    @Parameter(property = "release.expect.version")
    String expectVersion;

    /** The HEAD commit a preview saw (set by llm-proxy): the goal refuses before changing anything if HEAD moved. */
    @Parameter(property = "release.expect.head")
    String expectHead;

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
            run(new ReleaseEngine(settings(), mavenLog()).withApiCheck(apiCheckSettings()));
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

    ReleaseSettings settings() {
        return SettingsResolver.resolve(project.getBasedir().toPath(), properties(), System.getenv(),
                commitsByDefault(), this::settingsToken);
    }


    /** The API check over Maven's own model: each reactor project packaging a jar, previous jars resolved by Maven. */
    private ApiCheckSettings apiCheckSettings() {
        List<ModuleJar> modules = session.getProjects().stream()
                .filter(p -> !"pom".equals(p.getPackaging())
                        && "jar".equals(p.getArtifact().getArtifactHandler().getExtension()))
                .map(p -> new ModuleJar(p.getGroupId(), p.getArtifactId(),
                        slashes(project.getBasedir().toPath().relativize(p.getFile().toPath())),
                        Path.of(p.getBuild().getDirectory(), p.getBuild().getFinalName() + ".jar")))
                .toList();
        ApiCheckSettings configured = SettingsResolver.apiCheck(properties());
        return new ApiCheckSettings(configured.mode(), configured.excludes(), modules, this::resolveJar);
    }

    private Optional<Path> resolveJar(String groupId, String artifactId, String version) {
        ArtifactRequest request = new ArtifactRequest(
                new DefaultArtifact(groupId, artifactId, "jar", version), project.getRemoteProjectRepositories(), null);
        try {
            return Optional.of(repositorySystem.resolveArtifact(session.getRepositorySession(), request)
                    .getArtifact().getFile().toPath());
        } catch (ArtifactResolutionException e) {
            getLog().debug(e);
            return Optional.empty();
        }
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    /** @return the parameters under their property names, as {@link SettingsResolver} reads them */
    Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("release.tagPrefix", tagPrefix);
        p.put("release.bump", bump);
        p.put("release.version", version);
        p.put("release.preRelease", preRelease);
        p.put("release.initialVersion", initialVersion);
        p.put("release.breakingBumpsMajorBefore1", String.valueOf(breakingBumpsMajorBefore1));
        p.put("release.releaseTypes", releaseTypes);
        p.put("release.tag", tag);
        p.put("release.dryRun", String.valueOf(dryRun));
        p.put("release.commit", commit == null ? null : commit.toString());
        p.put("release.nextDevelopmentVersion", nextDevelopmentVersion);
        p.put("release.push", String.valueOf(push));
        p.put("release.remote", remote);
        p.put("release.date", date);
        p.put("release.changelogFile", changelogFile);
        p.put("release.notes.bodyLimit", String.valueOf(bodyLimit));
        p.put("release.notes.showTypes", showTypes);
        p.put("release.notes.groupByScope", String.valueOf(groupByScope));
        p.put("release.notes.pullRequestTitles", String.valueOf(pullRequestTitles));
        p.put("release.notes.appendFile", notesAppendFile);
        p.put("release.github.skip", String.valueOf(githubSkip));
        p.put("release.github.apiUrl", githubApiUrl);
        p.put("release.github.repository", githubRepository);
        p.put("release.github.uploadUrl", githubUploadUrl);
        p.put("release.publish", String.valueOf(publish));
        p.put("release.name", releaseName);
        p.put("release.assets", assets);
        p.put("release.notify.comments", String.valueOf(notifyComments));
        p.put("release.notify.webhook", notifyWebhook);
        p.put("release.tagPrefixes", tagPrefixes);
        p.put("release.previousTag", previousTag);
        p.put("release.notes.sections", notesSections);
        p.put("release.featureBumpsPatchBefore1", String.valueOf(featureBumpsPatchBefore1));
        p.put("release.apiCheck", apiCheck);
        p.put("release.apiCheck.excludes", apiCheckExcludes);
        p.put("release.versionFile", versionFile);
        p.put("release.expect.version", expectVersion);
        p.put("release.expect.head", expectHead);
        return p;
    }

    private String settingsToken() {
        Server server = session.getSettings().getServer(githubServerId);
        return server == null ? null : ServerPasswords.password(settingsDecrypter, server);
    }

    ReleaseLog mavenLog() {
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

}
