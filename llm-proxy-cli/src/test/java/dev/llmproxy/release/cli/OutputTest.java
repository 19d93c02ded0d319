package dev.llmproxy.release.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Pure output helpers: Maven's error line, remote URLs without secrets, notes for the terminal. */
class OutputTest {

    @Test
    void firstUsefulErrorSkipsBlankLinesAndBoilerplate() {
        List<String> lines = List.of(
                "[ERROR] ",
                "[ERROR] Failed to execute goal dev.llmproxy:release-maven-plugin:0.1.0:draft (default-cli) on project app:"
                        + " tag v1.5.0 exists on another commit: delete it or release another version -> [Help 1]",
                "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.");

        assertEquals(Optional.of("tag v1.5.0 exists on another commit: delete it or release another version"),
                MavenRun.firstUsefulError(lines));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[ERROR] Plugin dev.llmproxy:release-maven-plugin:0.1.0 or one of its dependencies could not be resolved: x"
                + " | Plugin dev.llmproxy:release-maven-plugin:0.1.0 or one of its dependencies could not be resolved: x",
        "[ERROR] The goal you specified requires a project to execute but there is no POM in this directory (/x)."
                + " | The goal you specified requires a project to execute but there is no POM in this directory (/x).",
        "[ERROR] Failed to execute goal a:b:1:c (default-cli) on project p: Execution default-cli of goal a:b:1:c failed: boom"
                + " | Execution default-cli of goal a:b:1:c failed: boom"})
    void firstUsefulErrorKeepsWhatMavenSaid(String line, String expected) {
        assertEquals(Optional.of(expected), MavenRun.firstUsefulError(List.of("[ERROR] ", line)));
    }

    @Test
    void anErrorThatEndsInAColonKeepsTheLineThatSaysWhat() {
        List<String> lines = List.of(
                "[ERROR] [ERROR] Some problems were encountered while processing the POMs:",
                "[FATAL] Non-resolvable parent POM for org.example:app:1.0-SNAPSHOT: org.example:parent:pom:6.2 was not found",
                "[ERROR] -> [Help 1]");

        assertEquals(Optional.of("Some problems were encountered while processing the POMs: Non-resolvable parent"
                + " POM for org.example:app:1.0-SNAPSHOT: org.example:parent:pom:6.2 was not found"),
                MavenRun.firstUsefulError(lines));
    }

    @Test
    void noUsefulErrorLine() {
        assertEquals(Optional.empty(), MavenRun.firstUsefulError(List.of("[ERROR] ", "[ERROR] -> [Help 1]")));
    }

    @ParameterizedTest
    @CsvSource({
        "https://x-access-token:ghp_secret@github.com/o/r.git, https://github.com/o/r.git",
        "https://ghp_secret@github.com/o/r.git, https://github.com/o/r.git",
        "https://github.com/o/r.git, https://github.com/o/r.git",
        "git@github.com:o/r.git, git@github.com:o/r.git",
        "/srv/git/origin.git, /srv/git/origin.git"})
    void remoteUrlsAreShownWithoutCredentials(String url, String shown) {
        assertEquals(shown, Preview.withoutCredentials(url));
    }

    @Test
    void notesAreRenderedForTheTerminal() {
        String markdown = """
                ## [1.5.0](https://x/compare) (2026-11-30)

                ### ⚠ BREAKING CHANGES

                * **api:** drop `v1` ([#3](https://x/pull/3))
                  - nested __detail__
                Thanks to @dev!
                """;

        assertEquals("""
                >1.5.0 (2026-11-30)

                >⚠ BREAKING CHANGES

                >• api: drop v1 (#3)
                >  • nested detail
                >Thanks to @dev!
                """, new NotesText(new Style(false), true).render(markdown, ">"));
        assertEquals(">\u001b[1m1.5.0\u001b[0m\n>- \u001b[1mapi:\u001b[0m drop \u001b[36mv1\u001b[0m\n",
                new NotesText(new Style(true), false).render("# 1.5.0\n- **api:** drop `v1`", ">"));
    }

    /** CommonMark 0.31 §2.4: a backslash before ASCII punctuation shows that character; §6.1: code spans as written. */
    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
        "- cli: llm-proxy release draft\\|bump\\|changelog (bab722c) => • cli: llm-proxy release draft|bump|changelog (bab722c)",
        "- accept List\\<String\\> and a\\&b, 50\\% \\*off\\* \\_x\\_ \\~y\\~ \\$z => • accept List<String> and a&b, 50% *off* _x_ ~y~ $z",
        "- \\\\ a backslash, \\\\\\* and a star => • \\ a backslash, \\* and a star",
        "- \\# not a heading, 1\\. not a list, C# and \\a stay => • # not a heading, 1. not a list, C# and \\a stay",
        "- code keeps its escapes: `a\\|b` and ``x ` \\* y`` => • code keeps its escapes: a\\|b and x ` \\* y",
        "- \\*\\*not bold\\*\\* and \\[not a link\\](x) => • **not bold** and [not a link](x)",
        "- **api\\*:** [\\[bot\\] fix](https://x/pull/3) and [#4](https://x/4) => • api*: [bot] fix and #4",
        "- an unclosed ` and ** and [ stay => • an unclosed ` and ** and [ stay",
        "### C\\# support ### => C# support"})
    void notesShowEscapedCharactersAsWritten(String markdown, String shown) {
        assertEquals(shown + "\n", new NotesText(new Style(false), true).render(markdown, ""));
    }

    @Test
    void withoutVerboseMojoHeadersAndUploadLinesAreShown() {
        assertEquals(Optional.of("release-maven-plugin:0.1.0:draft (default-cli) @ app"),
                MavenRun.condensed("[INFO] --- release-maven-plugin:0.1.0:draft (default-cli) @ app ---"));
        assertEquals(Optional.of("Uploading app.jar: 12.3 / 40.0 MiB, 8.1 MiB/s"),
                MavenRun.condensed("[INFO] Uploading app.jar: 12.3 / 40.0 MiB, 8.1 MiB/s"));
        assertEquals(Optional.of("Uploading SHA256SUMS: 100 / 300 B, 512 B/s"),
                MavenRun.condensed("[INFO] Uploading SHA256SUMS: 100 / 300 B, 512 B/s"));
        assertEquals(Optional.empty(), MavenRun.condensed("[INFO] Uploading app.jar to the draft release"));
        assertEquals(Optional.empty(), MavenRun.condensed("[INFO] Building app 1.0.0"));
    }
}
