package dev.llmproxy.release.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one release goal with Maven in batch mode, stdin closed (Maven can never wait for input).
 * Its output is captured; with {@code verbose} every line is streamed, otherwise only the mojo
 * headers ({@code [INFO] --- plugin:goal ... ---}) and the upload lines ({@code [INFO] Uploading app.jar: ...}) are
 * shown, condensed, as progress.
 */
final class MavenRun {
    private static final Pattern MOJO_HEADER = Pattern.compile("^\\[INFO\\] --- (.+?) ---$");
    /** The goal's upload progress (github/UploadProgress): {@code [INFO] Uploading app.jar: 12.3 / 40.0 MiB, 8.1 MiB/s}. */
    private static final Pattern UPLOAD_LINE = Pattern.compile("^\\[INFO\\] Uploading .+: [0-9.]+ / [0-9.]+ [KMG]?i?B, [0-9.]+ [KMG]?i?B/s$");
    private static final Pattern FAILED_GOAL =
            Pattern.compile("^Failed to execute goal .+? on project [^:]+: (.*?)(?: -> \\[Help \\d+\\])?$");
    private static final Pattern LEVEL = Pattern.compile("^(\\[(ERROR|FATAL)]\\s*)+");
    private static final List<String> MAVEN_BOILERPLATE = List.of(
            "-> [Help", "To see the full stack trace", "Re-run Maven using", "For more information about the errors",
            "[Help ", "After correcting the problems", "mvn <args> -rf");

    private final MavenProject project;
    private final Map<String, String> env;
    private final PrintWriter out;
    private final Style style;
    private final boolean verbose;

    MavenRun(MavenProject project, Map<String, String> env, PrintWriter out, Style style, boolean verbose) {
        this.project = project;
        this.env = env;
        this.out = out;
        this.style = style;
        this.verbose = verbose;
    }

    /**
     * @param arguments Maven arguments after {@code -B -ntp} (the goal and its {@code -D} properties)
     * @throws CliException ({@link CliException#FAILED}) when Maven cannot start or exits non-zero,
     *     with Maven's first useful {@code [ERROR]} line
     */
    void run(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(project.maven().toString(), "-B", "-ntp"));
        command.addAll(mavenArgsForOldMaven());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.root().toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        List<String> errors = new ArrayList<>();
        int exit;
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    show(line);
                    if (line.startsWith("[ERROR]") || line.startsWith("[FATAL]")) {
                        errors.add(line);
                    }
                }
            }
            exit = process.waitFor();
        } catch (IOException e) {
            throw new CliException(CliException.FAILED, "cannot run " + project.maven() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILED, "interrupted while Maven was running");
        }
        if (exit != 0) {
            String error = firstUsefulError(errors).orElse("Maven failed (exit code " + exit + ")");
            if (error.contains("requires Maven version")) {
                throw new CliException(CliException.USAGE, error + ": " + project.maven()
                        + " is too old; add the Maven wrapper to the project (mvn wrapper:wrapper -Dmaven=3.9.16)"
                        + " or put Maven " + MavenInstallation.OLDEST_SUPPORTED + "+ first on PATH or in MAVEN_HOME");
            }
            throw new CliException(CliException.FAILED, error + (verbose ? "" : " (rerun with --verbose to see Maven's output)"));
        }
    }

    /**
     * @return the words of {@code MAVEN_ARGS} when the Maven is older than 3.9, which does not read
     *     that variable itself (split on whitespace, as Maven 3.9's launcher does); else nothing
     */
    private List<String> mavenArgsForOldMaven() {
        String mavenArgs = env.getOrDefault("MAVEN_ARGS", "").strip();
        boolean readsItself = MavenInstallation.version(project.maven())
                .map(version -> MavenInstallation.atLeast(version, MavenInstallation.READS_MAVEN_ARGS))
                .orElse(true);
        return mavenArgs.isEmpty() || readsItself ? List.of() : List.of(mavenArgs.split("\\s+"));
    }

    private void show(String line) {
        if (verbose) {
            out.println(line);
            return;
        }
        condensed(line).ifPresent(text -> out.println(style.dim("  " + text)));
    }

    /**
     * @param line one line of Maven's output
     * @return what a run without {@code --verbose} shows of it: a mojo header without its dashes
     *     ({@code release:0.1.0:draft (default-cli) @ app}), an upload line without {@code [INFO] }, else nothing
     */
    static Optional<String> condensed(String line) {
        Matcher header = MOJO_HEADER.matcher(line);
        if (header.matches()) {
            return Optional.of(header.group(1));
        }
        return UPLOAD_LINE.matcher(line).matches() ? Optional.of(line.substring("[INFO] ".length())) : Optional.empty();
    }

    /**
     * @param errorLines Maven's {@code [ERROR]} and {@code [FATAL]} lines in order
     * @return the first that says what went wrong: not blank, not Maven's help boilerplate, not a
     *     stack frame; {@code Failed to execute goal ... on project x:} and {@code -> [Help 1]} cut off
     */
    static Optional<String> firstUsefulError(List<String> errorLines) {
        List<String> useful = new ArrayList<>();
        for (String line : errorLines) {
            String text = LEVEL.matcher(line).replaceFirst("").strip(); // Maven 3.9 doubles "[ERROR] [ERROR] ..."
            if (text.isEmpty() || text.startsWith("at ") || MAVEN_BOILERPLATE.stream().anyMatch(text::startsWith)) {
                continue;
            }
            Matcher failed = FAILED_GOAL.matcher(text);
            useful.add(failed.matches() && !failed.group(1).isBlank() ? failed.group(1).strip() : text);
        }
        if (useful.isEmpty()) {
            return Optional.empty();
        }
        String first = useful.get(0);
        // "Some problems were encountered while processing the POMs:" says what only with the line after it
        return Optional.of(first.endsWith(":") && useful.size() > 1 ? first + " " + useful.get(1) : first);
    }
}
