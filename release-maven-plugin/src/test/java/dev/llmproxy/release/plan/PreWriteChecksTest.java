package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmproxy.release.ReleaseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PreWriteChecks} on their own; RefusalsBeforeWritingTest runs each through the engine. */
class PreWriteChecksTest {
    @TempDir
    Path root;

    @Test
    void validTagNamesAndNoNextDevelopmentVersionPass() {
        PreWriteChecks.requireValidTagName("v", "v1.5.0");
        PreWriteChecks.requireValidTagName("", "1.5.0-rc.1");
        PreWriteChecks.requireValidTagName("release/", "release/1.5.0");
        PreWriteChecks.requireNextDevelopmentVersion(null, null);
    }

    @Test
    void aPrefixThatBreaksTheRulesIsNamedRatherThanTheVersion() {
        ReleaseException e = assertThrows(ReleaseException.class, () -> PreWriteChecks.requireValidTagName("v ", "v 1.5.0"));
        assertEquals("release.tagPrefix 'v ' makes the tag name 'v 1.5.0', which is not a valid git tag name (git refuses"
                + " spaces, ~ ^ : ? * [ \\ and control characters, '..', '@{', '//', and a name ending in '.', '/' or"
                + " '.lock'): set release.tagPrefix to letters, digits, '-', '_', '.' or '/' (e.g. -Drelease.tagPrefix=v),"
                + " then rerun", e.getMessage());
    }

    @Test
    void anAssetInsideTheReactorIsReturnedAndAMissingOneNamesTheFileAndThePattern() throws IOException {
        Path jar = Files.writeString(Files.createDirectories(root.resolve("dist")).resolve("app.jar"), "jar\n");
        assertSame(jar, PreWriteChecks.requireInsideRoot(root, jar, "dist/*.jar"));

        Path gone = root.resolve("dist/gone.jar");
        ReleaseException e = assertThrows(ReleaseException.class, () -> PreWriteChecks.requireInsideRoot(root, gone, "dist/*.jar"));
        assertEquals("cannot resolve the asset " + gone + " (" + gone + "): fix the file or the release.assets pattern"
                + " 'dist/*.jar', then rerun", e.getMessage());
    }
}
