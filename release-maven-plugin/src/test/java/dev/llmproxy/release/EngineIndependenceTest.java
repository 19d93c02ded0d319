package dev.llmproxy.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/architecture.md: engine packages import nothing from org.apache.maven; only the mojo adapters do. */
class EngineIndependenceTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/llmproxy/release");
    // imports and fully qualified uses; a string such as the default plugin groupId is data, not a dependency
    private static final Pattern MAVEN_REFERENCE =
            Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?org\\.apache\\.maven\\.|[^\"\\w.]org\\.apache\\.maven\\.\\w+\\.[A-Z]");

    @Test
    void engineSourcesDoNotReferenceMaven() throws IOException {
        List<Path> engine = engineSources();
        assertFalse(engine.isEmpty(), "no engine sources found under " + SOURCES.toAbsolutePath());
        List<String> offenders = engine.stream()
                .filter(EngineIndependenceTest::referencesMaven)
                .map(Path::toString)
                .toList();
        assertEquals(List.of(), offenders, "engine code must not use org.apache.maven; move it to maven/");
    }

    @Test
    void theCheckRecognisesAnImportOfMaven() {
        assertEquals(true, MAVEN_REFERENCE.matcher("import org.apache.maven.plugin.Mojo;").find());
        assertEquals(true, MAVEN_REFERENCE.matcher("    throw new org.apache.maven.plugin.MojoFailureException(m);").find());
        assertEquals(false, MAVEN_REFERENCE.matcher("import org.eclipse.jgit.api.Git;").find());
        assertEquals(false, MAVEN_REFERENCE.matcher("String GROUP = \"org.apache.maven.plugins\";").find());
    }

    private static List<Path> engineSources() throws IOException {
        Path mojos = SOURCES.resolve("maven");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(mojos))
                    .sorted()
                    .toList();
        }
    }

    private static boolean referencesMaven(Path file) {
        try {
            return MAVEN_REFERENCE.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
