package dev.llmproxy.release.pom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.ReleaseException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ReactorVersionsTest {
    @TempDir
    Path dir;

    // Case P1 of cases/pom.md; %s is the project version.
    private static final String P1 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- Licensed to Example Org -->
            <project xmlns="http://maven.apache.org/POM/4.0.0"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
              <modelVersion>4.0.0</modelVersion>
              <groupId>org.example</groupId>
              <artifactId>app</artifactId>
              <version>%s</version><!-- managed by release:bump -->
              <properties>
                <!-- keep in sync with Dockerfile -->
                <other.lib.version>1.4.0</other.lib.version>
              </properties>
              <dependencies>
                <dependency>
                  <groupId>org.other</groupId>
                  <artifactId>lib</artifactId>
                  <version>1.4.0</version>
                </dependency>
              </dependencies>
            </project>
            """;

    // Case P2 of cases/pom.md; %1$s root version, %2$s core entry, %3$s build-plugin entry.
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
              <properties>
                <same.as.version>1.4.0-SNAPSHOT</same.as.version>
              </properties>
              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>org.example</groupId>
                    <artifactId>core</artifactId>
                    <version>%2$s</version>
                  </dependency>
                  <dependency>
                    <groupId>${project.groupId}</groupId>
                    <artifactId>web</artifactId>
                    <version>${project.version}</version>
                  </dependency>
                  <dependency>
                    <groupId>org.external</groupId>
                    <artifactId>core</artifactId>
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
                      <version>%3$s</version>
                    </plugin>
                  </plugins>
                </pluginManagement>
              </build>
            </project>
            """;

    private static final String MODULE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>org.example</groupId>
                <artifactId>parent</artifactId>
                <version>%1$s</version>
              </parent>
              <artifactId>%2$s</artifactId>
            </project>
            """;

    @Test
    void p1_crlfPomChangesExactlyTheProjectVersionLine() throws IOException {
        String before = crlf(P1.formatted("1.4.0"));
        write("pom.xml", before);

        ReactorVersions reactor = ReactorVersions.load(dir);
        assertEquals("1.4.0", reactor.version());
        assertEquals(List.of("pom.xml"), reactor.changesFor("1.5.0"));
        assertEquals(before, read("pom.xml"), "changesFor writes nothing");

        assertEquals(List.of("pom.xml"), reactor.apply("1.5.0"));

        String after = read("pom.xml");
        assertArrayEquals(crlf(P1.formatted("1.5.0")).getBytes(StandardCharsets.UTF_8), bytes("pom.xml"));
        assertEquals(
                List.of("  <version>1.4.0</version><!-- managed by release:bump -->\r\n"
                        + " -> " + "  <version>1.5.0</version><!-- managed by release:bump -->\r\n"),
                changedLines(before, after));
        assertFalse(after.replace("\r\n", "").contains("\n"), "every line still ends in CRLF");
        assertTrue(after.contains("<other.lib.version>1.4.0</other.lib.version>"));
    }

    @Test
    void p2_reactorChangesRootVersionParentsAndLiteralSiblingEntriesOnly() throws IOException {
        write("pom.xml", P2_ROOT.formatted("1.4.0-SNAPSHOT", "1.4.0-SNAPSHOT", "1.4.0-SNAPSHOT"));
        for (String module : List.of("core", "web", "build-plugin")) {
            write(module + "/pom.xml", MODULE.formatted("1.4.0-SNAPSHOT", module));
        }

        ReactorVersions reactor = ReactorVersions.load(dir);
        assertEquals("1.4.0-SNAPSHOT", reactor.version());
        List<String> expected = List.of("pom.xml", "core/pom.xml", "web/pom.xml", "build-plugin/pom.xml");
        assertEquals(expected, reactor.files());
        assertEquals(expected, reactor.changesFor("1.4.0"));
        assertEquals(expected, reactor.apply("1.4.0"));

        assertEquals(P2_ROOT.formatted("1.4.0", "1.4.0", "1.4.0"), read("pom.xml"));
        for (String module : List.of("core", "web", "build-plugin")) {
            assertEquals(MODULE.formatted("1.4.0", module), read(module + "/pom.xml"));
        }
        assertEquals(List.of(), ReactorVersions.load(dir).apply("1.4.0"), "rerun changes nothing");
    }

    @Test
    void revisionPropertyInPomIsTheOnlyChange() throws IOException {
        String root = """
                <project>
                  <groupId>org.example</groupId>
                  <artifactId>parent</artifactId>
                  <version>${revision}</version>
                  <modules><module>core</module></modules>
                  <properties>
                    <revision>%s</revision> <!-- the version -->
                    <other.version>1.4.0-SNAPSHOT</other.version>
                  </properties>
                </project>
                """;
        String core = """
                <project>
                  <parent><groupId>org.example</groupId><artifactId>parent</artifactId><version>${revision}</version></parent>
                  <artifactId>core</artifactId>
                </project>
                """;
        write("pom.xml", root.formatted("1.4.0-SNAPSHOT"));
        write("core/pom.xml", core);

        ReactorVersions reactor = ReactorVersions.load(dir);
        assertEquals("1.4.0-SNAPSHOT", reactor.version());
        assertEquals(List.of("pom.xml"), reactor.apply("1.4.0"));
        assertEquals(root.formatted("1.4.0"), read("pom.xml"));
        assertEquals(core, read("core/pom.xml"));
        assertEquals("1.4.0", ReactorVersions.load(dir).version());
    }

    @Test
    void revisionAndChangelistEmptyTheChangelistForARelease() throws IOException {
        String root = """
                <project>
                  <groupId>org.example</groupId>
                  <artifactId>app</artifactId>
                  <version>${revision}${changelist}</version>
                  <properties>
                    <revision>%s</revision>
                    <changelist>%s</changelist>
                  </properties>
                </project>
                """;
        write("pom.xml", root.formatted("1.4.0", "-SNAPSHOT"));

        ReactorVersions reactor = ReactorVersions.load(dir);
        assertEquals("1.4.0-SNAPSHOT", reactor.version());
        assertEquals(List.of("pom.xml"), reactor.apply("1.5.0"));
        assertEquals(root.formatted("1.5.0", ""), read("pom.xml"));
        assertEquals("1.5.0", ReactorVersions.load(dir).version());
    }

    @Test
    void mavenConfigEntryWinsOverThePomPropertyAndIsTheOneRewritten() throws IOException {
        String pom = """
                <project>
                  <groupId>org.example</groupId>
                  <artifactId>app</artifactId>
                  <version>${revision}</version>
                  <properties><revision>1.0.0-SNAPSHOT</revision></properties>
                </project>
                """;
        String config = "# release version\n-Drevision=%s\n-Dstyle.color=always -T 1C\n";
        write("pom.xml", pom);
        write(".mvn/maven.config", config.formatted("1.2.3"));

        ReactorVersions reactor = ReactorVersions.load(dir);
        assertEquals("1.2.3", reactor.version());
        assertEquals(List.of("pom.xml", ".mvn/maven.config"), reactor.files());
        assertEquals(List.of(".mvn/maven.config"), reactor.apply("1.3.0"));
        assertEquals(config.formatted("1.3.0"), read(".mvn/maven.config"));
        assertEquals(pom, read("pom.xml"));
    }

    @Test
    void moduleWithTheRootVersionMovesAndAnIndependentlyVersionedOneIsLeftAndReported() throws IOException {
        String root = """
                <project>
                  <groupId>org.example</groupId>
                  <artifactId>parent</artifactId>
                  <version>%s</version>
                  <modules><module>core</module><module>tools</module></modules>
                  <dependencies>
                    <dependency><groupId>org.example</groupId><artifactId>tools</artifactId><version>2.0.1</version></dependency>
                  </dependencies>
                </project>
                """;
        String core = """
                <project>
                  <parent><groupId>org.example</groupId><artifactId>parent</artifactId><version>%1$s</version></parent>
                  <artifactId>core</artifactId>
                  <version>%1$s</version>
                </project>
                """;
        String tools = """
                <project>
                  <parent><groupId>org.example</groupId><artifactId>parent</artifactId><version>%s</version></parent>
                  <artifactId>tools</artifactId>
                  <version>2.0.1</version>
                </project>
                """;
        write("pom.xml", root.formatted("1.4.0-SNAPSHOT"));
        write("core/pom.xml", core.formatted("1.4.0-SNAPSHOT"));
        write("tools/pom.xml", tools.formatted("1.4.0-SNAPSHOT"));

        ReactorVersions reactor = ReactorVersions.load(dir);
        assertEquals(Map.of("tools/pom.xml", "2.0.1"), reactor.independentlyVersioned());
        assertEquals(List.of("pom.xml", "core/pom.xml", "tools/pom.xml"), reactor.apply("1.4.0"));
        assertEquals(root.formatted("1.4.0"), read("pom.xml"));
        assertEquals(core.formatted("1.4.0"), read("core/pom.xml"));
        assertEquals(tools.formatted("1.4.0"), read("tools/pom.xml"), "only its parent version moves");
    }

    @Test
    void profilesContributeModulesAndSiblingCoordinates() throws IOException {
        String root = """
                <project>
                  <groupId>org.example</groupId>
                  <artifactId>parent</artifactId>
                  <version>%1$s</version>
                  <profiles>
                    <profile>
                      <id>extras</id>
                      <modules><module>extra</module></modules>
                      <dependencies>
                        <dependency><groupId>org.example</groupId><artifactId>extra</artifactId><version>%1$s</version></dependency>
                      </dependencies>
                      <build><pluginManagement><plugins><plugin>
                        <groupId>org.example</groupId><artifactId>extra</artifactId><version>%1$s</version>
                        <dependencies>
                          <dependency><groupId>org.example</groupId><artifactId>parent</artifactId><version>%1$s</version></dependency>
                        </dependencies>
                        <configuration><version>1.0.0</version></configuration>
                      </plugin></plugins></pluginManagement></build>
                    </profile>
                  </profiles>
                </project>
                """;
        String extra = """
                <project>
                  <parent><groupId>org.example</groupId><artifactId>parent</artifactId><version>%s</version></parent>
                  <artifactId>extra</artifactId>
                </project>
                """;
        write("pom.xml", root.formatted("1.0.0"));
        write("extra/pom.xml", extra.formatted("1.0.0"));

        assertEquals(List.of("pom.xml", "extra/pom.xml"), ReactorVersions.load(dir).apply("1.1.0"));
        assertEquals(root.formatted("1.1.0"), read("pom.xml"), "plugin <configuration> stays 1.0.0");
        assertEquals(extra.formatted("1.1.0"), read("extra/pom.xml"));
    }

    /** Issue #12 item 4: the reactor is what Maven builds; a missing profile-only module is no refusal. */
    @Test
    void aMissingModuleOfAnInactiveProfileIsSkippedAndAnExistingOneMoves() throws IOException {
        String root = """
                <project>
                  <groupId>org.example</groupId>
                  <artifactId>parent</artifactId>
                  <version>%s</version>
                  <modules><module>core</module></modules>
                  <profiles>
                    <profile>
                      <id>samples</id>
                      <modules><module>samples</module><module>extra</module></modules>
                    </profile>
                  </profiles>
                </project>
                """;
        String module = """
                <project>
                  <parent><groupId>org.example</groupId><artifactId>parent</artifactId><version>%s</version></parent>
                  <artifactId>%s</artifactId>
                  <modules><module>gone</module></modules>
                </project>
                """;
        write("pom.xml", root.formatted("1.0.0"));
        write("core/pom.xml", module.formatted("1.0.0", "core").replace("<modules><module>gone</module></modules>\n", ""));
        write("extra/pom.xml", module.formatted("1.0.0", "extra"));

        ReactorVersions reactor = ReactorVersions.load(dir);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("samples/pom.xml", "listed by pom.xml for profile 'samples' only, and does not exist;"
                + " Maven builds the default reactor without it");
        expected.put("extra/gone/pom.xml", "listed by extra/pom.xml for profile 'samples' only, and does not exist;"
                + " Maven builds the default reactor without it");
        assertEquals(expected, reactor.skippedPoms());
        assertEquals(List.of("pom.xml", "core/pom.xml", "extra/pom.xml"), reactor.apply("1.1.0"));
        assertEquals(module.formatted("1.1.0", "extra"), read("extra/pom.xml"));
    }

    @Test
    void aMissingModuleOfTheDefaultReactorIsStillRefused() throws IOException {
        write("pom.xml", """
                <project>
                  <groupId>org.example</groupId><artifactId>parent</artifactId><version>1.0.0</version>
                  <modules><module>samples</module></modules>
                  <profiles><profile><id>samples</id><modules><module>samples</module></modules></profile></profiles>
                </project>
                """);
        ReleaseException e = assertThrows(ReleaseException.class, () -> ReactorVersions.load(dir));
        assertEquals("pom.xml lists module 'samples' but samples does not exist: fix the <module> entry", e.getMessage());
    }

    @Test
    void independentlyVersionedModulesAreListedAsSkipped() throws IOException {
        write("pom.xml", """
                <project>
                  <groupId>org.example</groupId><artifactId>parent</artifactId><version>1.0.0</version>
                  <modules><module>tool</module></modules>
                </project>
                """);
        write("tool/pom.xml", """
                <project>
                  <parent><groupId>org.example</groupId><artifactId>parent</artifactId><version>1.0.0</version></parent>
                  <artifactId>tool</artifactId><version>3.2.0</version>
                </project>
                """);
        assertEquals(Map.of("tool/pom.xml", "own version 3.2.0 differs from the reactor's 1.0.0: independently versioned, its version is kept"),
                ReactorVersions.load(dir).skippedPoms());
    }

    private static final String CI_FRIENDLY = """
            <project>
              <modelVersion>%s</modelVersion>
              <groupId>org.example</groupId><artifactId>app</artifactId><version>${revision}</version>
              <properties><revision>1.0.0-SNAPSHOT</revision></properties>
              %s
            </project>
            """;

    /** Issue #10 item 11. */
    @Test
    void ciFriendlyVersionsWithoutTheFlattenPluginAreWarnedAbout() throws IOException {
        write("pom.xml", CI_FRIENDLY.formatted("4.0.0", ""));
        assertEquals(java.util.Optional.of("pom.xml uses the CI-friendly version ${revision} but no reactor pom declares"
                + " the flatten-maven-plugin, so installed and deployed poms would keep the expression: add"
                + " org.codehaus.mojo:flatten-maven-plugin with <updatePomFile>true</updatePomFile> and"
                + " <flattenMode>resolveCiFriendliesOnly</flattenMode> (Maven's \"Maven CI Friendly Versions\" page),"
                + " or move to Maven 4 (modelVersion 4.1.0)"), ReactorVersions.load(dir).ciFriendlyWarning());
    }

    @Test
    void ciFriendlyVersionsWithTheFlattenPluginOrMaven4OrALiteralVersionAreFine() throws IOException {
        String flatten = "<plugin><groupId>org.codehaus.mojo</groupId><artifactId>flatten-maven-plugin</artifactId></plugin>";
        for (String pom : List.of(
                CI_FRIENDLY.formatted("4.0.0", "<build><plugins>" + flatten + "</plugins></build>"),
                CI_FRIENDLY.formatted("4.0.0", "<build><pluginManagement><plugins>" + flatten + "</plugins></pluginManagement></build>"),
                CI_FRIENDLY.formatted("4.1.0", ""),
                P1.formatted("1.0.0"))) {
            write("pom.xml", pom);
            assertEquals(java.util.Optional.empty(), ReactorVersions.load(dir).ciFriendlyWarning(), pom);
        }
    }

    @Test
    void aParentOutsideTheReactorMayDeclareTheFlattenPluginSoNothingIsSaid() throws IOException {
        write("pom.xml", CI_FRIENDLY.formatted("4.0.0", "").replace("<groupId>org.example</groupId><artifactId>app",
                "<parent><groupId>org.example.parent</groupId><artifactId>corporate</artifactId><version>7</version>"
                        + "</parent><groupId>org.example</groupId><artifactId>app"));

        assertEquals(java.util.Optional.empty(), ReactorVersions.load(dir).ciFriendlyWarning());
    }

    @Test
    void aFlattenPluginOnlyInAProfileDoesNotCount() throws IOException {
        String flatten = "<plugin><groupId>org.codehaus.mojo</groupId><artifactId>flatten-maven-plugin</artifactId></plugin>";
        write("pom.xml", CI_FRIENDLY.formatted("4.0.0",
                "<profiles><profile><id>f</id><build><plugins>" + flatten + "</plugins></build></profile></profiles>"));
        assertTrue(ReactorVersions.load(dir).ciFriendlyWarning().isPresent());
    }

    @Test
    void aPomChangedOnDiskAfterReadingIsNotOverwritten() throws IOException {
        write("pom.xml", P1.formatted("1.0.0"));
        ReactorVersions reactor = ReactorVersions.load(dir);
        String edited = P1.formatted("1.0.0").replace("keep in sync", "edited meanwhile");
        write("pom.xml", edited);

        ReleaseException e = assertThrows(ReleaseException.class, () -> reactor.apply("1.1.0"));
        assertEquals("pom.xml changed since the reactor was read: rerun", e.getMessage());
        assertEquals(edited, read("pom.xml"));
    }

    @Test
    void rerunAtTheNewVersionChangesNothing() throws IOException {
        write("pom.xml", P1.formatted("1.5.0"));
        byte[] before = bytes("pom.xml");

        ReactorVersions reactor = ReactorVersions.load(dir);
        assertEquals(List.of(), reactor.changesFor("1.5.0"));
        assertEquals(List.of(), reactor.apply("1.5.0"));
        assertArrayEquals(before, bytes("pom.xml"));
    }

    @Test
    void byteOrderMarkAndLatin1EncodingAreKept() throws IOException {
        String pom = "<?xml version='1.0' encoding='ISO-8859-1'?>\n<project>\n  <name>Grüße</name>\n"
                + "  <groupId>org.example</groupId><artifactId>app</artifactId>\n  <version>%s</version>\n</project>\n";
        writeBytes("pom.xml", pom.formatted("1.0.0"), StandardCharsets.ISO_8859_1, false);
        writeBytes("bom/pom.xml", pom.replace("ISO-8859-1", "UTF-8").formatted("1.0.0"), StandardCharsets.UTF_8, true);

        ReactorVersions.load(dir).apply("2.0.0");
        ReactorVersions.load(dir.resolve("bom")).apply("2.0.0");

        assertArrayEquals(pom.formatted("2.0.0").getBytes(StandardCharsets.ISO_8859_1), bytes("pom.xml"));
        byte[] expected = ("\uFEFF" + pom.replace("ISO-8859-1", "UTF-8").formatted("2.0.0")).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, bytes("bom/pom.xml"));
    }

    @Test
    void whitespaceInsideTheVersionElementKeepsItsCrlf() throws IOException {
        String pom = "<project>\r\n  <groupId>org.example</groupId>\r\n  <artifactId>app</artifactId>\r\n"
                + "  <version >\r\n    %s\r\n  </version>\r\n</project>\r\n";
        write("pom.xml", pom.formatted("1.0.0"));

        ReactorVersions.load(dir).apply("1.0.1");

        assertEquals(pom.formatted("1.0.1"), read("pom.xml"));
    }

    @Test
    void malformedModulePomIsRefusedNamingTheFile() throws IOException {
        write("pom.xml", P2_ROOT.formatted("1.4.0-SNAPSHOT", "1.4.0-SNAPSHOT", "1.4.0-SNAPSHOT"));
        write("core/pom.xml", MODULE.formatted("1.4.0-SNAPSHOT", "core"));
        write("web/pom.xml", "<project><artifactId>web</project>\n");
        write("build-plugin/pom.xml", MODULE.formatted("1.4.0-SNAPSHOT", "build-plugin"));

        ReleaseException e = assertThrows(ReleaseException.class, () -> ReactorVersions.load(dir));
        assertEquals("web/pom.xml is not well-formed XML (Mismatched closing tag: expected '</artifactId>' but found"
                + " '</project>' at position 34): fix the file, then rerun", e.getMessage());
    }

    @Test
    void nonPomIsRefusedNamingTheFile() throws IOException {
        write("pom.xml", "<settings><localRepository>/tmp</localRepository></settings>\n");

        ReleaseException e = assertThrows(ReleaseException.class, () -> ReactorVersions.load(dir));
        assertEquals("pom.xml is not a Maven POM (root element <settings>, expected <project>):"
                + " fix the file or its <modules> entry, then rerun", e.getMessage());
    }

    @Test
    void failedMoveLeavesEveryFileAsItWas() throws IOException {
        write("pom.xml", P2_ROOT.formatted("1.4.0-SNAPSHOT", "1.4.0-SNAPSHOT", "1.4.0-SNAPSHOT"));
        for (String module : List.of("core", "web", "build-plugin")) {
            write(module + "/pom.xml", MODULE.formatted("1.4.0-SNAPSHOT", module));
        }
        Map<String, byte[]> before = new LinkedHashMap<>();
        for (String file : List.of("pom.xml", "core/pom.xml", "web/pom.xml", "build-plugin/pom.xml")) {
            before.put(file, bytes(file));
        }
        int[] moves = {0};
        AtomicFiles.Mover failsOnThirdMove = (source, target) -> {
            if (++moves[0] == 3) {
                throw new IOException("disk full");
            }
            AtomicFiles.ATOMIC_MOVE.move(source, target);
        };

        ReleaseException e = assertThrows(
                ReleaseException.class, () -> ReactorVersions.load(dir).apply("1.4.0", failsOnThirdMove));

        assertEquals("could not write web/pom.xml (java.io.IOException: disk full): no file was changed;"
                + " fix the cause and rerun", e.getMessage());
        for (Map.Entry<String, byte[]> file : before.entrySet()) {
            assertArrayEquals(file.getValue(), bytes(file.getKey()), file.getKey());
        }
        try (var files = Files.walk(dir)) {
            assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".tmp")).toList(), "no temp file left");
        }
    }

    @Test
    void invalidNewVersionIsRefused() throws IOException {
        write("pom.xml", P1.formatted("1.4.0"));
        ReleaseException e = assertThrows(ReleaseException.class, () -> ReactorVersions.load(dir).apply("1.5.0</version>"));
        assertEquals("new version '1.5.0</version>' is not a plain Maven version (letters, digits, . _ + -):"
                + " give a version such as 1.5.0", e.getMessage());
    }

    private static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    /** "old -> new" for each line that differs; both texts must have the same number of lines. */
    private static List<String> changedLines(String before, String after) {
        String[] a = before.split("(?<=\n)");
        String[] b = after.split("(?<=\n)");
        assertEquals(a.length, b.length, "line count");
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals(b[i])) {
                changed.add(a[i] + " -> " + b[i]);
            }
        }
        return changed;
    }

    private void write(String relative, String content) throws IOException {
        writeBytes(relative, content, StandardCharsets.UTF_8, false);
    }

    private void writeBytes(String relative, String content, Charset charset, boolean bom) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, ((bom ? "\uFEFF" : "") + content).getBytes(charset));
    }

    private String read(String relative) throws IOException {
        return Files.readString(dir.resolve(relative));
    }

    /** test-strength.md §1.2 #6: a rewritten pom keeps its POSIX mode (a temporary file starts at 0600). */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void rewrittenPomsKeepTheirFileModes() throws IOException {
        write("pom.xml", P2_ROOT.formatted("1.4.0-SNAPSHOT", "1.4.0-SNAPSHOT", "1.4.0-SNAPSHOT"));
        Map<String, String> modes = new LinkedHashMap<>();
        modes.put("pom.xml", "rw-r--r--");
        modes.put("core/pom.xml", "rw-rw-r--");
        modes.put("web/pom.xml", "rw-r-----");
        modes.put("build-plugin/pom.xml", "rwxr-xr-x");
        for (String module : List.of("core", "web", "build-plugin")) {
            write(module + "/pom.xml", MODULE.formatted("1.4.0-SNAPSHOT", module));
        }
        for (var mode : modes.entrySet()) {
            Files.setPosixFilePermissions(dir.resolve(mode.getKey()), PosixFilePermissions.fromString(mode.getValue()));
        }

        assertEquals(List.copyOf(modes.keySet()), ReactorVersions.load(dir).apply("1.4.0"));

        for (var mode : modes.entrySet()) {
            assertEquals(mode.getValue(), PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(mode.getKey()))),
                    mode.getKey());
        }
        assertEquals(P2_ROOT.formatted("1.4.0", "1.4.0", "1.4.0"), read("pom.xml"));
    }

    private byte[] bytes(String relative) throws IOException {
        return Files.readAllBytes(dir.resolve(relative));
    }
}
