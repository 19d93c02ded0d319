package dev.llmproxy.release.maven;

import dev.llmproxy.release.history.HistoryEngine;
import dev.llmproxy.release.plan.ReleaseEngine;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Goal {@code release:changelog}. Writes the release notes to {@code target/release/notes.md} and the version's section of {@code CHANGELOG.md} (Keep a Changelog 1.1.0), replacing an earlier section of the same version.
 *
 * <p>With {@code release.dryRun=true} it writes only {@code target/release/plan.json} and
 * {@code target/release/notes.md}.
 *
 * <p>With {@code release.history=all} it writes instead the changelog of the whole history, every
 * release section newest first, to {@code target/release/CHANGELOG.full.md}, or over {@code
 * CHANGELOG.md} with {@code release.history.write=true} (issue #12, item 7).
 */
@Mojo(name = "changelog", aggregator = true, threadSafe = true)
public class ChangelogMojo extends AbstractReleaseMojo {

    /** {@code all} for the changelog of the whole history; empty for the next release's section. */
    @Parameter(property = "release.history")
    String history;

    /** With {@code release.history=all}: replace CHANGELOG.md instead of writing target/release/CHANGELOG.full.md. */
    @Parameter(property = "release.history.write", defaultValue = "false")
    boolean historyWrite;

    @Override
    void run(ReleaseEngine engine) {
        if (history == null || history.isBlank()) {
            engine.changelog();
        } else if ("all".equals(history.strip())) {
            new HistoryEngine(settings(), mavenLog()).fullChangelog(historyWrite);
        } else {
            throw new IllegalArgumentException("release.history '" + history + "' is not supported: use all, or leave it unset");
        }
    }

    @Override
    boolean commitsByDefault() {
        return false;
    }
}
