package dev.llmproxy.release.maven;

import dev.llmproxy.release.history.HistoryEngine;
import dev.llmproxy.release.plan.ReleaseEngine;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Goal {@code release:replay}: replays every past release tag (or the newest {@code
 * release.replay.last}) as the goals would have decided it, side by side with what was released;
 * writes {@code target/release/replay.json}. Changes nothing else (issue #12, item 6; docs/fidelity.md).
 */
@Mojo(name = "replay", aggregator = true, threadSafe = true, requiresProject = true)
public class ReplayMojo extends AbstractReleaseMojo {

    /** How many of the newest releases to replay; 0 for all. */
    @Parameter(property = "release.replay.last", defaultValue = "0")
    int last;

    @Override
    void run(ReleaseEngine engine) {
        new HistoryEngine(settings(), mavenLog()).replay(last);
    }

    @Override
    boolean commitsByDefault() {
        return false;
    }
}
