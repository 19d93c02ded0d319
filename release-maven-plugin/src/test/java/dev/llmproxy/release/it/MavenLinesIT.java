package dev.llmproxy.release.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plugin on every supported Maven line (issue 11 item 2): from 3.6.3, its declared minimum, to
 * the Maven that builds this repository. One scenario per line, the one that reaches most of Maven's
 * API: the custom {@code release} lifecycle of a consumer with {@code <extensions>true</extensions>}
 * ({@code mvn release-draft}: bump, changelog, draft with a push to a bare origin and a published
 * GitHub Release with assets on the stand-in).
 */
class MavenLinesIT {

    @TempDir
    Path dir;

    static List<MavenLine> lines() {
        return MavenLine.supported();
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("lines")
    void theReleaseLifecycleCutsTheReleaseOnEverySupportedMavenLine(MavenLine maven) throws Exception {
        assertTrue(maven.present(), "no Maven in " + maven.home()
                + ": the distributions are unpacked by `mvn pre-integration-test` of release-maven-plugin"
                + " (maven-dependency-plugin, execution maven-lines); run the ITs through Maven");
        try (DraftScenario scenario = new DraftScenario(dir, DraftScenario.POM_WITH_EXTENSIONS.formatted(Samples.pluginVersion(), ""))) {
            MavenRun.Result result = MavenRun.run(maven, scenario.dir(), scenario.env(), scenario.args("release-draft"));
            assertEquals(0, result.exitCode(), result::toString);
            String version = Samples.pluginVersion();
            for (String goal : List.of("bump (default-bump)", "changelog (default-changelog)", "draft (default-draft)")) {
                // Maven 3.9 names the plugin by its prefix, older Mavens by its artifactId
                String header = ":" + version + ":" + goal + " @ app ---";
                assertTrue(result.output().contains("--- release" + header)
                        || result.output().contains("--- release-maven-plugin" + header), result::toString);
            }
            scenario.assertReleased(result);
        }
    }
}
