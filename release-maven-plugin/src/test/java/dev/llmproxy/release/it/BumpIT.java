package dev.llmproxy.release.it;

import static dev.llmproxy.release.it.Samples.mvnOk;
import static dev.llmproxy.release.it.Samples.plan;
import static dev.llmproxy.release.it.Samples.pluginVersion;
import static dev.llmproxy.release.it.Samples.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.git.TestRepos;
import dev.llmproxy.release.plan.ReleasePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code release:bump} run by the real {@code mvn} on sample projects: a multi-module reactor (case P2
 * of the pom field cases), a CI-friendly {@code ${revision}} project, and a consumer that also
 * has Apache's maven-release-plugin (goal prefix {@code release} too) in its build.
 */
class BumpIT {
    /** The reactor root of case P2; {@code %1$s} is the reactor's version, the other 1.4.0-SNAPSHOT is external. */
    private static final String P2_ROOT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>org.example</groupId>
              <artifactId>parent</artifactId>
              <version>%1$s</version>
              <packaging>pom</packaging>
              <modules>
                <module>core</module>
                <module>web</module>
                <module>build-plugin</module>
              </modules>
              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>org.example</groupId>
                    <artifactId>core</artifactId>
                    <version>%1$s</version>
                  </dependency>
                  <dependency>
                    <groupId>org.example</groupId>
                    <artifactId>web</artifactId>
                    <version>${project.version}</version>
                  </dependency>
                  <dependency>
                    <!-- external: same version string, must stay -->
                    <groupId>org.other</groupId>
                    <artifactId>lib</artifactId>
                    <version>1.4.0-SNAPSHOT</version>
                  </dependency>
                </dependencies>
              </dependencyManagement>
              <build>
                <pluginManagement>
                  <plugins>
                    <plugin>
                      <groupId>org.example</groupId>
                      <artifactId>build-plugin</artifactId>
                      <version>%1$s</version>
                    </plugin>
                  </plugins>
                </pluginManagement>
              </build>
            </project>
            """;

    /** A P2 module: only a {@code <parent>}; {@code %1$s} is its artifactId, {@code %2$s} the parent version. */
    private static final String P2_MODULE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>org.example</groupId>
                <artifactId>parent</artifactId>
                <version>%2$s</version>
              </parent>
              <artifactId>%1$s</artifactId>
            </project>
            """;

    private static final List<String> MODULES = List.of("core", "web", "build-plugin");

    @TempDir
    Path dir;

    private TestRepos reactor() {
        Map<String, String> poms = new HashMap<>(Map.of("pom.xml", P2_ROOT.formatted("1.4.0-SNAPSHOT")));
        MODULES.forEach(m -> poms.put(m + "/pom.xml", P2_MODULE.formatted(m, "1.4.0-SNAPSHOT")));
        TestRepos repo = Samples.project(dir, poms);
        repo.ta("v1.3.0");
        repo.c("-m", "feat(core): stream responses");
        repo.c("-m", "fix(web): keep headers");
        repo.c("-m", "docs: usage");
        return repo;
    }

    @Test
    void reactorDryRunPrintsThePlanAndChangesNothingThenTheBumpRewritesExactlyTheReactorVersions() throws Exception {
        TestRepos repo = reactor();
        String head = repo.sha("HEAD");

        MavenRun.Result dry = mvnOk(dir, Map.of(), MavenRun.PLUGIN + ":bump", "-Drelease.dryRun=true");

        ReleasePlan plan = plan(dir);
        assertEquals("v1.3.0", plan.previousTag());
        assertEquals("1.3.0", plan.previousVersion());
        assertEquals("1.4.0", plan.version());
        assertEquals("v1.4.0", plan.tag());
        assertEquals("minor", plan.bump());
        assertEquals(head, plan.headSha());
        assertEquals(new ReleasePlan.CommitCounts(3, 0, 1, 1, 1), plan.commits());
        assertEquals(List.of("pom.xml", "core/pom.xml", "web/pom.xml", "build-plugin/pom.xml", "CHANGELOG.md"), plan.files());
        assertFalse(plan.alreadyReleased());
        String out = dry.output();
        assertTrue(out.contains("[INFO] Last release: v1.3.0\n"), out);
        assertTrue(out.contains("[INFO] Commits: 3 (0 breaking, 1 feat, 1 fix, 1 other)\n"), out);
        assertTrue(out.contains("[INFO] Next version: 1.4.0 (minor: "), out);
        assertTrue(out.contains("[INFO] Tag: v1.4.0\n"), out);
        assertEquals(1, out.split("Next version:", -1).length - 1, "the aggregator goal runs once for the reactor: " + out);
        assertEquals("", repo.git("status", "--porcelain"), "a dry run changes nothing outside target/");
        assertEquals(head, repo.sha("HEAD"));
        assertEquals("v1.3.0", repo.git("tag", "--list"));

        mvnOk(dir, Map.of(), MavenRun.PLUGIN + ":bump");

        assertEquals(P2_ROOT.formatted("1.4.0"), read(dir.resolve("pom.xml")));
        for (String module : MODULES) {
            assertEquals(P2_MODULE.formatted(module, "1.4.0"), read(dir.resolve(module + "/pom.xml")), module);
        }
        assertEquals(head, repo.sha("HEAD"), "a bare release:bump does not commit");
        assertEquals("v1.3.0", repo.git("tag", "--list"), "a bare release:bump does not tag");
        assertEquals(" M build-plugin/pom.xml\n M core/pom.xml\n M pom.xml\n M web/pom.xml",
                repo.git("status", "--porcelain"));
    }

    @Test
    void revisionProjectChangesOnlyTheRevisionProperty() throws Exception {
        String root = """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.example</groupId>
                  <artifactId>ci-friendly</artifactId>
                  <version>${revision}</version>
                  <packaging>pom</packaging>
                  <properties>
                    <revision>%s</revision>
                  </properties>
                  <modules>
                    <module>app</module>
                  </modules>
                </project>
                """;
        String module = """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>org.example</groupId>
                    <artifactId>ci-friendly</artifactId>
                    <version>${revision}</version>
                  </parent>
                  <artifactId>app</artifactId>
                </project>
                """;
        TestRepos repo = Samples.project(dir, Map.of("pom.xml", root.formatted("2.1.0-SNAPSHOT"), "app/pom.xml", module));
        repo.ta("v2.0.0");
        repo.c("-m", "fix: retry on 503");

        mvnOk(dir, Map.of(), MavenRun.PLUGIN + ":bump");

        assertEquals("2.0.1", plan(dir).version());
        assertEquals(root.formatted("2.0.1"), read(dir.resolve("pom.xml")), "only the revision property changes");
        assertEquals(module, read(dir.resolve("app/pom.xml")), "the module keeps ${revision}");
    }

    /** A consumer; {@code %1$s} goes into {@code <pluginManagement><plugins>}, {@code %2$s} into {@code <plugins>}. */
    private static final String CONSUMER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>org.example</groupId>
              <artifactId>consumer</artifactId>
              <version>3.0.0-SNAPSHOT</version>
              <build>
                <pluginManagement>
                  <plugins>
            %1$s
                  </plugins>
                </pluginManagement>
                <plugins>
            %2$s
                </plugins>
              </build>
            </project>
            """;

    private static final String APACHE_RELEASE = """
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-release-plugin</artifactId>
                    <version>2.5.3</version>
                  </plugin>""";

    private static final String OURS = """
                  <plugin>
                    <groupId>dev.llmproxy</groupId>
                    <artifactId>release-maven-plugin</artifactId>
                    <version>%s</version>
                  </plugin>""".formatted(pluginVersion());

    private TestRepos consumer(String pom) {
        TestRepos repo = Samples.project(dir, Map.of("pom.xml", pom));
        repo.ta("v2.4.0");
        repo.c("-m", "feat!: drop the v1 API");
        return repo;
    }

    @Test
    void prefixReachesOurPluginWhenApacheReleasePluginIsManaged() throws Exception {
        String pom = CONSUMER.formatted(APACHE_RELEASE, OURS);
        consumer(pom);

        MavenRun.Result result = mvnOk(dir, Map.of(), "release:help", "release:bump", "-Drelease.dryRun=true");

        assertEquals("3.0.0", plan(dir).version(), "our plan.json: the prefix reached dev.llmproxy:release-maven-plugin");
        assertTrue(result.output().contains("--- release:" + pluginVersion() + ":help (default-cli) @ consumer ---"), result::toString);
        assertTrue(result.output().contains("release:draft"), "our help lists our goals: " + result.output());
        assertEquals(pom, read(dir.resolve("pom.xml")));
    }

    @Test
    void prefixReachesOurPluginWhenItIsDeclaredBeforeApacheReleasePlugin() throws Exception {
        consumer(CONSUMER.formatted("", OURS + "\n" + APACHE_RELEASE));

        mvnOk(dir, Map.of(), "release:bump", "-Drelease.dryRun=true");

        assertEquals("3.0.0", plan(dir).version());
    }

    /** The rule the README states: Maven takes the first plugin in {@code <plugins>} whose prefix matches. */
    @Test
    void prefixReachesApacheReleasePluginWhenItIsDeclaredFirst() throws Exception {
        consumer(CONSUMER.formatted("", APACHE_RELEASE + "\n" + OURS));

        MavenRun.Result result = MavenRun.run(dir, Map.of(), "release:bump", "-Drelease.dryRun=true");

        assertNotEquals(0, result.exitCode(), result::toString);
        assertTrue(result.output().contains("Could not find goal 'bump' in plugin org.apache.maven.plugins:maven-release-plugin:2.5.3"),
                result::toString);
        assertFalse(Files.exists(dir.resolve("target/release/plan.json")));
    }
}
