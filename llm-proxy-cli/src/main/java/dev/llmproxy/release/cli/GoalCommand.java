package dev.llmproxy.release.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * One release goal run the way a person wants it: a dry run that writes
 * {@code target/release/plan.json} and the notes, a preview, a question, the real run, a summary.
 * All release decisions are the goal's; this class only passes options as {@code release.*}
 * properties and shows what the goal wrote.
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

    @Option(names = {"-v", "--verbose"}, description = "Show all of Maven's output.")
    boolean verbose;

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
        MavenProject project = MavenProject.locate(start, terminal.env(), notice -> out.println(style.dim(notice)));
        MavenRun maven = new MavenRun(project, terminal.env(), out, style, verbose);
        Preview view = new Preview(project, terminal, style, publishes(), pushOption());

        out.println(style.dim("Planning the release of " + project.root() + " (dry run) ..."));
        PlanView plan = runGoal(project, maven, true);
        if (!plan.releases()) {
            out.println(style.green("Nothing to release") + (plan.reason() == null ? "" : ": " + plan.reason()));
            return 0;
        }
        if (plan.alreadyReleased() && !stepsLeft(plan, project)) {
            out.println(style.green("Nothing to release") + ": " + plan.tag() + " is already released (the tag points at HEAD"
                    + ("none".equals(plan.githubAction()) ? " and the GitHub release is up to date)" : ")"));
            return 0;
        }
        view.show(plan);
        if (dryRun) {
            out.println(style.dim("Dry run: nothing was changed."));
            return 0;
        }
        if (!yes && !confirmed(terminal, style, question(plan))) {
            out.println("Cancelled: nothing was changed.");
            return 0;
        }
        out.println(style.dim("Running " + goal() + " ..."));
        summarise(runGoal(project, maven, false), view);
        return 0;
    }

    /**
     * @param plan a plan whose tag already points at HEAD
     * @param project the project, to ask origin whether it has the tag
     * @return whether the goal still has work: creating or updating the GitHub release, or a push
     *     when origin does not have the tag yet (a run that stopped before its push)
     */
    private boolean stepsLeft(PlanView plan, MavenProject project) {
        return publishes() && ("create".equals(plan.githubAction()) || "update".equals(plan.githubAction())
                || (Boolean.TRUE.equals(pushOption())
                        && project.git("ls-remote", "--tags", "origin", "refs/tags/" + plan.tag()).isEmpty()));
    }

    private PlanView runGoal(MavenProject project, MavenRun maven, boolean dry) {
        Path planFile = project.releaseDir().resolve("plan.json");
        try {
            Files.deleteIfExists(planFile); // never show a stale plan from an earlier run
        } catch (IOException e) {
            throw new CliException(CliException.FAILED, "cannot remove the old " + planFile + ": " + e.getMessage());
        }
        maven.run(mavenArguments(dry));
        return PlanView.read(planFile);
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
        addProperties(arguments);
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
