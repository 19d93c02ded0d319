package dev.llmproxy.release.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The modules packaging a jar, read from the poms when Maven's model is not at hand (the CLI's preview). */
class ReactorJarsTest {
    @TempDir
    Path root;

    private void pom(String path, String body) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">" + body + "</project>");
    }

    @Test
    void jarModulesWithTheParentsGroupIdAndTheirFinalNames() throws IOException {
        pom("pom.xml", "<groupId>org.example</groupId><artifactId>parent</artifactId><packaging>pom</packaging>");
        pom("core/pom.xml", "<parent><groupId>org.example</groupId><artifactId>parent</artifactId></parent>"
                + "<artifactId>core</artifactId>");
        pom("web/pom.xml", "<parent><groupId>org.example</groupId></parent><artifactId>web</artifactId><packaging>war</packaging>");
        pom("plugin/pom.xml", "<groupId>org.other</groupId><artifactId>tool</artifactId><packaging>maven-plugin</packaging>"
                + "<build><directory>out</directory><finalName>${project.artifactId}-custom-${project.version}</finalName></build>");

        List<ModuleJar> modules = ReactorJars.of(root,
                List.of("pom.xml", "core/pom.xml", "web/pom.xml", "plugin/pom.xml", ".mvn/maven.config"), "1.1.0-SNAPSHOT");

        assertEquals(List.of(
                new ModuleJar("org.example", "core", "core/pom.xml", root.resolve("core/target/core-1.1.0-SNAPSHOT.jar")),
                new ModuleJar("org.other", "tool", "plugin/pom.xml", root.resolve("plugin/out/tool-custom-1.1.0-SNAPSHOT.jar"))),
                modules);
    }
}
