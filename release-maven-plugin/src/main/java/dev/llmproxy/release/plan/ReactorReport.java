package dev.llmproxy.release.plan;

import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.pom.VersionFiles;

/**
 * What the planner says about the reactor before deciding: the poms a version change leaves alone
 * and why (issue #12 item 4; also in plan.json {@code skippedPoms}), and a CI-friendly version
 * without the flatten-maven-plugin (issue #10 item 11).
 */
final class ReactorReport {
    private final ReleaseLog log;

    /** @param log where the lines go */
    ReactorReport(ReleaseLog log) {
        this.log = log;
    }

    /**
     * Logs one info line listing the poms left alone (when any) and the CI-friendly warning (when
     * it applies).
     *
     * @param reactor the reactor read
     */
    void report(VersionFiles reactor) {
        if (!reactor.skippedPoms().isEmpty()) {
            StringBuilder line = new StringBuilder("poms left alone by the version change:");
            reactor.skippedPoms().forEach((path, reason) -> line.append(' ').append(path).append(" (").append(reason).append(");"));
            log.info(line.substring(0, line.length() - 1));
        }
        reactor.ciFriendlyWarning().ifPresent(log::warn);
    }
}
