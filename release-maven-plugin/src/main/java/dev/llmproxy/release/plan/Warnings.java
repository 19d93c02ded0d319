package dev.llmproxy.release.plan;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.TextFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A log that collapses repeated warnings: warnings given with a kind ({@link #warn(String,
 * String)}, e.g. one per odd commit message) are printed as one line per kind with a count by
 * {@link #logCollapsed()}; plain warnings are printed at once. Every warning is kept for {@code
 * target/release/warnings.txt} ({@link #writeFile}) and counted per kind for the {@code warnings}
 * key of plan.json ({@link #counts()}), which the CLI reads (docs/release.md, "Warnings").
 *
 * <p>Not thread-safe: one per goal run.
 */
public final class Warnings implements ReleaseLog {
    /** Where every warning of a run is listed, relative to the reactor root. */
    public static final String FILE = "target/release/warnings.txt";
    /** The kind of a warning given without one ({@link #warn(String)}). */
    public static final String GENERAL = "general";

    private final ReleaseLog log;
    private final Map<String, List<String>> byKind = new LinkedHashMap<>();
    private final Map<String, Integer> printed = new LinkedHashMap<>();

    /** @param log where lines are printed */
    public Warnings(ReleaseLog log) {
        this.log = log;
    }

    @Override
    public void info(String line) {
        log.info(line);
    }

    @Override
    public void progress(String step, long done) {
        log.progress(step, done);
    }

    @Override
    public void progress(String step, long doneBytes, long totalBytes, double bytesPerSecond) {
        log.progress(step, doneBytes, totalBytes, bytesPerSecond);
    }

    @Override
    public void waiting(String step, Duration wait) {
        log.waiting(step, wait);
    }

    /** Prints the warning now and keeps it as kind {@link #GENERAL}. */
    @Override
    public void warn(String line) {
        log.warn(line);
        byKind.computeIfAbsent(GENERAL, k -> new ArrayList<>()).add(line);
        printed.merge(GENERAL, 1, Integer::sum);
    }

    /**
     * Keeps the warning; {@link #logCollapsed()} prints it, collapsed with the others of its kind, unless the log
     * collapses warnings itself ({@link ReleaseLog#collapsesRepeatedWarnings()}), which then gets it now.
     */
    @Override
    public void warn(String kind, String line) {
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(line);
        if (log.collapsesRepeatedWarnings()) {
            log.warn(kind, line);
            printed.merge(kind, 1, Integer::sum);
        }
    }

    /**
     * Prints the warnings of each kind not printed yet as one line: the warning itself when it is
     * alone, else {@code "<n> warnings <kind>, e.g. <line> (all in target/release/warnings.txt)"}.
     */
    public void logCollapsed() {
        byKind.forEach((kind, lines) -> {
            int from = printed.getOrDefault(kind, 0);
            int fresh = lines.size() - from;
            if (fresh == 1) {
                log.warn(lines.get(from));
            } else if (fresh > 1) {
                log.warn(fresh + " warnings " + kind + ", e.g. " + lines.get(from) + " (all in " + FILE + ")");
            }
            printed.put(kind, lines.size());
        });
    }

    /** @return the number of warnings per kind, kinds in the order first seen (plan.json {@code warnings}) */
    public List<ReleasePlan.WarningCount> counts() {
        List<ReleasePlan.WarningCount> counts = new ArrayList<>();
        byKind.forEach((kind, lines) -> counts.add(new ReleasePlan.WarningCount(kind, lines.size())));
        return counts;
    }

    /** @return every warning, one line each, as {@code "<kind>: <line>"}, grouped by kind */
    public List<String> all() {
        List<String> all = new ArrayList<>();
        byKind.forEach((kind, lines) -> lines.forEach(line -> all.add(kind + ": " + line)));
        return all;
    }

    /**
     * Writes {@link #all()} to {@code <root>/target/release/warnings.txt} (UTF-8, one per line), or
     * deletes that file of an earlier run when there is no warning.
     *
     * @param root the reactor root
     * @throws ReleaseException when the file cannot be written or deleted
     */
    public void writeFile(Path root) {
        Path file = root.resolve(FILE);
        if (byKind.isEmpty()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new ReleaseException("cannot delete the old " + FILE + ": " + e.getMessage()
                        + " (delete it by hand, then rerun)", e);
            }
            return;
        }
        TextFiles.writeAtomically(file, String.join("\n", all()) + "\n");
    }
}
