package dev.llmproxy.release.it;

import static dev.llmproxy.release.it.Samples.mvnOk;
import static dev.llmproxy.release.it.Samples.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.api.ModuleApiReport;
import dev.llmproxy.release.git.TestRepos;
import dev.llmproxy.release.notes.MarkdownText;
import dev.llmproxy.release.plan.ReleasePlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API check ({@code release.apiCheck}) as real Maven runs: a two-module library released and installed at its
 * previous version, then a change; this build's jars are compared with the installed ones.
 */
class ApiCheckIT {
    private static final String BUMP = MavenRun.PLUGIN + ":bump";

    @TempDir
    Path dir;

    private static String rootPom(String groupId, String version, String... modules) {
        StringBuilder list = new StringBuilder();
        for (String module : modules) {
            list.append("    <module>").append(module).append("</module>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>lib</artifactId>
                  <version>%s</version>
                  <packaging>pom</packaging>
                  <modules>
                %s  </modules>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <build>
                    <pluginManagement>
                      <plugins>
                        <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
                        <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                        <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
                        <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.3</version></plugin>
                        <plugin><artifactId>maven-install-plugin</artifactId><version>3.1.4</version></plugin>
                      </plugins>
                    </pluginManagement>
                  </build>
                </project>
                """.formatted(groupId, version, list);
    }

    private static String modulePom(String groupId, String version, String artifactId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>%s</groupId>
                    <artifactId>lib</artifactId>
                    <version>%s</version>
                  </parent>
                  <artifactId>%s</artifactId>
                </project>
                """.formatted(groupId, version, artifactId);
    }

    private static final String FOO_V1 = """
            package com.example.core;
            public class Foo {
                public int bar(int x) { return x; }
                public int keep() { return 1; }
            }
            """;
    private static final String IMPL_V1 = """
            package com.example.core.internal;
            public class Impl { public void x() {} }
            """;
    private static final String UTIL = """
            package com.example.util;
            public class Util { public static String hi() { return "hi"; } }
            """;

    /** The library at {@code version}, committed and tagged; installed into the ITs' local repository when asked. */
    private TestRepos released(String groupId, String version, boolean install) throws IOException, InterruptedException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", rootPom(groupId, version, "core", "util"));
        files.put("core/pom.xml", modulePom(groupId, version, "core"));
        files.put("util/pom.xml", modulePom(groupId, version, "util"));
        files.put("core/src/main/java/com/example/core/Foo.java", FOO_V1);
        files.put("core/src/main/java/com/example/core/internal/Impl.java", IMPL_V1);
        files.put("util/src/main/java/com/example/util/Util.java", UTIL);
        TestRepos repo = Samples.project(dir, files);
        repo.ta("v" + version);
        if (install) {
            mvnOk(dir, Map.of(), "-q", "install");
            repo.git("clean", "-fdxq");
        }
        return repo;
    }

    /** Moves the reactor to the next development version, as after a release. */
    private static void nextSnapshot(TestRepos repo, String groupId, String version, String... modules) {
        repo.write("pom.xml", rootPom(groupId, version, modules));
        for (String module : modules) {
            repo.write(module + "/pom.xml", modulePom(groupId, version, module));
        }
        repo.git("add", "-A");
        repo.c("-m", "chore: next development version");
    }

    private static void removeBar(TestRepos repo) {
        repo.write("core/src/main/java/com/example/core/Foo.java", FOO_V1.replace("    public int bar(int x) { return x; }\n", ""));
        repo.git("add", "-A");
        repo.c("-m", "fix: drop the unused bar");
    }

    @Test
    void aFixThatRemovesAPublicMethodWarnsFailsOrEscalates() throws Exception {
        TestRepos repo = released("org.example.apia", "1.0.0", true);
        nextSnapshot(repo, "org.example.apia", "1.0.1-SNAPSHOT", "core", "util");
        removeBar(repo);

        MavenRun.Result warn = mvnOk(dir, Map.of(), "package", BUMP, "-Drelease.dryRun=true");
        ReleasePlan planned = plan(dir);
        assertEquals("1.0.1", planned.version());
        ModuleApiReport core = planned.apiCheck().get("core");
        assertEquals("1.0.0", core.against());
        assertEquals(1, core.binaryIncompatible());
        assertEquals(0, core.sourceIncompatible());
        assertEquals(List.of("method removed Foo.bar(int)"), core.first());
        assertEquals(0, planned.apiCheck().get("util").incompatible());
        assertTrue(warn.output().contains("[WARNING] API check: 1 incompatible change in module core, first: method removed"
                + " Foo.bar(int); 1.0.1 is a patch release, the API needs a major one"), warn::toString);
        String notes = Samples.read(dir.resolve("target/release/notes.md"));
        assertTrue(notes.contains("\n## API check\n\n1.0.1 is a patch release, but the public API changed incompatibly since v1.0.0"
                + " (SemVer 2.0.0 asks for a major release):\n\n- " + MarkdownText.escape("core: method removed Foo.bar(int)") + "\n"), notes);

        MavenRun.Result fail = MavenRun.run(dir, Map.of(), BUMP, "-Drelease.apiCheck=fail");
        assertEquals(1, fail.exitCode(), fail::toString);
        assertTrue(fail.output().contains("API check: 1 incompatible change in module core, first: method removed Foo.bar(int);"
                + " 1.0.1 is a patch release, the API needs a major one: mark the change breaking"), fail::toString);
        assertEquals("", repo.git("status", "--porcelain"), "a refusal writes nothing");
        assertEquals("1.0.1-SNAPSHOT", Samples.read(dir.resolve("core/pom.xml")).replaceAll("(?s).*<version>([^<]*)</version>.*", "$1"));

        mvnOk(dir, Map.of(), BUMP, "-Drelease.dryRun=true", "-Drelease.apiCheck=escalate");
        ReleasePlan escalated = plan(dir);
        assertEquals("2.0.0", escalated.version());
        assertEquals("v2.0.0", escalated.tag());
        assertEquals("major", escalated.bump());
        assertEquals("major: API check: 1 incompatible change in module core, first: method removed Foo.bar(int)",
                escalated.reason());
    }

    @Test
    void anAddedMethodAndANewModuleAreNoMismatchAndAnExcludedPackageIsNotChecked() throws Exception {
        TestRepos repo = released("org.example.apib", "1.0.0", true);
        nextSnapshot(repo, "org.example.apib", "1.1.0-SNAPSHOT", "core", "util", "extra");
        repo.write("extra/src/main/java/com/example/extra/Extra.java", "package com.example.extra; public class Extra {}\n");
        repo.write("core/src/main/java/com/example/core/Foo.java", FOO_V1.replace("public int keep()", "public int added() { return 2; }\n    public int keep()"));
        repo.write("core/src/main/java/com/example/core/internal/Impl.java", "package com.example.core.internal;\npublic class Impl {}\n");
        repo.git("add", "-A");
        repo.c("-m", "feat: added, and an internal clean-up");

        MavenRun.Result excluded = mvnOk(dir, Map.of(), "package", BUMP, "-Drelease.dryRun=true",
                "-Drelease.apiCheck=fail", "-Drelease.apiCheck.excludes=*.internal.*");
        ReleasePlan planned = plan(dir);
        assertEquals("1.1.0", planned.version());
        assertEquals(0, planned.apiCheck().get("core").incompatible());
        assertEquals("new since v1.0.0", planned.apiCheck().get("extra").skipped());
        assertTrue(excluded.output().contains("API check extra: skipped, new since v1.0.0"), excluded::toString);

        MavenRun.Result unexcluded = MavenRun.run(dir, Map.of(), BUMP, "-Drelease.dryRun=true", "-Drelease.apiCheck=fail");
        assertEquals(1, unexcluded.exitCode(), unexcluded::toString);
        assertTrue(unexcluded.output().contains("[WARNING] API check: core: method removed Impl.x()"), unexcluded::toString);
    }

    @Test
    void beforeOneZeroAMinorIsWhatTheApiNeeds() throws Exception {
        TestRepos repo = released("org.example.apid", "0.3.0", true);
        nextSnapshot(repo, "org.example.apid", "0.3.1-SNAPSHOT", "core", "util");
        removeBar(repo);

        mvnOk(dir, Map.of(), "-q", "package"); // the jars first, so that llm-proxy's in-process preview sees them too
        mvnOk(dir, Map.of(), BUMP, "-Drelease.dryRun=true", "-Drelease.apiCheck=escalate");
        ReleasePlan planned = plan(dir);
        assertEquals("0.4.0", planned.version());
        assertEquals("minor", planned.bump());
    }

    @Test
    void aPreviousReleaseThatCannotBeResolvedOfflineIsAWarningNamingTheCoordinates() throws Exception {
        TestRepos repo = released("org.example.apif", "1.0.0", false);
        nextSnapshot(repo, "org.example.apif", "1.0.1-SNAPSHOT", "core", "util");
        removeBar(repo);

        MavenRun.Result result = mvnOk(dir, Map.of(), "-o", "package", BUMP, "-Drelease.dryRun=true");
        ReleasePlan planned = plan(dir);
        assertEquals("1.0.1", planned.version());
        assertEquals("org.example.apif:core:1.0.0 cannot be resolved (offline, or never deployed)",
                planned.apiCheck().get("core").skipped());
        assertTrue(result.output().contains("[WARNING] API check of module core skipped: org.example.apif:core:1.0.0 cannot be"
                + " resolved (offline, or never deployed); install or deploy it, or set release.apiCheck=off"), result::toString);
    }

    @Test
    void offChecksNothing() throws Exception {
        TestRepos repo = released("org.example.apio", "1.0.0", false);
        nextSnapshot(repo, "org.example.apio", "1.0.1-SNAPSHOT", "core", "util");
        removeBar(repo);
        mvnOk(dir, Map.of(), "-o", BUMP, "-Drelease.dryRun=true", "-Drelease.apiCheck=off");
        assertNull(plan(dir).apiCheck());
    }
}
