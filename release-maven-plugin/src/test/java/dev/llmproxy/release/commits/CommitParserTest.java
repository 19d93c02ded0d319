package dev.llmproxy.release.commits;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.llmproxy.release.commits.ConventionalCommit.Footer;
import dev.llmproxy.release.commits.ConventionalCommit.Kind;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommitParserTest {

    private static final String SHA = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";

    private static ConventionalCommit conventional(String type, String scope, String description, String subject,
            String body, List<Footer> footers, List<String> breakingNotes) {
        return new ConventionalCommit(SHA, Kind.CONVENTIONAL, type, scope, !breakingNotes.isEmpty(), description,
                subject, body, footers, breakingNotes, null);
    }

    private static Footer f(String token, String separator, String value) {
        return new Footer(token, separator, value);
    }

    /** Every example of the Conventional Commits 1.0.0 specification, and the rows of cases/commits.md. */
    static Stream<Arguments> conventionalMessages() {
        return Stream.of(
                // spec: "Commit message with description and breaking change footer"
                Arguments.of("feat: allow provided config object to extend other configs\n\n"
                                + "BREAKING CHANGE: `extends` key in config file is now used for extending other config files\n",
                        conventional("feat", null, "allow provided config object to extend other configs",
                                "feat: allow provided config object to extend other configs", "",
                                List.of(f("BREAKING CHANGE", ": ",
                                        "`extends` key in config file is now used for extending other config files")),
                                List.of("`extends` key in config file is now used for extending other config files"))),
                // spec: "Commit message with ! to draw attention to breaking change"
                Arguments.of("feat!: send an email to the customer when a product is shipped",
                        conventional("feat", null, "send an email to the customer when a product is shipped",
                                "feat!: send an email to the customer when a product is shipped", "", List.of(),
                                List.of("send an email to the customer when a product is shipped"))),
                // spec: "Commit message with scope and ! to draw attention to breaking change"
                Arguments.of("feat(api)!: send an email to the customer when a product is shipped",
                        conventional("feat", "api", "send an email to the customer when a product is shipped",
                                "feat(api)!: send an email to the customer when a product is shipped", "", List.of(),
                                List.of("send an email to the customer when a product is shipped"))),
                // spec: "Commit message with both ! and BREAKING CHANGE footer"
                Arguments.of("chore!: drop support for Node 6\n\n"
                                + "BREAKING CHANGE: use JavaScript features not available in Node 6.",
                        conventional("chore", null, "drop support for Node 6", "chore!: drop support for Node 6", "",
                                List.of(f("BREAKING CHANGE", ": ", "use JavaScript features not available in Node 6.")),
                                List.of("use JavaScript features not available in Node 6."))),
                // spec: "Commit message with no body"
                Arguments.of("docs: correct spelling of CHANGELOG",
                        conventional("docs", null, "correct spelling of CHANGELOG", "docs: correct spelling of CHANGELOG",
                                "", List.of(), List.of())),
                // spec: "Commit message with scope"
                Arguments.of("feat(lang): add Polish language",
                        conventional("feat", "lang", "add Polish language", "feat(lang): add Polish language", "",
                                List.of(), List.of())),
                // spec: "Commit message with multi-paragraph body and multiple footers"
                Arguments.of("fix: prevent racing of requests\n\n"
                                + "Introduce a request id and a reference to latest request. Dismiss\n"
                                + "incoming responses other than from latest request.\n\n"
                                + "Remove timeouts which were used to mitigate the racing issue but are\n"
                                + "obsolete now.\n\n"
                                + "Reviewed-by: Z\n"
                                + "Refs: #123\n",
                        conventional("fix", null, "prevent racing of requests", "fix: prevent racing of requests",
                                "Introduce a request id and a reference to latest request. Dismiss\n"
                                        + "incoming responses other than from latest request.\n\n"
                                        + "Remove timeouts which were used to mitigate the racing issue but are\n"
                                        + "obsolete now.",
                                List.of(f("Reviewed-by", ": ", "Z"), f("Refs", ": ", "#123")), List.of())),
                // spec FAQ: revert type with Refs footer
                Arguments.of("revert: let us never again speak of the noodle incident\n\nRefs: 676104e, a215868",
                        conventional("revert", null, "let us never again speak of the noodle incident",
                                "revert: let us never again speak of the noodle incident", "",
                                List.of(f("Refs", ": ", "676104e, a215868")), List.of())),
                // spec item 8-10: "token #value", multi-line values; item 16 BREAKING-CHANGE
                Arguments.of("fix(parser): keep going\n\nbody line\n\nCloses #42\nBREAKING-CHANGE: first line\n"
                                + "  second line\n\nthird paragraph\nCo-authored-by: A <a@example.com>",
                        conventional("fix", "parser", "keep going", "fix(parser): keep going", "body line",
                                List.of(f("Closes", " #", "42"),
                                        f("BREAKING-CHANGE", ": ", "first line\n  second line\n\nthird paragraph"),
                                        f("Co-authored-by", ": ", "A <a@example.com>")),
                                List.of("first line\n  second line\n\nthird paragraph"))),
                // commits.md rows
                Arguments.of("feat: x\n\nBREAKING CHANGE: drops Java 8\n",
                        conventional("feat", null, "x", "feat: x", "", List.of(f("BREAKING CHANGE", ": ", "drops Java 8")),
                                List.of("drops Java 8"))),
                Arguments.of("fix: y\n\nBREAKING-CHANGE: config key renamed\n",
                        conventional("fix", null, "y", "fix: y", "",
                                List.of(f("BREAKING-CHANGE", ": ", "config key renamed")), List.of("config key renamed"))),
                Arguments.of("feat: z\n\nRefs: #12\nBREAKING CHANGE: removed --legacy flag\n",
                        conventional("feat", null, "z", "feat: z", "",
                                List.of(f("Refs", ": ", "#12"), f("BREAKING CHANGE", ": ", "removed --legacy flag")),
                                List.of("removed --legacy flag"))),
                Arguments.of("feat(api)!: drop v1 endpoints\n",
                        conventional("feat", "api", "drop v1 endpoints", "feat(api)!: drop v1 endpoints", "", List.of(),
                                List.of("drop v1 endpoints"))),
                Arguments.of("fix!: change default port\n",
                        conventional("fix", null, "change default port", "fix!: change default port", "", List.of(),
                                List.of("change default port"))),
                Arguments.of("ci(deps)!: require JDK 21 in build image\n",
                        conventional("ci", "deps", "require JDK 21 in build image",
                                "ci(deps)!: require JDK 21 in build image", "", List.of(),
                                List.of("require JDK 21 in build image"))),
                // breaking footers are upper case only (spec item 15 exception); lower case is body text
                Arguments.of("feat: a\n\nbreaking change: not a footer\n\nBreaking-Change: only a trailer",
                        conventional("feat", null, "a", "feat: a", "breaking change: not a footer",
                                List.of(f("Breaking-Change", ": ", "only a trailer")), List.of())));
    }

    @ParameterizedTest
    @MethodSource("conventionalMessages")
    void parsesConventionalCommits(String message, ConventionalCommit expected) {
        assertEquals(expected, CommitParser.parse(SHA, message, 1));
    }

    @ParameterizedTest
    @MethodSource("conventionalMessages")
    void crlfAndLoneCrReadLikeLf(String message, ConventionalCommit expected) {
        assertEquals(expected, CommitParser.parse(SHA, message.replace("\n", "\r\n"), 1));
        assertEquals(expected, CommitParser.parse(SHA, message.replace("\n", "\r"), 1));
    }

    /** cases/commits.md "Scopes and type case": scopes as written, types in lower case. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "build(deps-dev): bump mockito-core from 4.8.1 to 5.2.0 | build | deps-dev    | bump mockito-core from 4.8.1 to 5.2.0",
        "feat(api/auth): add OAuth login                        | feat  | api/auth    | add OAuth login",
        "fix(readme.root): correct link                         | fix   | readme.root | correct link",
        "feat(my_feature): add flag                             | feat  | my_feature  | add flag",
        "fix(PROJ-123): null check                              | fix   | PROJ-123    | null check",
        "feat(@example/ui): new button                          | feat  | @example/ui | new button",
        "Feat: add export                                       | feat  |             | add export",
        "FIX: handle empty input                                | fix   |             | handle empty input",
        "feat:  two spaces after the colon                      | feat  |             | two spaces after the colon",
        "i18n(de): German texts                                 | i18n  | de          | German texts"
    })
    void keepsScopesAsWrittenAndLowerCasesTypes(String subject, String type, String scope, String description) {
        ConventionalCommit c = CommitParser.parse(SHA, subject, 1);
        assertEquals(Kind.CONVENTIONAL, c.kind());
        assertEquals(type, c.type());
        assertEquals(scope, c.scope());
        assertEquals(description, c.description());
        assertEquals(subject, c.subject());
        assertFalse(c.breaking());
    }

    /** Headers that try to be conventional but break the grammar (commits.md: misplaced bang). */
    @ParameterizedTest
    @ValueSource(strings = {
        "feat!(api): misplaced bang", "feat(api) : space before colon", "feat:no space", "feat(): empty scope",
        "feat: ", "feat(api: unclosed scope", "feat(a)(b): two scopes", "feat !: space before bang",
        "feat!!: two bangs", "feat(api)!:x"
    })
    void brokenHeadersAreInvalidNeverConventional(String subject) {
        ConventionalCommit c = CommitParser.parse(SHA, subject + "\n\nBREAKING CHANGE: ignored", 1);
        assertEquals(Kind.INVALID, c.kind());
        assertNull(c.type());
        assertEquals(subject, c.description());
        assertFalse(c.breaking());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Merge pull request #178 from example-org/feature/some-feature | 2",
        "Merge branch 'main' into feature/x                            | 1",
        "Merge remote-tracking branch 'origin/main'                    | 1",
        "Merge tag 'v1.0.0'                                            | 1",
        "Merge commit 'abc1234'                                        | 1",
        "feat: an octopus merge with a conventional subject            | 3",
        "Merged in feature/x (pull request #7)                         | 1"
    })
    void mergesAreMergesAndTheirBodyIsNotParsed(String subject, int parents) {
        ConventionalCommit c = CommitParser.parse(SHA, subject + "\n\nfeat: change smth\n\nBREAKING CHANGE: no", parents);
        assertEquals(Kind.MERGE, c.kind());
        assertNull(c.type());
        assertFalse(c.breaking());
        assertEquals(subject, c.description());
        assertEquals("feat: change smth\n\nBREAKING CHANGE: no", c.body());
        assertEquals(List.of(), c.footers());
    }

    @Test
    void mergeLikeFreeTextIsNotAMerge() {
        assertEquals(Kind.FREE_TEXT, CommitParser.parse(SHA, "Merge sort for the token list", 1).kind());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Revert \"feat: add x\"                  | This reverts commit 0123456789ABCDEF0123456789abcdef01234567. | 0123456789abcdef0123456789abcdef01234567",
        "Revert \"Revert \"\"feat: add x\"\"\"   | This reverts commit abc1234.                                   | abc1234",
        "Reapply \"feat: add x\"                 | This reverts commit abc1234.                                   | abc1234",
        "Revert \"feat: add x\"                  | Reverted by hand.                                              | ",
        "revert: feat: add x                     | This reverts commit abc1234.                                   | abc1234"
    })
    void revertsNameTheirTarget(String subject, String body, String reverted) {
        ConventionalCommit c = CommitParser.parse(SHA, subject + "\n\n" + body + "\n", 1);
        assertEquals(subject.startsWith("revert:") ? Kind.CONVENTIONAL : Kind.REVERT, c.kind());
        assertEquals(reverted, c.revertedSha());
        assertFalse(c.breaking());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fixup! feat: add x              | FIXUP",
        "squash! fix: y                  | FIXUP",
        "amend! feat(api): z             | FIXUP",
        "Update README.md                | FREE_TEXT",
        "WIP                             | FREE_TEXT",
        "Initial commit                  | FREE_TEXT",
        "Fix bug: crash on start         | FREE_TEXT",
        "''                              | FREE_TEXT"
    })
    void otherMessagesAreRecognised(String subject, Kind kind) {
        ConventionalCommit c = CommitParser.parse(SHA, subject, 1);
        assertEquals(kind, c.kind());
        assertEquals(subject, c.subject());
        assertEquals(subject, c.description());
        assertNull(c.type());
        assertFalse(c.breaking());
    }

    @Test
    void freeTextKeepsTrailersAndABreakingChangeIsNotLost() {
        ConventionalCommit c = CommitParser.parse(SHA,
                "Update the API\n\nRemoves /v1.\n\nBREAKING CHANGE: /v1 is gone\nSigned-off-by: Dev <d@example.com>", 1);
        assertEquals(Kind.FREE_TEXT, c.kind());
        assertEquals("Removes /v1.", c.body());
        assertEquals(List.of("/v1 is gone"), c.breakingNotes());
        assertEquals(List.of(f("BREAKING CHANGE", ": ", "/v1 is gone"), f("Signed-off-by", ": ", "Dev <d@example.com>")),
                c.footers());
    }

    @Test
    void leadingBlankLinesAndNullsAreTolerated() {
        ConventionalCommit c = CommitParser.parse(null, "\n\nfeat: x\n", 1);
        assertEquals("feat", c.type());
        assertEquals("", c.sha());
        assertEquals(Kind.FREE_TEXT, CommitParser.parse(SHA, null, 0).kind());
    }

    @Test
    void neverThrows() {
        Random random = new Random(7);
        String alphabet = "feat(!):# \n\r\t-_BREAKING CHANGE:Revert\"fixup!Merge 0a";
        for (int i = 0; i < 5000; i++) {
            StringBuilder message = new StringBuilder();
            for (int n = random.nextInt(60); n > 0; n--) {
                message.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = message.toString();
            assertDoesNotThrow(() -> CommitParser.parse(SHA, text, random.nextInt(3)), text);
        }
    }
}
