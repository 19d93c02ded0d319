package dev.llmproxy.release.notes;

import static dev.llmproxy.release.notes.TestCommits.commit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangelogUpdaterTest {

    static final ChangelogUpdater UPDATER = new ChangelogUpdater(new MarkdownRenderer(NotesConfig.GITHUB_BODY_LIMIT));

    static ReleaseNotes notes(String version, String previousTag, String... messages) {
        ReleaseInfo release = new ReleaseInfo("example-org/app", version, "v" + version, previousTag, LocalDate.of(2026, 3, 1));
        NotesBuilder builder = new NotesBuilder(NotesConfig.defaults().withLists(false, false));
        for (int i = 0; i < messages.length; i++) {
            builder.add(commit(i + 1, messages[i]));
        }
        return builder.build(release, (PullRequestSource) null);
    }

    static final String SHA1 = "https://github.com/example-org/app/commit/" + TestCommits.sha(1);

    @Test
    void aFirstReleaseCreatesTheFileWithACommitsLink() {
        String text = UPDATER.update(null, notes("1.0.0", null, "feat: first"));
        assertEquals("""
                # Changelog

                All notable changes to this project will be documented in this file.

                The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
                and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

                ## [1.0.0] - 2026-03-01

                ### Features

                - first ([0000001](%s))

                [1.0.0]: https://github.com/example-org/app/commits/v1.0.0
                """.formatted(SHA1), text);
    }

    /** Hand-written text full of odd Markdown, with CRLF line ends and no final newline. */
    static final String ODD = String.join("\r\n",
            "# Changelog",
            "Hand-written intro with *emphasis*, <b>html</b>, trailing spaces   ",
            "\t\ttabs and ünïcödé ✓",
            "",
            "## [Unreleased]",
            "- something pending, not released yet",
            "",
            "```markdown",
            "## [1.1.0] - fake heading inside a fence",
            "[1.1.0]: http://inside.fence/",
            "```",
            "",
            "## [1.0.0] - 2025-12-24",
            "",
            "### Features",
            "",
            "- older entry with [link][ref] and `code`",
            "",
            "Some loose paragraph the maintainer wrote.",
            "",
            "[unreleased]: https://github.com/example-org/app/compare/v1.0.0...HEAD",
            "[1.0.0]: https://github.com/example-org/app/commits/v1.0.0",
            "[ref]: https://example.org/ref");

    @Test
    void aNewVersionGoesBelowUnreleasedAndEverythingElseStaysByteForByte() {
        String updated = UPDATER.update(ODD, notes("1.1.0", "v1.0.0", "feat: new", "fix: repaired"));
        String section = String.join("\r\n",
                "## [1.1.0] - 2026-03-01",
                "",
                "### Features",
                "",
                "- new ([0000001](" + SHA1 + "))",
                "",
                "### Bug fixes",
                "",
                "- repaired ([0000002](https://github.com/example-org/app/commit/" + TestCommits.sha(2) + "))",
                "",
                "");
        String reference = "[1.1.0]: https://github.com/example-org/app/compare/v1.0.0...v1.1.0\r\n";
        int before = ODD.indexOf("## [1.0.0]");
        int refAt = ODD.indexOf("[1.0.0]: ");
        String expected = ODD.substring(0, before) + section + ODD.substring(before, refAt) + reference + ODD.substring(refAt);
        assertEquals(expected, updated);

        String rerun = UPDATER.update(updated, notes("1.1.0", "v1.0.0", "feat: newer", "fix: repaired"));
        assertEquals(expected.replace("- new (", "- newer ("), rerun);
        assertEquals(rerun, UPDATER.update(rerun, notes("1.1.0", "v1.0.0", "feat: newer", "fix: repaired")));
    }

    @Test
    void rerunOfTheLastSectionKeepsTheReferencesAndTextAfterIt() {
        String first = UPDATER.update(null, notes("1.0.0", null, "feat: first"));
        String again = UPDATER.update(first, notes("1.0.0", null, "feat: first", "fix: second"));
        assertTrue(again.endsWith("\n\n[1.0.0]: https://github.com/example-org/app/commits/v1.0.0\n"), again);
        assertEquals(1, MarkdownRendererTest.count(again, "## [1.0.0]"));
        assertTrue(again.contains("- second ("), again);
    }

    @Test
    void aFileWithoutVersionsGetsTheSectionAtItsEnd() {
        String text = "# Changelog\n\n## [Unreleased]\n\n- pending";
        String updated = UPDATER.update(text, notes("0.1.0", null, "feat: x"));
        assertTrue(updated.startsWith(text + "\n\n## [0.1.0] - 2026-03-01\n\n### Features\n\n- x ("), updated);
        assertTrue(updated.endsWith(")\n\n[0.1.0]: https://github.com/example-org/app/commits/v0.1.0\n"), updated);
    }

    @Test
    void updateFileWritesUtf8AndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("CHANGELOG.md");
        Files.writeString(file, ODD, StandardCharsets.UTF_8);
        UPDATER.updateFile(file, notes("1.1.0", "v1.0.0", "feat: ünïcödé ✓"));
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(written.contains("- ünïcödé ✓ ("), written);
        assertEquals(List.of(file), Files.list(dir).toList());
    }
}
