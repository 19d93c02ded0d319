package dev.llmproxy.release.cli;

import dev.llmproxy.release.ReleaseLog;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's log in the CLI. Info lines (the engine's own plan report, which the preview shows
 * better) are printed only with {@code --verbose}. Warnings are collected and {@link #flush()}ed
 * to stderr: with {@code --verbose} every one; otherwise one line per kind (the message with its
 * quoted parts, commit SHAs and numbers blanked out), the first of the kind, with a count of the
 * others. A retry's wait (a rate limit, a 5xx) is printed at once with the time left. Warnings that
 * the plan also lists as blockers are left to the preview. Each message names the CLI flag, not the
 * property ({@link FlagNames}).
 */
final class CliLog implements ReleaseLog {
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    /** The end of an engine warning that the plan also records as a blocker. */
    private static final String SHOWN_AS_BLOCKER = "; the real run would refuse";
    /** The engine's retry warning: {@code ..., try 2 of 5 in 3000 ms}. */
    private static final Pattern RETRY = Pattern.compile("try \\d+ of \\d+ in (\\d+) ms");
    private static final Pattern SHA_OR_NUMBER = Pattern.compile("\\b[0-9a-f]{7,40}\\b|\\b\\d+(\\.\\d+)*\\b");

    private final PrintWriter err;
    private final Style style;
    private final boolean verbose;
    private final Map<String, List<String>> warningsByKind = new LinkedHashMap<>();
    private volatile String progress;

    CliLog(PrintWriter err, Style style, boolean verbose) {
        this.err = err;
        this.style = style;
        this.verbose = verbose;
    }

    @Override
    public synchronized void info(String line) {
        if (verbose) {
            err.println(style.dim(FlagNames.translate(line)));
        }
    }

    @Override
    public synchronized void warn(String line) {
        if (line.endsWith(SHOWN_AS_BLOCKER)) {
            return; // the preview lists it as "Blocked: ..." with its fix
        }
        Matcher retry = RETRY.matcher(line);
        if (retry.find()) {
            // a wait (rate limit, retry) is shown when it starts, with the time left, not after the run
            long seconds = (Long.parseLong(retry.group(1)) + 999) / 1000;
            err.println(style.yellow(FlagNames.translate(line)) + style.dim("  (waiting " + seconds + " s)"));
            err.flush();
            return;
        }
        warningsByKind.computeIfAbsent(kind(line), k -> new ArrayList<>()).add(FlagNames.translate(line));
    }

    /** A warning the engine named the kind of ({@code invalid-header}): collapsed by that kind, not by its text. */
    @Override
    public synchronized void warn(String kind, String line) {
        warningsByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(FlagNames.translate(line));
    }

    @Override
    public boolean collapsesRepeatedWarnings() {
        return true;
    }

    @Override
    public void progress(String step, long done) {
        progress = step + ": " + String.format(java.util.Locale.ROOT, "%,d", done) + " commits so far";
    }

    /** @return the engine's latest progress ({@code Reading the history: 2,000 commits so far}), or {@code null} */
    String progress() {
        return progress;
    }

    /**
     * @param line a warning
     * @return its kind: the text with quoted parts, SHAs and numbers replaced by placeholders
     */
    static String kind(String line) {
        return SHA_OR_NUMBER.matcher(QUOTED.matcher(line).replaceAll("'…'")).replaceAll("#");
    }

    /** Prints the warnings collected so far (see the class comment) and forgets them. */
    synchronized void flush() {
        for (List<String> same : warningsByKind.values()) {
            if (verbose) {
                same.forEach(w -> err.println(style.yellow("warning: " + w)));
            } else {
                err.println(style.yellow("warning: " + same.get(0)
                        + (same.size() > 1 ? " (and " + (same.size() - 1) + " more like it; --verbose shows all)" : "")));
            }
        }
        warningsByKind.clear();
        err.flush();
    }
}
