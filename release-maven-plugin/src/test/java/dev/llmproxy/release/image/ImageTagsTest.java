package dev.llmproxy.release.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmproxy.release.version.SemVer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ImageTagsTest {
    // Known releases of case W1 plus older ones: 1.4.0 is the highest stable.
    private static final String KNOWN = "1.0.0 1.3.0 1.3.1 1.4.0 1.5.0-rc.1 1.4.0+build.7";

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // W1: the highest stable gets version, X.Y, X and latest
        "1.4.0            | " + KNOWN + " | 1.4.0 1.4 1 latest",
        // W1: a pre-release gets its own tag only, even above every stable release
        "1.5.0-rc.1       | " + KNOWN + " | 1.5.0-rc.1",
        // W1: build metadata never reaches a tag with '+'; precedence ignores it (SemVer §10)
        "1.4.0+build.7    | " + KNOWN + " | 1.4.0_build.7 1.4 1 latest",
        // an older stable release gets its version only, also a patch of an older line
        "1.3.1            | " + KNOWN + " | 1.3.1",
        "1.3.2            | " + KNOWN + " | 1.3.2",
        // the version need not be among the known releases
        "1.4.1            | " + KNOWN + " | 1.4.1 1.4 1 latest",
        "2.0.0            | " + KNOWN + " | 2.0.0 2.0 2 latest",
        // first release ever, and pre-1.0
        "0.1.0            | -             | 0.1.0 0.1 0 latest",
        // a higher pre-release does not stop a stable release from being latest
        "1.4.2            | 1.4.0 2.0.0-rc.1 | 1.4.2 1.4 1 latest",
        // a higher stable does, whatever the order of the list
        "1.9.0            | 10.0.0 1.9.0 | 1.9.0",
        // pre-release with build metadata
        "2.0.0-rc.1+sha.5114f85 | " + KNOWN + " | 2.0.0-rc.1_sha.5114f85",
    })
    void tagsFollowTheOneRule(String version, String known, String expected) {
        List<SemVer> knownReleases = "-".equals(known)
                ? List.of()
                : Arrays.stream(known.split(" ")).map(SemVer::parse).toList();

        List<String> tags = ImageTags.tags(SemVer.parse(version), knownReleases);

        assertEquals(List.of(expected.split(" ")), tags);
    }

    /**
     * Build metadata's {@code +} becomes {@code _} (OCI tags allow no {@code +}); the rule's own tags ({@code X.Y},
     * {@code X}, {@code latest}) are lower case; a version's tag keeps the version's case, which OCI tags allow (only
     * image names must be lower case).
     */
    @ParameterizedTest
    @CsvSource({
        "1.4.0+build.7,              1.4.0_build.7 1.4 1 latest",
        "1.0.0-alpha+001,            1.0.0-alpha_001",
        "1.0.0+20130313144700,       1.0.0_20130313144700 1.0 1 latest",
        "1.0.0-beta+exp.sha.5114f85, 1.0.0-beta_exp.sha.5114f85",
        "1.0.0-RC.1+Build.7,         1.0.0-RC.1_Build.7",
    })
    void buildMetadataIsWrittenWithAnUnderscoreAndTheCaseIsKept(String version, String expected) {
        assertEquals(List.of(expected.split(" ")), ImageTags.tags(SemVer.parse(version), List.of()));
    }

    @Test
    void aVersionTooLongForATagFailsBeforeAnythingIsPushed() {
        SemVer longVersion = SemVer.parse("1.0.0-" + "a".repeat(130));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageTags.versionTag(longVersion));

        String version = "1.0.0-" + "a".repeat(130);
        assertEquals("version '" + version + "' gives image tag '" + version + "', longer than the 128 characters a tag"
                + " allows: shorten its pre-release or build metadata", e.getMessage());
    }
}
