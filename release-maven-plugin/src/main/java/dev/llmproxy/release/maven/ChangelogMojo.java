package dev.llmproxy.release.maven;

import dev.llmproxy.release.plan.ReleaseEngine;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Goal {@code release:changelog}. Writes the release notes to {@code target/release/notes.md} and the version's section of {@code CHANGELOG.md} (Keep a Changelog 1.1.0), replacing an earlier section of the same version.
 *
 * <p>With {@code release.dryRun=true} it writes only {@code target/release/plan.json} and
 * {@code target/release/notes.md}.
 */
@Mojo(name = "changelog", aggregator = true, threadSafe = true)
public class ChangelogMojo extends AbstractReleaseMojo {
    @Override
    void run(ReleaseEngine engine) {
        engine.changelog();
    }

    @Override
    boolean commitsByDefault() {
        return false;
    }
}
