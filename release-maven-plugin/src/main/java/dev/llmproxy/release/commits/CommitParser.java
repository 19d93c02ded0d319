package dev.llmproxy.release.commits;

import dev.llmproxy.release.commits.ConventionalCommit.Footer;
import dev.llmproxy.release.commits.ConventionalCommit.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one commit message as <a href="https://www.conventionalcommits.org/en/v1.0.0/">Conventional
 * Commits 1.0.0</a>, and recognises the other messages found in real histories (merges, reverts,
 * {@code fixup!}/{@code squash!}/{@code amend!}, free text, broken headers) so that none is lost.
 *
 * <p>Rules, with the spec's item numbers:
 *
 * <ul>
 *   <li>Header (items 1-5): {@code type(scope)!: description}; the type is letters, digits, {@code _}
 *       and {@code -} starting with a letter, matched case-insensitively and stored in lower case
 *       (item 15); the scope is anything but parentheses, kept exactly as written; {@code !} only
 *       right before the colon (item 13); the colon is followed by one space and a non-empty
 *       description.
 *   <li>A first line that tries to be such a header but breaks the grammar ({@code feat!(api): x},
 *       {@code feat(api) : x}, {@code feat:x}, {@code feat(): x}) is {@link Kind#INVALID}.
 *   <li>Body (items 6-7): the paragraphs after the header up to the footers; LF line ends; trimmed.
 *   <li>Footers (items 8-11, 16): they start at the first paragraph after the header whose first
 *       line is {@code token: value} or {@code token #value}; a token is a word with {@code -} instead
 *       of spaces, or {@code BREAKING CHANGE}. Every following line that is not itself a token line
 *       continues the previous value, so values may span lines (item 10).
 *   <li>Breaking (items 12-13, 16): {@code !} in the header, or a footer with the upper-case token
 *       {@code BREAKING CHANGE} or {@code BREAKING-CHANGE} and a non-empty value (an empty one is a warning of
 *       {@link CommitLint}, not a major release). A free-text commit with such a footer is
 *       breaking as well (it must not be lost); merges, reverts, fixups and invalid headers never are.
 *   <li>Merge: more than one parent, or a subject git or a forge writes for a merge ({@code Merge
 *       branch 'x'}, {@code Merge pull request #1 from ...}, {@code Merge remote-tracking branch ...},
 *       {@code Merge tag ...}, {@code Merge commit ...}). The body of a merge (which often repeats the
 *       branch's messages) is kept as body and never parsed for type or breaking changes.
 *   <li>Revert: a subject {@code Revert "..."} or {@code Reapply "..."}, as {@code git revert} writes;
 *       the SHA of {@code This reverts commit <sha>} in the body becomes {@code revertedSha}. That
 *       sentence also fills {@code revertedSha} of a conventional {@code revert:} commit.
 * </ul>
 *
 * <p>CRLF, lone CR and LF line ends are all accepted. A null message reads as empty.
 */
public final class CommitParser {

    private static final Pattern HEADER =
            Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)(?:\\(([^()\\n]+)\\))?(!)?:[ \\t]+(\\S.*)");
    /** A word, maybe parentheses and a bang in any order, then a colon: the shape of a header. */
    private static final Pattern HEADER_ATTEMPT =
            Pattern.compile("[A-Za-z][A-Za-z0-9_-]*\\s*(?:!\\s*)?(?:\\([^\\n]*\\)?\\s*)?(?:!\\s*)?:.*");
    private static final Pattern MERGE_SUBJECT = Pattern.compile(
            "Merge (?:branch(?:es)? |remote-tracking branch |pull request |tag |commit |'|\"|[0-9a-f]{7,40}\\b).*"
                    + "|Merged in .*|Merged PR .*");
    private static final Pattern REVERT_SUBJECT = Pattern.compile("(?:Revert|Reapply) \".*");
    private static final Pattern FIXUP_SUBJECT = Pattern.compile("(?:fixup|squash|amend)! .*");
    private static final Pattern FOOTER = Pattern.compile("(BREAKING CHANGE|[A-Za-z0-9][A-Za-z0-9_-]*)(: | #)(.*)");
    private static final Pattern REVERTS_COMMIT = Pattern.compile("This reverts commit ([0-9a-fA-F]{4,40})");

    private static final int NO_REST = -1;

    private CommitParser() {}

    /**
     * Parses one commit message. Never throws for any message.
     *
     * @param sha the commit's SHA (full 40 hex in production; may be empty in tests; null reads as
     *     empty)
     * @param message the full commit message as git stores it, may be null
     * @param parentCount the number of parents of the commit (more than one makes it a merge)
     * @return the parsed commit; see {@link ConventionalCommit} for the fields per kind
     */
    public static ConventionalCommit parse(String sha, String message, int parentCount) {
        String text = message == null ? "" : message.indexOf('\r') < 0 ? message
                : message.replace("\r\n", "\n").replace('\r', '\n');
        int subjectStart = 0;
        int subjectEnd = text.indexOf('\n');
        while (subjectEnd >= 0 && isBlank(text, subjectStart, subjectEnd)) {
            subjectStart = subjectEnd + 1;
            subjectEnd = text.indexOf('\n', subjectStart);
        }
        String subject = text.substring(subjectStart, subjectEnd < 0 ? text.length() : subjectEnd);
        // the lines after the subject start here; NO_REST when the subject is the last line
        int rest = subjectEnd < 0 ? NO_REST : subjectEnd + 1;
        String safeSha = sha == null ? "" : sha;

        Matcher header = HEADER.matcher(subject);
        Kind kind = kindOf(subject, parentCount, header);
        if (kind != Kind.CONVENTIONAL) {
            boolean hasFooters = kind == Kind.FREE_TEXT || kind == Kind.REVERT || kind == Kind.FIXUP;
            Sections s = hasFooters ? split(text, rest) : new Sections(restText(text, rest), List.of());
            List<String> notes = kind == Kind.FREE_TEXT ? breakingNotes(s.footers) : List.of();
            String reverted = kind == Kind.REVERT ? revertedSha(s.body) : null;
            return new ConventionalCommit(safeSha, kind, null, null, !notes.isEmpty(), subject, subject,
                    s.body, s.footers, notes, reverted);
        }
        String type = header.group(1).toLowerCase(Locale.ROOT);
        String description = header.group(4).strip();
        Sections s = split(text, rest);
        List<String> notes = new ArrayList<>(breakingNotes(s.footers));
        boolean bang = header.group(3) != null;
        if (bang && notes.isEmpty()) {
            notes.add(description);
        }
        String reverted = type.equals("revert") ? revertedSha(s.body) : null;
        return new ConventionalCommit(safeSha, kind, type, header.group(2), !notes.isEmpty(), description,
                subject, s.body, s.footers, notes, reverted);
    }

    /**
     * The prefix checks only skip regexes that cannot match; each regex still decides, so the
     * grammar is the patterns above.
     *
     * @param header {@link #HEADER}'s matcher over the subject; matched when the kind is conventional
     */
    private static Kind kindOf(String subject, int parentCount, Matcher header) {
        if (parentCount > 1 || subject.startsWith("Merge") && MERGE_SUBJECT.matcher(subject).matches()) {
            return Kind.MERGE;
        }
        if ((subject.startsWith("Revert \"") || subject.startsWith("Reapply \""))
                && REVERT_SUBJECT.matcher(subject).matches()) {
            return Kind.REVERT;
        }
        if ((subject.startsWith("fixup! ") || subject.startsWith("squash! ") || subject.startsWith("amend! "))
                && FIXUP_SUBJECT.matcher(subject).matches()) {
            return Kind.FIXUP;
        }
        if (header.matches()) {
            return Kind.CONVENTIONAL;
        }
        return HEADER_ATTEMPT.matcher(subject).matches() ? Kind.INVALID : Kind.FREE_TEXT;
    }

    private record Sections(String body, List<Footer> footers) {}

    /**
     * Body and footers of the lines from {@code rest} to the end of {@code text} (LF line ends),
     * read in place rather than split into lines: most of a long body is only copied.
     */
    private static Sections split(String text, int rest) {
        if (rest == NO_REST) {
            return new Sections("", List.of());
        }
        Matcher m = FOOTER.matcher(text);
        int start = footerStart(text, rest, m);
        if (start < 0) {
            return new Sections(restText(text, rest), List.of());
        }
        List<Footer> footers = new ArrayList<>();
        String token = null;
        String separator = null;
        StringBuilder value = new StringBuilder();
        for (int line = start; line <= text.length(); ) {
            int end = lineEnd(text, line);
            if (mayStartFooter(text, line, end) && m.region(line, end).matches()) {
                if (token != null) {
                    footers.add(new Footer(token, separator, value.toString().strip()));
                }
                token = m.group(1);
                separator = m.group(2);
                value.setLength(0);
                value.append(m.group(3));
            } else {
                value.append('\n').append(text, line, end);
            }
            line = end + 1;
        }
        footers.add(new Footer(token, separator, value.toString().strip()));
        String body = start == rest ? "" : text.substring(rest, start - 1).strip();
        return new Sections(body, footers);
    }

    /** Offset of the first line of the first paragraph that starts with a footer token, or -1. */
    private static int footerStart(String text, int rest, Matcher footer) {
        boolean paragraphStart = true;
        for (int line = rest; line <= text.length(); ) {
            int end = lineEnd(text, line);
            if (paragraphStart && mayStartFooter(text, line, end) && footer.region(line, end).matches()) {
                return line;
            }
            paragraphStart = isBlank(text, line, end);
            line = end + 1;
        }
        return -1;
    }

    /** A footer token starts with an ASCII letter or digit ({@link #FOOTER}). */
    private static boolean mayStartFooter(String text, int line, int end) {
        if (line == end) {
            return false;
        }
        char c = text.charAt(line);
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static int lineEnd(String text, int line) {
        int end = text.indexOf('\n', line);
        return end < 0 ? text.length() : end;
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String restText(String text, int rest) {
        return rest == NO_REST ? "" : text.substring(rest).strip();
    }

    private static List<String> breakingNotes(List<Footer> footers) {
        return footers.stream()
                .filter(CommitParser::isBreakingToken)
                .map(Footer::value)
                .filter(value -> !value.isBlank()) // an empty footer is a slip, not a major release: CommitLint warns
                .toList();
    }

    /**
     * @param footer a parsed footer
     * @return whether its token is {@code BREAKING CHANGE} or {@code BREAKING-CHANGE}, upper case as
     *     Conventional Commits 1.0.0 items 15-16 require
     */
    static boolean isBreakingToken(Footer footer) {
        return footer.token().equals("BREAKING CHANGE") || footer.token().equals("BREAKING-CHANGE");
    }

    private static String revertedSha(String body) {
        Matcher m = REVERTS_COMMIT.matcher(body);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }
}
