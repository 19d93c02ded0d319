package dev.llmproxy.release.it;

import static dev.llmproxy.release.it.Samples.mvnOk;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The custom {@code release} lifecycle (issue 4 item 7): a consumer that declares the plugin with
 * {@code <extensions>true</extensions>} runs {@code mvn release-draft}, which runs the bump,
 * changelog and draft goals in order, plus a goal of another plugin the consumer bound to the phase,
 * and ends in the same state as {@code release:draft}.
 */
class LifecycleIT {
    /** The consumer's own binding to the {@code release-draft} phase. */
    private static final String ANTRUN = """
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-antrun-plugin</artifactId>
                    <version>3.1.0</version>
                    <executions>
                      <execution>
                        <id>announce</id>
                        <phase>release-draft</phase>
                        <goals>
                          <goal>run</goal>
                        </goals>
                        <configuration>
                          <target>
                            <echo message="bound to release-draft: released ${project.version}"/>
                          </target>
                        </configuration>
                      </execution>
                    </executions>
                  </plugin>
            """;

    @TempDir
    Path dir;

    @Test
    void releaseDraftPhaseRunsTheThreeGoalsInOrderThenTheConsumersBinding() throws Exception {
        try (DraftScenario scenario = new DraftScenario(dir, DraftScenario.POM_WITH_EXTENSIONS.formatted(Samples.pluginVersion(), ANTRUN))) {
            MavenRun.Result result = mvnOk(scenario.dir(), scenario.env(), scenario.args("release-draft"));
            assertRunsInOrder(result.output());
            scenario.assertReleased(result);
        }
    }

    private static void assertRunsInOrder(String out) {
        List<String> inOrder = List.of(
                "--- release:" + Samples.pluginVersion() + ":bump (default-bump) @ app ---",
                "--- release:" + Samples.pluginVersion() + ":changelog (default-changelog) @ app ---",
                "--- release:" + Samples.pluginVersion() + ":draft (default-draft) @ app ---",
                "--- antrun:3.1.0:run (announce) @ app ---",
                // ${project.version} as Maven read it before release-bump: see the README
                "[echo] bound to release-draft: released 1.5.0-SNAPSHOT");
        int at = -1;
        for (String line : inOrder) {
            int next = out.indexOf(line, at + 1);
            assertTrue(next > at, "'" + line + "' after the previous step in:\n" + out);
            at = next;
        }
    }
}
