package dev.llmproxy.release.pom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginConfigurationTest {
    @TempDir
    Path dir;

    private static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <parent><groupId>org.example</groupId><artifactId>parent</artifactId><version>3.1.0</version></parent>
              <artifactId>app</artifactId>
              <version>${revision}</version>
              <properties>
                <revision>2.0.0-SNAPSHOT</revision>
                <release.remote>upstream</release.remote>
                <release.bump>minor</release.bump>
                <github.owner>example-org</github.owner>
              </properties>
              <build>
                <pluginManagement>
                  <plugins>
                    <plugin>
                      <groupId>dev.llmproxy</groupId>
                      <artifactId>release-maven-plugin</artifactId>
                      <configuration>
                        <tagPrefix>managed-</tagPrefix>
                        <assets>dist/*.zip</assets>
                      </configuration>
                    </plugin>
                  </plugins>
                </pluginManagement>
                <plugins>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-release-plugin</artifactId>
                    <configuration><tagPrefix>other-</tagPrefix></configuration>
                  </plugin>
                  <plugin>
                    <groupId>dev.llmproxy</groupId>
                    <artifactId>release-maven-plugin</artifactId>
                    <configuration>
                      <tagPrefix>app-</tagPrefix>
                      <githubRepository>${github.owner}/app</githubRepository>
                      <releaseName>App ${project.version} (${project.groupId})</releaseName>
                      <notFromThisPlugin>x</notFromThisPlugin>
                    </configuration>
                    <executions>
                      <execution>
                        <id>default-cli</id>
                        <configuration><publish>true</publish></configuration>
                      </execution>
                      <execution>
                        <id>in-the-build</id>
                        <configuration><push>true</push></configuration>
                      </execution>
                    </executions>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    @Test
    void configurationOverUserPropertiesOverMavenConfigOverPomProperties() throws Exception {
        Files.writeString(dir.resolve("pom.xml"), POM);
        Files.createDirectories(dir.resolve(".mvn"));
        Files.writeString(dir.resolve(".mvn/maven.config"), "-Drelease.remote=fork -Drelease.bump=patch\n");

        Map<String, String> read = PluginConfiguration.read(dir, Map.of("release.bump", "major", "release.tagPrefix", "cli-"));

        assertEquals(new TreeMap<>(Map.of(
                "release.remote", "fork",
                "release.bump", "major",
                "release.tagPrefix", "app-",
                "release.assets", "dist/*.zip",
                "release.github.repository", "example-org/app",
                "release.name", "App 2.0.0-SNAPSHOT (org.example)",
                "release.publish", "true")), new TreeMap<>(read));
    }

    @Test
    void withoutPluginOrPropertiesOnlyTheUserPropertiesCount() throws Exception {
        Files.writeString(dir.resolve("pom.xml"), """
                <project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>a</artifactId>
                <version>1.0.0</version></project>
                """);

        assertEquals(Map.of("release.version", "1.0.0"), PluginConfiguration.read(dir, Map.of("release.version", "1.0.0",
                "other.property", "x")));
    }

    @Test
    void descriptorMapsParameterNamesToTheirProperties() {
        Map<String, String> parameters = PluginConfiguration.parameterProperties();

        assertEquals("release.github.skip", parameters.get("githubSkip"));
        assertEquals("release.notes.appendFile", parameters.get("notesAppendFile"));
        assertEquals("release.expect.head", parameters.get("expectHead"));
    }

    /** The text scan of the descriptor finds what a DOM parse of every {@code <configuration>} finds. */
    @Test
    void descriptorScanEqualsADomParse() throws Exception {
        Map<String, String> dom = new java.util.LinkedHashMap<>();
        try (var in = PluginConfiguration.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            var configurations = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                    .parse(in).getElementsByTagName("configuration");
            for (int i = 0; i < configurations.getLength(); i++) {
                for (var n = configurations.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                    var m = java.util.regex.Pattern.compile("\\$\\{(release\\.[^}]+)}").matcher(n.getTextContent().trim());
                    if (n instanceof org.w3c.dom.Element e && m.matches()) {
                        dom.put(e.getTagName(), m.group(1));
                    }
                }
            }
        }

        Map<String, String> scanned = PluginConfiguration.parameterProperties();

        assertEquals(dom, scanned);
        assertEquals(new java.util.ArrayList<>(dom.keySet()), new java.util.ArrayList<>(scanned.keySet()));
        assertTrue(scanned.size() >= 40, scanned::toString); // not two empty maps
    }

    @Test
    void nestedReferencesAreReplacedAndUnknownOnesStay() {
        assertEquals("a-b-${missing}", PluginConfiguration.interpolate("${x}-${missing}", Map.of("x", "a-${y}", "y", "b")));
    }
}
