package dev.llmproxy.release.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** Prints a plan, its notes and the summaries for a person at a terminal. */
final class Preview {
    private static final Pattern URL_CREDENTIALS = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@");

    private final Workspace project;
    private final PrintWriter out;
    private final Style style;
    private final boolean unicode;
    private final boolean publishes;
    private final Boolean pushOption;
    private String nextSnapshot;

    /**
     * @param project the repository (root, git remote)
     * @param terminal where to print
     * @param style colours
     * @param publishes whether to show the push and GitHub lines (the draft goal)
     * @param pushOption {@code --push}/{@code --no-push}, or {@code null}
     */
    Preview(Workspace project, Terminal terminal, Style style, boolean publishes, Boolean pushOption) {
        this.project = project;
        this.out = terminal.out();
        this.style = style;
        this.unicode = terminal.unicode();
        this.publishes = publishes;
        this.pushOption = pushOption;
    }

    /** @param plan the plan to show, with its notes */
    void show(PlanView plan) {
        out.println();
        out.println(style.bold("Release plan"));
        row("Version", versionChange(plan) + (plan.reason() == null ? "" : "  " + style.dim("(" + plan.reason() + ")")));
        row("Tag", plan.tag() + (plan.alreadyReleased() ? style.yellow("  (already on HEAD: only the remaining steps run)") : ""));
        if (plan.commits() != null) {
            var c = plan.commits();
            row("Commits", c.total() + " (" + c.breaking() + " breaking, " + c.feat() + " feat, " + c.fix() + " fix, "
                    + c.other() + " other)");
        }
        row("Files", plan.files().isEmpty() ? "none" : String.join(", ", plan.files()));
        if ("tags".equals(plan.mode())) {
            row("Mode", "tags only (no pom.xml: the version comes from the tags; only the files above are written)");
        }
        for (int i = 0; i < plan.apiCheck().size(); i++) {
            row(i == 0 ? "API" : "", plan.apiCheck().get(i));
        }
        if (nextSnapshot != null) {
            row("Next", nextSnapshot + " in a second commit (--next-snapshot)");
        }
        if (publishes) {
            row("Push", pushes(plan) ? "commit and tag " + plan.tag() + " to " + origin()
                    : "no: the tag stays local " + (pushOption == null ? "(add --push to push it)" : "(--no-push)"));
            row("GitHub", gitHub(plan));
        }
        out.println();
        out.println(style.bold("Release notes") + style.dim("  (" + plan.notesFile() + ")"));
        out.print(notes(plan).map(md -> new NotesText(style, unicode).render(md, "  "))
                .orElse("  " + style.yellow("no notes file was written") + "\n"));
        out.println();
        for (String blocker : plan.blockers()) {
            out.println(style.red("Blocked: " + FlagNames.translate(blocker)));
        }
    }

    /** @param version the next development version shown in the plan, or {@code null} for none */
    void nextSnapshot(String version) {
        this.nextSnapshot = version;
    }

    /** @return {@code 1.4.2 → 1.5.0}, or {@code (first release) → 1.0.0} */
    String versionChange(PlanView plan) {
        String from = plan.previousVersion() == null ? "(first release)" : plan.previousVersion();
        return from + (unicode ? " → " : " -> ") + style.bold(plan.version());
    }

    /** @return whether the goal pushes: the option, else the plan's {@code push}, else yes */
    boolean pushes(PlanView plan) {
        if (pushOption != null) {
            return pushOption;
        }
        return plan.push() == null || plan.push();
    }

    /** @return {@code origin <url>} without credentials, or a note that there is no origin */
    String origin() {
        return project.git("remote", "get-url", "origin")
                .map(url -> "origin " + withoutCredentials(url))
                .orElse("origin (no remote named origin: add one with git remote add origin <url>)");
    }

    /**
     * @param url a git remote URL, possibly {@code https://user:token@host/...}
     * @return the URL without its user-info part
     */
    static String withoutCredentials(String url) {
        return URL_CREDENTIALS.matcher(url).replaceFirst("$1");
    }

    private String gitHub(PlanView plan) {
        String action = plan.githubAction();
        String where = plan.repository() == null ? "" : " in " + plan.repository();
        String kind = (plan.githubDraft() ? "draft " : "") + (plan.githubPrerelease() ? "pre-release" : "release");
        if (action == null || action.equals("skip")) {
            return "skipped (GitHub not used: no token, no GitHub repository or --no-github)";
        }
        if (action.equals("create") && plan.blockers().stream().anyMatch(b -> b.contains("GitHub"))) {
            return style.red("blocked") + ": would create a " + kind + where + " (see below)";
        }
        return switch (action) {
            case "create" -> "create a " + kind + where;
            case "update" -> "update the " + kind + where;
            case "none" -> "the " + kind + where + " is up to date";
            default -> action + " " + kind + where;
        };
    }

    private Optional<String> notes(PlanView plan) {
        Path file = project.root().resolve(plan.notesFile());
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * @param headline what was done, printed with a check mark
     */
    void done(String headline) {
        out.println(style.green(unicode ? "✔" : "Done:") + " " + headline);
    }

    /** @param line a detail line of the summary */
    void detail(String line) {
        out.println("  " + line);
    }

    private void row(String label, String value) {
        out.println("  " + style.cyan(String.format("%-8s", label)) + " " + value);
    }
}
