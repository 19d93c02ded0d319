package dev.llmproxy.release.steps;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.plan.ReleasePlan;
import java.util.ArrayList;
import java.util.List;

/**
 * What each goal does, in order: the one place to read what {@code release:bump}, {@code release:changelog} and
 * {@code release:draft} change (docs/architecture.md, "The engine as steps"), and the tiny runner over such a list.
 * The lists are fixed; a step that is switched off says SKIPPED.
 */
public final class ReleaseSteps {
    private ReleaseSteps() {}

    /** @return {@code release:bump}'s steps */
    public static List<Step> bump() {
        WritePoms poms = new WritePoms();
        return List.of(
                poms,                          // reactor at plan.version
                new CommitRelease(poms),       // "chore(release): X" holding the poms (release.commit=true)
                new TagRelease(),              // annotated tag on that commit
                new CommitNextSnapshot(),      // optional next -SNAPSHOT commit
                new PushRelease(false));       // branch + tag, atomic; a release tagged earlier is left alone
    }

    /** @return {@code release:changelog}'s steps */
    public static List<Step> changelog() {
        return List.of(
                new WriteChangelog());         // the version's section in CHANGELOG.md
    }

    /** @return {@code release:draft}'s steps */
    public static List<Step> draft() {
        WritePoms poms = new WritePoms();
        WriteChangelog changelog = new WriteChangelog();
        return List.of(
                poms,                              // reactor at plan.version
                changelog,                         // the version's section in CHANGELOG.md
                new CommitRelease(poms, changelog),// "chore(release): X" holding exactly plan.files
                new TagRelease(),                  // annotated tag on that commit
                new CommitNextSnapshot(),          // optional next -SNAPSHOT commit
                new PushRelease(true),             // branch + tag, atomic; also a release tagged earlier
                new GitHubRelease(),               // draft or release, assets + SHA256SUMS, published when asked
                new NotifyReleased());             // PR/issue comments and webhook; skipped while a draft
    }

    /**
     * A step's name and its status.
     *
     * @param name {@link Step#name()}
     * @param status what its check found or its apply did
     */
    public record Result(String name, Status status) {}

    /**
     * Checks every step; reads only.
     *
     * @return one result per step, in order
     */
    public static List<Result> checkAll(List<Step> steps, ReleasePlan plan, World world) {
        List<Result> checked = new ArrayList<>();
        for (Step step : steps) {
            checked.add(new Result(step.name(), step.check(plan, world)));
        }
        return checked;
    }

    /**
     * @param checked the results of {@link #checkAll}
     * @throws ReleaseException with the first BLOCKED step's line, e.g. {@code push: HEAD is detached: ...}
     */
    public static void requireNoneBlocked(List<Result> checked) {
        for (Result result : checked) {
            if (result.status().state() == Status.State.BLOCKED) {
                throw new ReleaseException(result.name() + ": " + result.status().line());
            }
        }
    }

    /**
     * Checks each step again (an earlier step, or an earlier run, may have done it) and applies it when TODO,
     * logging one line per step.
     *
     * @return one result per step, in order: what was done, or what the check found
     * @throws ReleaseException when a step is BLOCKED now, or as the step's apply
     */
    public static List<Result> applyAll(List<Step> steps, ReleasePlan plan, World world) {
        List<Result> done = new ArrayList<>();
        for (Step step : steps) {
            Status now = step.check(plan, world);
            requireNoneBlocked(List.of(new Result(step.name(), now)));
            Status after = now.isTodo() ? step.apply(plan, world) : now;
            world.log().info(step.name() + ": " + (after.state() == Status.State.DONE ? "" : after.state().key() + ", ")
                    + after.line());
            done.add(new Result(step.name(), after));
        }
        return done;
    }
}
