package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmproxy.release.github.RecordingLog;
import dev.llmproxy.release.pom.VersionFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link ReactorReport}: one info line for the poms left alone, in the reactor's order, and the CI-friendly
 * warning ({@code pom/ReactorVersionsTest} pins when a reactor has which).
 */
class ReactorReportTest {
    private final RecordingLog log = new RecordingLog();

    private static VersionFiles reactor(Map<String, String> skipped, Optional<String> ciFriendly) {
        return new VersionFiles() {
            @Override
            public Map<String, String> skippedPoms() {
                return skipped;
            }

            @Override
            public Optional<String> ciFriendlyWarning() {
                return ciFriendly;
            }

            @Override
            public String mode() {
                return MAVEN;
            }

            @Override
            public String version() {
                return "1.0.0";
            }

            @Override
            public List<String> files() {
                return List.of("pom.xml");
            }

            @Override
            public List<String> changesFor(String newVersion) {
                return List.of();
            }

            @Override
            public List<String> apply(String newVersion) {
                return List.of();
            }
        };
    }

    @Test
    void skippedPomsMakeOneLineAndTheCiFriendlyWarningFollows() {
        Map<String, String> skipped = new LinkedHashMap<>();
        skipped.put("samples/pom.xml", "not in the reactor");
        skipped.put("legacy/pom.xml", "another parent");

        new ReactorReport(log).report(reactor(skipped, Optional.of("pom.xml uses ${revision}")));

        assertEquals(List.of("INFO poms left alone by the version change: samples/pom.xml (not in the reactor);"
                + " legacy/pom.xml (another parent)", "WARN pom.xml uses ${revision}"), log.lines);
    }

    @Test
    void aPlainReactorSaysNothing() {
        new ReactorReport(log).report(reactor(Map.of(), Optional.empty()));

        assertEquals(List.of(), log.lines);
    }
}
