package dev.llmproxy.release.plan;

import dev.llmproxy.release.ReleaseException;

/**
 * The real run's check against its preview (issue 11 item 1): the CLI plans in its own JVM, then
 * runs the goal with {@code release.expect.version} and {@code release.expect.head}; the goal
 * refuses, before it changes anything, when its own decision differs.
 */
final class ExpectationCheck {
    private ExpectationCheck() {}

    /**
     * @param expect what the preview decided
     * @param decision this run's decision
     * @throws ReleaseException naming what differs: HEAD (another commit landed since the preview)
     *     or the version (configuration the preview could not read, e.g. a profile or settings.xml)
     */
    static void require(ReleaseSettings.Expectation expect, ReleasePlanner.Decision decision) {
        if (expect.headSha() != null && !expect.headSha().equals(decision.targetSha())) {
            throw new ReleaseException("HEAD moved since the preview: it was " + shortSha(expect.headSha())
                    + ", it is " + shortSha(decision.targetSha()) + " (another commit landed):"
                    + " nothing was changed; run the release again to see the new plan");
        }
        String version = decision.releases() ? decision.version().toString() : null;
        if (expect.version() != null && !expect.version().equals(version)) {
            throw new ReleaseException("the goal decided " + (version == null ? "nothing to release" : version)
                    + ", the preview " + expect.version() + " (configuration the preview could not read, e.g. a"
                    + " profile, settings.xml or a parent pom outside the reactor): nothing was changed; set the"
                    + " version explicitly (-Drelease.version) or move that configuration into the reactor's poms");
        }
    }

    private static String shortSha(String sha) {
        return sha == null ? "none" : sha.substring(0, Math.min(7, sha.length()));
    }
}
