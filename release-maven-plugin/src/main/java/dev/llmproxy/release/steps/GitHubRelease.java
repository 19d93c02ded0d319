package dev.llmproxy.release.steps;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.github.ReleaseOutcome;
import dev.llmproxy.release.plan.ReleasePlan;
import java.util.Optional;

/**
 * The GitHub Release of the tag: found (all pages: drafts are invisible to the tag lookup) or created, updated where
 * it differs, its assets and {@code SHA256SUMS} uploaded unless the same name, size and digest is there, and
 * published only after every asset is verified. One step over {@link dev.llmproxy.release.github.GitHubReleaser}, not
 * three: see docs/architecture.md, "The engine as steps". DONE when the release, its assets and its draft state are as
 * asked.
 */
public final class GitHubRelease implements Step {
    @Override
    public String name() {
        return "github release";
    }

    /**
     * @param reason why GitHub cannot take the release, e.g. {@code no token (set GITHUB_TOKEN or GH_TOKEN)}
     * @return the goal's one-line refusal for it
     */
    public static String refusal(String reason) {
        return "cannot create the GitHub Release: " + reason
                + ", or pass -Drelease.github.skip=true to release without GitHub";
    }

    @Override
    public Status check(ReleasePlan plan, World world) {
        var settled = Settled.gitHubEffect(plan, world);
        if (settled.isPresent()) {
            return settled.get();
        }
        Optional<String> refusal = world.github().refusal();
        if (refusal.isPresent()) {
            return Status.blocked(refusal(refusal.get()));
        }
        ReleaseOutcome preview;
        try {
            preview = world.github().preview();
        } catch (ReleaseException e) {
            return Status.blocked(e.getMessage()); // e.g. two drafts of the tag, or the tag at another commit
        }
        boolean assetsKept = preview.assets().stream()
                .allMatch(a -> a.action() == ReleaseOutcome.AssetAction.KEEP);
        if (preview.action() == ReleaseOutcome.Action.UNCHANGED && assetsKept && !preview.publishedNow()) {
            return Status.done("release " + preview.releaseId() + (preview.draft() ? " (draft)" : " (published)")
                    + " is up to date");
        }
        return Status.todo(oneLine(preview).substring("would ".length()));
    }

    @Override
    public Status apply(ReleasePlan plan, World world) {
        return Status.done(oneLine(world.github().release()));
    }

    private static String oneLine(ReleaseOutcome outcome) {
        return outcome.describe().replace("\n  ", ", ");
    }
}
