package dev.llmproxy.release.maven;

import dev.llmproxy.release.plan.ReleaseEngine;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Goal {@code release:draft}. Does the whole release. Bump and changelog when not yet done, release commit, annotated tag, push when {@code release.push=true}, then the GitHub Release (a draft unless {@code release.publish=true}) with assets and {@code SHA256SUMS}. On a HEAD that already carries the release tag only the GitHub part runs.
 *
 * <p>With {@code release.dryRun=true} it writes only {@code target/release/plan.json} and
 * {@code target/release/notes.md}.
 */
@Mojo(name = "draft", aggregator = true, threadSafe = true)
public class DraftMojo extends AbstractReleaseMojo {
    @Override
    void run(ReleaseEngine engine) {
        engine.draft();
    }

    @Override
    boolean commitsByDefault() {
        return true;
    }
}
