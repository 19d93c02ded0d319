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

    /** Issue #12 item 5: {@code release.tagPrefixes} reads several styles; the write prefix is always read. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v     | v,        | 1.102.0     | 1.102.0",
        "v     | ,v        | v1.103.0    | 1.103.0",
        "v     | ' v , '   | 1.0.0       | 1.0.0",
        "v     | ''        | 1.0.0       | ''",
        "v     | release-  | release-2.0.0 | 2.0.0",
        "v     | release-  | 2.0.0       | ''",
        "cli-v | ,cli-     | cli-v1.0.0  | 1.0.0",
        "cli-v | ,cli-     | cli-1.0.0   | 1.0.0",
        "cli-v | ,cli-     | 1.0.0       | 1.0.0",
        "cli-v | ,cli-     | v1.0.0      | ''"
    })
    void readsEveryListedPrefixAndWritesOne(String prefix, String readList, String tag, String expected) {
        TagNaming naming = TagNaming.of(prefix, readList);
        assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(SemVer.parse(expected)), naming.versionOf(tag));
        assertEquals(prefix + "1.2.3", naming.tagName(SemVer.parse("1.2.3")));
    }

    @Test
    void readPrefixesLongestFirstWithoutDuplicates() {
        assertEquals(java.util.List.of("release-", "v", ""), TagNaming.of("v", ",release-,v,").readPrefixes());
        assertEquals("release-,v,", TagNaming.of("v", ",release-,v,").describeReadPrefixes());
        assertEquals(java.util.List.of("v"), TagNaming.of("v", null).readPrefixes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v | ''  | 1.0.0         | 1.0.0",
        "v | ''  | V1.0.0        | 1.0.0",
        "v | ''  | release-1.0.0 | 1.0.0",
        "v | ''  | release/1.0.0 | 1.0.0",
        "v | ''  | app-1.0.0     | 1.0.0",
        "v | ''  | lib-1.0.0     | ''",
        "v | ''  | v1.0.0        | ''",
        "v | v,  | 1.0.0         | ''",
        "v | ''  | 1.02.0        | ''"
    })
    void looksLikeAReleaseInAnotherStyle(String prefix, String readList, String tag, String expected) {
        TagNaming naming = TagNaming.of(prefix, readList).withProjectName("app");
        assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(SemVer.parse(expected)),
                naming.lookalikeVersionOf(tag));
    }

    @Test
    void nullPrefixAndNullTag() {
        assertThrows(NullPointerException.class, () -> new TagNaming(null));
        assertEquals(Optional.empty(), new TagNaming("v").versionOf(null));
    }
}
