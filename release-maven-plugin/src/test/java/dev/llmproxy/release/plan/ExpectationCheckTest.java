package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.version.BumpDecider;
import dev.llmproxy.release.version.SemVer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ExpectationCheck}: the real run against what its preview decided (TagsOnlyReleaseTest runs it through the engine). */
class ExpectationCheckTest {
    private static final String HEAD = "0123456789abcdef0123456789abcdef01234567";

    private static ReleasePlanner.Decision decision(String version) {
        return new ReleasePlanner.Decision(HEAD, null, version == null ? null : SemVer.parse(version),
                version == null ? null : "v" + version, version == null ? "none" : "minor", "reason", false, List.of(),
                BumpDecider.count(List.of()), List.of(), null);
    }

    private static String refusal(String version, String head, ReleasePlanner.Decision decision) {
        return assertThrows(ReleaseException.class,
                () -> ExpectationCheck.require(new ReleaseSettings.Expectation(version, head), decision)).getMessage();
    }

    @Test
    void whatThePreviewDecidedOrNothingExpectedPasses() {
        ExpectationCheck.require(ReleaseSettings.Expectation.NONE, decision("1.5.0"));
        ExpectationCheck.require(ReleaseSettings.Expectation.NONE, decision(null));
        ExpectationCheck.require(new ReleaseSettings.Expectation("1.5.0", HEAD), decision("1.5.0"));
        ExpectationCheck.require(new ReleaseSettings.Expectation(null, HEAD), decision(null));
        ExpectationCheck.require(new ReleaseSettings.Expectation("1.5.0", null), decision("1.5.0"));
    }

    @Test
    void anotherHeadIsNamedByBothShortShasBeforeTheVersionIsCompared() {
        assertEquals("HEAD moved since the preview: it was abc, it is 0123456 (another commit landed): nothing was"
                + " changed; run the release again to see the new plan", refusal("9.9.9", "abc", decision("1.5.0")));
        assertEquals("HEAD moved since the preview: it was fedcba9, it is 0123456 (another commit landed): nothing was"
                + " changed; run the release again to see the new plan", refusal(null, "fedcba9876", decision(null)));
    }

    @Test
    void aDifferentDecisionNamesBothVersionsOrNothingToRelease() {
        assertEquals("the goal decided nothing to release, the preview 1.5.0 (configuration the preview could not read,"
                + " e.g. a profile, settings.xml or a parent pom outside the reactor): nothing was changed; set the version"
                + " explicitly (-Drelease.version) or move that configuration into the reactor's poms",
                refusal("1.5.0", HEAD, decision(null)));
        assertEquals("the goal decided 2.0.0, the preview 1.5.0", refusal("1.5.0", null, decision("2.0.0"))
                .substring(0, "the goal decided 2.0.0, the preview 1.5.0".length()));
    }
}
