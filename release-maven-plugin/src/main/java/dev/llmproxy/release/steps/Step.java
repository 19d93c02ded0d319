package dev.llmproxy.release.steps;

import dev.llmproxy.release.plan.ReleasePlan;

/**
 * One effect of a release (docs/architecture.md, "The engine as steps"): {@link #check} only reads the world and
 * says what is missing; {@link #apply} does exactly that, and is called only when the check said TODO. A step decides
 * from the plan and the world only, never from another step's fields; turning it off is a SKIPPED check.
 */
public interface Step {
    /** @return the name the log, the preview and plan.json's {@code steps} use, e.g. {@code "tag"} */
    String name();

    /**
     * Reads only: no file, ref, remote or GitHub release changes.
     *
     * @param plan the release decision
     * @param world the handles: repository, reactor, settings, GitHub, log
     * @return DONE, TODO (what apply would do), SKIPPED (why) or BLOCKED (why and the fix)
     * @throws dev.llmproxy.release.ReleaseException when the world cannot be read
     */
    Status check(ReleasePlan plan, World world);

    /**
     * Called only after {@link #check} said TODO.
     *
     * @param plan the release decision
     * @param world the handles
     * @return a DONE status saying what was done
     * @throws dev.llmproxy.release.ReleaseException when the effect fails; the message names cause and fix, and a
     *     rerun finishes the job
     */
    Status apply(ReleasePlan plan, World world);
}
