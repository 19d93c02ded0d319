package dev.llmproxy.release.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ChangelogUpdater#whole} gives the file that one {@link ChangelogUpdater#update} per release would give. */
class WholeChangelogTest {

    private static final ChangelogUpdater UPDATER = ChangelogUpdaterTest.UPDATER;

    @Test
    void wholeEqualsOneUpdatePerReleaseOldestFirst() {
        List<ReleaseNotes> newestFirst = List.of(
                ChangelogUpdaterTest.notes("1.1.0", "v1.0.1", "feat: b", "fix(api): c"),
                ChangelogUpdaterTest.notes("1.0.1", "v1.0.0", "fix: a"),
                ChangelogUpdaterTest.notes("1.0.0", null, "feat: first"));
        String updated = null;
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            updated = UPDATER.update(updated, newestFirst.get(i));
        }

        assertEquals(updated, UPDATER.whole(newestFirst));
    }

    @Test
    void withoutARepositoryThereAreNoReferences() {
        ReleaseInfo first = new ReleaseInfo(null, "0.1.0", "v0.1.0", null, LocalDate.of(2026, 3, 1));
        ReleaseInfo second = new ReleaseInfo(null, "0.2.0", "v0.2.0", "v0.1.0", LocalDate.of(2026, 3, 2));
        List<ReleaseNotes> newestFirst = List.of(
                new ReleaseNotes(second, List.of(), List.of(), List.of()),
                new ReleaseNotes(first, List.of(), List.of(), List.of()));

        assertEquals(UPDATER.update(UPDATER.update(null, newestFirst.get(1)), newestFirst.get(0)), UPDATER.whole(newestFirst));
        assertEquals(true, UPDATER.whole(newestFirst).endsWith("## 0.1.0 - 2026-03-01\n\nNo notable changes.\n"));
    }
}
