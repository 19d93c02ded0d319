package dev.llmproxy.release.maven;

import dev.llmproxy.release.plan.ReleaseEngine;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Goal {@code release:bump}. Decides the next SemVer 2.0.0 version from Conventional Commits 1.0.0 (or takes {@code release.version}) and rewrites the versions of the whole reactor; with {@code release.commit=true} also makes the release commit and annotated tag.
 *
 * <p>With {@code release.dryRun=true} it writes only {@code target/release/plan.json} and
 * {@code target/release/notes.md}.
 */
@Mojo(name = "bump", aggregator = true, threadSafe = true)
public class BumpMojo extends AbstractReleaseMojo {
    @Override
    void run(ReleaseEngine engine) {
        engine.bump();
    }

    @Override
    boolean commitsByDefault() {
        return false;
    }
}
