package dev.llmproxy.release.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagNamingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v      | v1.0.0             | 1.0.0",
        "v      | v0.10.0            | 0.10.0",
        "v      | v1.0.0-rc.10       | 1.0.0-rc.10",
        "v      | v1.0.0+build.7     | 1.0.0+build.7",
        "v      | v1.02.0            | ''",
        "v      | v1.0.0.1           | ''",
        "v      | v1                 | ''",
        "v      | v1.2               | ''",
        "v      | V1.0.0             | ''",
        "v      | 1.0.0              | ''",
        "v      | release-1.0.0      | ''",
        "v      | vv1.0.0            | ''",
        "v      | latest             | ''",
        "''     | 1.2.3              | 1.2.3",
        "''     | v1.2.3             | ''",
        "cli-v  | cli-v2.0.0         | 2.0.0",
        "cli-v  | v2.0.0             | ''"
    })
    void readsOnlyExactReleaseTagNames(String prefix, String tag, String expected) {
        TagNaming naming = new TagNaming(prefix);
        assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(SemVer.parse(expected)), naming.versionOf(tag));
        if (!expected.isEmpty()) {
            assertEquals(tag, naming.tagName(SemVer.parse(expected)));
        }
    }

    @Test
    void nullPrefixAndNullTag() {
        assertThrows(NullPointerException.class, () -> new TagNaming(null));
        assertEquals(Optional.empty(), new TagNaming("v").versionOf(null));
    }
}
