package dev.llmproxy.release.notes;

import dev.llmproxy.release.commits.ConventionalCommit;
import dev.llmproxy.release.commits.ConventionalCommit.Footer;
import dev.llmproxy.release.commits.ConventionalCommit.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only stand-in for {@code commits.CommitParser} (written in parallel by another helper):
 * enough of Conventional Commits 1.0.0 to build {@link ConventionalCommit} values for the notes
 * tests and the benchmark. The lead replaces its uses with {@code CommitParser.parse} once merged.
 */
public final class TestCommits {

    private static final Pattern HEADER = Pattern.compile("^([A-Za-z][\\w-]*)(?:\\(([^()\\r\\n]*)\\))?(!)?: (\\S.*)$");
    private static final Pattern INVALID = Pattern.compile("^[A-Za-z][\\w-]*!?\\(.*\\)?!?:.*$");
    private static final Pattern FOOTER = Pattern.compile("^(BREAKING[ -]CHANGE|[\\w-]+)(: | #)(.*)$");
    private static final Pattern REVERTS = Pattern.compile("This reverts commit ([0-9a-f]{7,40})");

    private TestCommits() {}

    /** @return a parsed commit; {@code sha} may be any text */
    public static ConventionalCommit parse(String sha, String message, int parentCount) {
        String text = message.replace("\r\n", "\n").strip();
        int newline = text.indexOf('\n');
        String subject = newline < 0 ? text : text.substring(0, newline);
        String rest = newline < 0 ? "" : text.substring(newline + 1).strip();
        int lastBreak = rest.lastIndexOf("\n\n");
        String last = lastBreak < 0 ? rest : rest.substring(lastBreak + 2).strip();
        String body = rest;
        List<Footer> footers = new ArrayList<>();
        int firstNewline = last.indexOf('\n');
        if (!last.isEmpty() && FOOTER.matcher(firstNewline < 0 ? last : last.substring(0, firstNewline)).matches()) {
            body = lastBreak < 0 ? "" : rest.substring(0, lastBreak).strip();
            for (String line : last.split("\n")) {
                Matcher m = FOOTER.matcher(line);
                if (m.matches()) {
                    footers.add(new Footer(m.group(1), m.group(2), m.group(3).strip()));
                } else if (!footers.isEmpty()) {
                    Footer previous = footers.remove(footers.size() - 1);
                    footers.add(new Footer(previous.token(), previous.separator(), previous.value() + "\n" + line.strip()));
                }
            }
        }
        if (parentCount > 1 || subject.startsWith("Merge ")) {
            return new ConventionalCommit(sha, Kind.MERGE, null, null, false, subject, subject, rest, List.of(), List.of(), null);
        }
        if (subject.startsWith("Revert \"")) {
            Matcher m = REVERTS.matcher(rest);
            return new ConventionalCommit(sha, Kind.REVERT, null, null, false, subject, subject, body, footers, List.of(),
                    m.find() ? m.group(1) : null);
        }
        if (subject.matches("^(fixup|squash|amend)! .*")) {
            return new ConventionalCommit(sha, Kind.FIXUP, null, null, false, subject, subject, body, footers, List.of(), null);
        }
        Matcher h = HEADER.matcher(subject);
        if (!h.matches()) {
            Kind kind = INVALID.matcher(subject).matches() ? Kind.INVALID : Kind.FREE_TEXT;
            return new ConventionalCommit(sha, kind, null, null, false, subject, subject, body, footers, List.of(), null);
        }
        List<String> notes = new ArrayList<>();
        for (Footer f : footers) {
            if (f.token().equals("BREAKING CHANGE") || f.token().equals("BREAKING-CHANGE")) {
                notes.add(f.value());
            }
        }
        boolean bang = h.group(3) != null;
        if (bang && notes.isEmpty()) {
            notes.add(h.group(4));
        }
        return new ConventionalCommit(sha, Kind.CONVENTIONAL, h.group(1).toLowerCase(Locale.ROOT), h.group(2),
                bang || !notes.isEmpty(), h.group(4), subject, body, footers, notes, null);
    }

    /** @return a commit with a made-up 40-hex SHA derived from {@code n} */
    public static ConventionalCommit commit(int n, String message) {
        return parse(sha(n), message, 1);
    }

    /** @return a 40-hex SHA whose first 7 digits are {@code n} in hex */
    public static String sha(int n) {
        return String.format(Locale.ROOT, "%07x", n) + "abcdef0123456789abcdef0123456789a";
    }
}
