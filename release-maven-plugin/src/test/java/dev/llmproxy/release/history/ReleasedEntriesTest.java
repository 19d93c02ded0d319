package dev.llmproxy.release.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReleasedEntriesTest {

    /** A synthetic changelog in the layout release-please writes: minor sections at level 2, older patches at level 3. */
    private static final String GENERATED = """
            # Changelog

            ## [1.3.0](https://github.com/o/r/compare/v1.2.1...v1.3.0) (2024-02-01)


            ### Features

            * **api:** add the widget ([#12](https://github.com/o/r/issues/12)) ([abcdef1](https://github.com/o/r/commit/abcdef1234))


            ### Dependencies

            * update module x to v2 ([#13](https://github.com/o/r/issues/13)) ([1234abc](https://github.com/o/r/commit/1234abc))

            ### [1.2.1](https://github.com/o/r/compare/v1.2.0...v1.2.1) (2024-01-15)


            ### Bug Fixes

            * mend the widget ([0a1b2c3](https://github.com/o/r/commit/0a1b2c3))
            """;

    @Test
    void readsTheEntriesOfOneVersionWithTheirCommitsAndNumbers() {
        List<ReleasedEntries.Entry> entries = ReleasedEntries.of(GENERATED, "1.3.0").orElseThrow();

        assertEquals(2, entries.size());
        assertEquals(Set.of("abcdef1", "abcdef1234"), entries.get(0).shas());
        assertEquals(Set.of(12), entries.get(0).pullRequests());
        assertEquals("add the widget", entries.get(0).normalised());
        assertEquals("update module x to v2", entries.get(1).normalised());
    }

    @Test
    void aPatchSectionAtLevelThreeEndsAtTheNextVersionHeading() {
        assertEquals(List.of("mend the widget"),
                ReleasedEntries.of(GENERATED, "1.2.1").orElseThrow().stream().map(ReleasedEntries.Entry::normalised).toList());
        assertEquals(Set.of("0a1b2c3"), ReleasedEntries.of(GENERATED, "1.2.1").orElseThrow().get(0).shas());
    }

    @Test
    void aVersionWithoutSectionIsEmptyAndAPrefixOfAnotherVersionDoesNotMatch() {
        assertEquals(Optional.empty(), ReleasedEntries.of(GENERATED, "1.2.0"));
        assertEquals(Optional.empty(), ReleasedEntries.of("## 1.2.10\n\n- a\n", "1.2.1"));
        assertEquals(1, ReleasedEntries.of("## v1.2.1 - 2024-01-01\n\n- a\n", "1.2.1").orElseThrow().size());
    }

    @Test
    void theBytesOfTheFileGiveTheSameSectionsAsItsText() {
        byte[] utf8 = (GENERATED + "## 1.0.0 ⚠\n\n- first\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String version : List.of("1.3.0", "1.2.1", "1.2.0", "1.0.0")) {
            assertEquals(ReleasedEntries.of(new String(utf8, java.nio.charset.StandardCharsets.UTF_8), version),
                    ReleasedEntries.of(utf8, version), version);
        }
        assertEquals(List.of("first"), ReleasedEntries.of(utf8, "1.0.0").orElseThrow().stream().map(ReleasedEntries.Entry::text).toList());
        assertEquals(2, ReleasedEntries.of(utf8, "1.3.0").orElseThrow().size());
    }

    @Test
    void normalisingDropsLinksReferencesAndPunctuation() {
        assertEquals("stream responses", ReleasedEntries.normalise("**proxy:** Stream responses (#40)."));
        assertEquals("stream responses", ReleasedEntries.normalise("stream responses ([abc1234](https://x/commit/abc1234))"));
        assertEquals("see the guide", ReleasedEntries.normalise("see [the guide](https://x/guide)"));
    }

    @Test
    void releaseCommitsOfTheCommonTools() {
        assertTrue(ReleaseCommits.isReleaseCommit("chore(release): 1.2.0"));
        assertTrue(ReleaseCommits.isReleaseCommit("chore(main): release 1.2.0 (#99)"));
        assertTrue(ReleaseCommits.isReleaseCommit("chore: release 1.2.0"));
        assertTrue(ReleaseCommits.isReleaseCommit("[maven-release-plugin] prepare release app-1.2.0"));
        assertTrue(ReleaseCommits.isReleaseCommit("Release 1.2.0"));
        assertTrue(ReleaseCommits.isReleaseCommit("Bump version to 1.2.0"));
        assertFalse(ReleaseCommits.isReleaseCommit("[maven-release-plugin] prepare for next development iteration"));
        assertFalse(ReleaseCommits.isReleaseCommit("feat: release notes for the widget"));
        assertFalse(ReleaseCommits.isReleaseCommit("Released the hounds"));
        assertFalse(ReleaseCommits.isReleaseCommit(null));
    }
}
