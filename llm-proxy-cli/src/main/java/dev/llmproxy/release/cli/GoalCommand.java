package dev.llmproxy.release.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * One release goal run the way a person wants it: a plan made in-process by the engine (a dry
 * run that writes {@code target/release/plan.json} and the notes; the pom configuration read from
 * the reactor), a preview, a question, the real run (through the goal, with the preview's
 * decision as {@code release.expect.*}; without a pom in-process), a summary. All release decisions
 * are the engine's; this class only passes options as {@code release.*} properties and shows what
 * the engine wrote. Exit codes: 0 done, dry run or nothing to release; 1 failed, blocked, or
 * cancelled at the prompt; 2 usage or environment problem.
 */
abstract class GoalCommand implements Callable<Integer> {

    /** Values of {@code --bump}. */
    enum Bump { auto, major, minor, patch }

    @ParentCommand
    ReleaseCommand release;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--bump", paramLabel = "KIND",
            description = "Which part to bump: ${COMPLETION-CANDIDATES} (default: auto, from the commits).")
    Bump bump;

    @Option(names = "--version", paramLabel = "X.Y.Z", description = "Release exactly this version.")
    String version;

    @Option(names = "--pre", paramLabel = "ID", description = "Make a pre-release with this identifier, e.g. rc.")
    String preRelease;

    @Option(names = "--dry-run", description = "Only show the plan and the notes; change nothing.")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "Do not ask; go ahead after showing the plan.")
    boolean yes;

    @Option(names = "-C", paramLabel = "DIR", description = "Run as if started in DIR.")
    Path directory;

    @Option(names = {"-v", "--verbose"}, description = "Show every warning and all of Maven's output.")
    boolean verbose;

    @Option(names = "--initial-version", paramLabel = "X.Y.Z",
            description = "The first version when there is no release tag yet (default: the pom's; without a pom 0.1.0).")
    String initialVersion;

    @Option(names = "--version-file", paramLabel = "FILE",
            description = "Without a pom: a file that holds the version and is rewritten with it, e.g. VERSION.")
    String versionFile;

    @Option(names = "--next-snapshot", arity = "0..1", paramLabel = "VERSION", fallbackValue = " ",
            description = "After the release commit, set the next development version in a second commit"
                    + " (default: next patch, e.g. 1.5.1-SNAPSHOT).")
    String nextSnapshot;

    @Option(names = "--plan-in-maven",
            description = "Plan with the goal's own dry run in Maven instead of in-process (slower; reads profiles,"
                    + " settings.xml and parent poms). Also: environment LLM_PROXY_PLAN_IN_MAVEN=true.")
    boolean planInMaven;

    @Option(names = "-D", paramLabel = "release.NAME=VALUE", mapFallbackValue = "",
            description = "Set any release.* property, as Maven's -D (e.g. -D release.github.repository=owner/name).")
    Map<String, String> defines = new LinkedHashMap<>();

    /** Environment variable that makes {@code --plan-in-maven} the default. */
    static final String PLAN_IN_MAVEN_ENV = "LLM_PROXY_PLAN_IN_MAVEN";

    /** @return the plugin goal: {@code draft}, {@code bump} or {@code changelog} */
    abstract String goal();

    /** @param properties receives the command's own {@code -Drelease.*} arguments */
    void addProperties(List<String> properties) {}

    /**
     * @param plan the dry run's plan
     * @return the yes/no question, without {@code [y/N]}
     */
    abstract String question(PlanView plan);

    /** @return whether the preview shows where it pushes and what happens on GitHub */
    boolean publishes() {
        return false;
    }

    /** @return {@code --push}/{@code --no-push}, or {@code null} when not given or not applicable */
    Boolean pushOption() {
        return null;
    }

    /**
     * Prints what the real run did.
     *
     * @param plan the plan the real run wrote
     * @param view the preview printer
     */
    abstract void summarise(PlanView plan, Preview view);

    @Override
    public Integer call() {
        Terminal terminal = release.terminal();
        PrintWriter out = terminal.out();
        Style style = new Style(terminal.colour());
        Path start = directory == null ? terminal.workingDir() : terminal.workingDir().resolve(directory);
        if (!Files.isDirectory(start)) {
            throw new CliException(CliException.USAGE, "-C " + directory + ": no such directory");
        }
        Workspace workspace = Workspace.locate(start);
        boolean planInMaven = this.planInMaven || "true".equals(terminal.env().get(PLAN_IN_MAVEN_ENV));
        if (!workspace.maven() && planInMaven) {
            throw new CliException(CliException.USAGE, "--plan-in-maven needs a Maven project, and " + workspace.root()
                    + " has no pom.xml: leave the option out");
        }
        Preview view = new Preview(workspace, terminal, style, publishes(), pushOption());
        CliLog log = new CliLog(terminal.err(), style, verbose);
        InProcessRelease engine = new InProcessRelease(workspace, terminal.env(), log, goal());

        out.println(style.dim("Planning the release of " + workspace.root() + (workspace.maven() ? "" : " (tags only)")
                + (dryRun ? " (dry run)" : "") + " ..."));
        PlanView plan;
        if (planInMaven) {
            MavenProject project = MavenProject.locate(workspace.root(), terminal.env(),
                    notice -> out.println(style.dim(notice)));
            plan = runGoal(workspace, new MavenRun(project, terminal.env(), out, style, verbose), mavenArguments(true));
        } else {
            try (Progress progress = Progress.start(terminal, style,
                    () -> log.progress() != null ? log.progress() : "Reading the history")) {
                plan = engine.run(properties(true));
            }
        }
        log.flush();
        if (!plan.releases()) {
            String reason = plan.reason() == null ? "" : plan.reason().startsWith("nothing to release")
                    ? plan.reason().substring("nothing to release".length()) : ": " + plan.reason();
            out.println(style.green("Nothing to release") + reason);
            return 0;
        }
        if (plan.alreadyReleased() && !stepsLeft(plan, workspace)) {
            out.println(style.green("Nothing to release") + ": " + plan.tag() + " is already released (the tag points at HEAD"
                    + ("none".equals(plan.githubAction()) ? " and the GitHub release is up to date)" : ")"));
            return 0;
        }
        if (!plan.alreadyReleased() && !"changelog".equals(goal())) {
            // the engine's dry run saves its work-tree scan; the preview must still refuse what the real run will
            List<String> blockers = new java.util.ArrayList<>(plan.blockers());
            workspace.uncommittedChanges(plan.files()).ifPresent(blockers::add);
            plan = plan.withBlockers(blockers);
        }
        String next = nextDevelopmentVersion(plan, workspace);
        view.nextSnapshot(next);
        view.show(plan);
        if (!plan.blockers().isEmpty()) {
            if (dryRun) {
                out.println(style.yellow("Dry run: nothing was changed; the real run would refuse until the above is fixed."));
                return 0;
            }
            throw new CliException(CliException.FAILED, FlagNames.translate(plan.blockers().get(0))
                    + " (nothing was changed)");
        }
        if (dryRun) {
            out.println(style.dim("Dry run: nothing was changed."));
            return 0;
        }
        if (!yes && !confirmed(terminal, style, question(plan))) {
            out.println("Cancelled: nothing was changed.");
            return CliException.CANCELLED;
        }
        if (view.pushes(plan)) {
            workspace.requireRemoteNotAhead(plan.remote() == null ? "origin" : plan.remote());
        }
        out.println(style.dim("Running " + goal() + " ..."));
        PlanView done;
        if (workspace.maven()) {
            List<String> arguments = mavenArguments(false);
            if (next != null) {
                arguments.add("-Drelease.nextDevelopmentVersion=" + next);
            }
            if (!planInMaven) {
                // the goal refuses before changing anything when its own plan differs from this preview
                arguments.add("-Drelease.expect.version=" + plan.version());
                arguments.add("-Drelease.expect.head=" + plan.headSha());
            }
            MavenProject project = MavenProject.locate(workspace.root(), terminal.env(),
                    notice -> out.println(style.dim(notice)));
            done = runGoal(workspace, new MavenRun(project, terminal.env(), out, style, verbose), arguments);
        } else {
            Map<String, String> properties = properties(false);
            if (next != null) {
                properties.put("release.nextDevelopmentVersion", next);
            }
            properties.put("release.expect.version", plan.version());
            properties.put("release.expect.head", plan.headSha());
            // the real run reads the history again and uploads the assets: both show progress on a terminal
            try (Progress progress = Progress.start(terminal, style,
                    () -> log.progress() != null ? log.progress() : "Running " + goal())) {
                done = engine.run(properties);
            }
            log.flush();
        }
        summarise(done, view);
        return 0;
    }

    /**
     * @param plan the preview's plan
     * @param workspace the repository (tags-only mode needs a version file for a snapshot)
     * @return the {@code --next-snapshot} version (given, or the next patch {@code -SNAPSHOT} of
     *     the released version), or {@code null} without the option
     */
    String nextDevelopmentVersion(PlanView plan, Workspace workspace) {
        if (nextSnapshot == null) {
            return null;
        }
        if (!workspace.maven() && versionFile == null) {
            throw new CliException(CliException.USAGE, "--next-snapshot needs a file that holds the version, and "
                    + workspace.root() + " has no pom.xml: add --version-file FILE or leave --next-snapshot out");
        }
        return nextSnapshot.isBlank() ? NextSnapshot.after(plan.version()) : nextSnapshot.strip();
    }

    /**
     * @param plan a plan whose tag already points at HEAD
     * @param project the project, to ask origin whether it has the tag
     * @return whether the goal still has work: creating or updating the GitHub release, or a push
     *     when origin does not have the tag yet (a run that stopped before its push)
     */
    private boolean stepsLeft(PlanView plan, Workspace project) {
        return publishes() && ("create".equals(plan.githubAction()) || "update".equals(plan.githubAction())
                || (Boolean.TRUE.equals(pushOption())
                        && project.git("ls-remote", "--tags", "origin", "refs/tags/" + plan.tag()).isEmpty()));
    }

    private PlanView runGoal(Workspace project, MavenRun maven, List<String> arguments) {
        Path planFile = project.releaseDir().resolve("plan.json");
        try {
            Files.deleteIfExists(planFile); // never show a stale plan from an earlier run
        } catch (IOException e) {
            throw new CliException(CliException.FAILED, "cannot remove the old " + planFile + ": " + e.getMessage());
        }
        maven.run(arguments);
        return PlanView.read(planFile);
    }

    /**
     * @param dry whether this is the dry run
     * @return the command's options as {@code release.*} properties, in {@link #mavenArguments} order
     */
    Map<String, String> properties(boolean dry) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String argument : mavenArguments(dry).subList(1, mavenArguments(dry).size())) {
            int equals = argument.indexOf('=');
            properties.put(argument.substring("-D".length(), equals), argument.substring(equals + 1));
        }
        return properties;
    }

    /**
     * @param dry whether this is the dry run
     * @return the goal with full coordinates (so {@code release:} can never reach the
     *     maven-release-plugin) and the {@code -Drelease.*} properties
     */
    List<String> mavenArguments(boolean dry) {
        List<String> arguments = new ArrayList<>();
        arguments.add("dev.llmproxy:release-maven-plugin:" + LlmProxy.version() + ":" + goal());
        arguments.add("-Drelease.dryRun=" + dry);
        if (bump != null) {
            arguments.add("-Drelease.bump=" + bump);
        }
        if (version != null) {
            arguments.add("-Drelease.version=" + version);
        }
        if (preRelease != null) {
            arguments.add("-Drelease.preRelease=" + preRelease);
        }
        if (initialVersion != null) {
            arguments.add("-Drelease.initialVersion=" + initialVersion);
        }
        if (versionFile != null) {
            arguments.add("-Drelease.versionFile=" + versionFile);
        }
        addProperties(arguments);
        defines.forEach((name, value) -> arguments.add("-D" + name + "=" + value));
        return arguments;
    }

    private boolean confirmed(Terminal terminal, Style style, String question) {
        if (!terminal.interactive()) {
            throw new CliException(CliException.USAGE, "no terminal to answer \"" + question
                    + "\": rerun with --yes to go ahead without asking, or with --dry-run to only preview");
        }
        terminal.out().print(style.bold(question) + " [y/N] ");
        terminal.out().flush();
        String answer;
        try {
            answer = terminal.in().readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null) {
            terminal.out().println();
            return false;
        }
        String normalised = answer.strip().toLowerCase(java.util.Locale.ROOT);
        return normalised.equals("y") || normalised.equals("yes");
    }
}
