package dev.llmproxy.release.commits;

import dev.llmproxy.release.commits.ConventionalCommit.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warnings about commit messages that probably do not mean what {@link CommitParser} reads in
 * them. The parser follows Conventional Commits 1.0.0 to the letter; these are the places where a
 * user would expect otherwise, each named with its commit (docs/release.md, "Commit messages"):
 *
 * <ul>
 *   <li>{@link #INVALID_HEADER}: a first line that tries to be a header but breaks the grammar; not
 *       counted.
 *   <li>{@link #EMPTY_BREAKING_FOOTER}: {@code BREAKING CHANGE: } with nothing after it; not a
 *       breaking change (a {@code !} in the header still is).
 *   <li>{@link #BREAKING_FOOTER_VARIANT}: {@code breaking change:} in another case, or the plural
 *       {@code BREAKING CHANGES:}; item 15 of the spec requires the token in upper case and item 16
 *       names only {@code BREAKING CHANGE} and {@code BREAKING-CHANGE}, so the commit is not counted
 *       as breaking.
 *   <li>{@link #BREAKING_FOOTER_IN_BODY}: {@code BREAKING CHANGE: x} on a line inside a body
 *       paragraph: footers start only after a blank line (item 8), so it is not counted as breaking
 *       (not checked in messages with release-please blocks, whose lines are whole messages).
 *   <li>{@link #GITMOJI}: a subject that starts with a gitmoji ({@code :sparkles:} or the emoji
 *       itself) instead of a type; counted as "other".
 * </ul>
 *
 * Merges, reverts and fixups are not checked: their bodies repeat other commits' messages.
 */
public final class CommitLint {
    /** Kind id: the header breaks the grammar. */
    public static final String INVALID_HEADER = "invalid-header";
    /** Kind id: an empty breaking-change footer. */
    public static final String EMPTY_BREAKING_FOOTER = "empty-breaking-footer";
    /** Kind id: a lower-case or plural breaking-change footer. */
    public static final String BREAKING_FOOTER_VARIANT = "breaking-footer-variant";
    /** Kind id: an exact breaking-change line inside a body paragraph, where it is no footer. */
    public static final String BREAKING_FOOTER_IN_BODY = "breaking-footer-in-body";
    /** Kind id: a gitmoji subject. */
    public static final String GITMOJI = "gitmoji";

    private static final String DOCS = "see docs/release.md, \"Commit messages\"";
    private static final Pattern BREAKING_LINE =
            Pattern.compile("(?im)^(breaking[ -]changes?)[ \\t]*:([^\\n]*)$");
    private static final Pattern GITMOJI_CODE = Pattern.compile(":[a-z0-9_+-]+:.*");

    /**
     * One warning.
     *
     * @param kind one of the kind ids above
     * @param message one line naming the commit (short SHA and subject) and the fix
     */
    public record Warning(String kind, String message) {}

    private CommitLint() {}

    /**
     * @param commit the parsed commit
     * @param message the message it was parsed from (CRLF or LF line ends), may be null
     * @return the warnings, in the order of the list above; empty for most commits
     */
    public static List<Warning> check(ConventionalCommit commit, String message) {
        Kind kind = commit.kind();
        if (kind == Kind.INVALID) {
            return List.of(new Warning(INVALID_HEADER, name(commit)
                    + " is not a valid Conventional Commits header and is not counted"));
        }
        if (kind != Kind.CONVENTIONAL && kind != Kind.FREE_TEXT) {
            return List.of();
        }
        boolean mentionsBreaking = message != null && (message.contains("reaking") || message.contains("REAKING"));
        boolean gitmoji = kind == Kind.FREE_TEXT && startsWithGitmoji(commit.subject());
        if (!mentionsBreaking && !gitmoji) {
            return List.of(); // nearly every commit: no list made
        }
        List<Warning> warnings = new ArrayList<>(2);
        if (mentionsBreaking) {
            breakingFooters(commit, message, warnings);
        }
        if (gitmoji) {
            warnings.add(new Warning(GITMOJI, name(commit) + " starts with a gitmoji instead of a Conventional Commits"
                    + " type and is counted as \"other\": write the type first (e.g. \"feat: :sparkles: add x\"); " + DOCS));
        }
        return warnings;
    }

    private static void breakingFooters(ConventionalCommit commit, String message, List<Warning> warnings) {
        boolean empty = false;
        boolean inBody = false;
        String variant = null;
        String text = message.replace("\r\n", "\n").replace('\r', '\n');
        Matcher m = BREAKING_LINE.matcher(text);
        int firstLineEnd = text.indexOf('\n');
        while (m.find()) {
            if (m.start() < firstLineEnd || firstLineEnd < 0) {
                continue; // the subject is no footer
            }
            String token = m.group(1);
            boolean exact = token.equals("BREAKING CHANGE") || token.equals("BREAKING-CHANGE");
            if (!exact) {
                variant = variant == null ? token : variant;
            } else if (m.group(2).isBlank() && commit.footers().stream()
                    .noneMatch(f -> CommitParser.isBreakingToken(f) && !f.value().isBlank())) {
                empty = true;
            } else if (!m.group(2).isBlank() && !commit.breaking() && !text.contains("BEGIN_")) {
                // release-please's BEGIN_COMMIT_OVERRIDE / BEGIN_NESTED_COMMIT blocks hold whole messages: read elsewhere
                inBody = true;
            }
        }
        if (empty) {
            warnings.add(new Warning(EMPTY_BREAKING_FOOTER, name(commit) + " has an empty BREAKING CHANGE footer, which is"
                    + " not counted as a breaking change: describe the change after \"BREAKING CHANGE: \" (or mark the"
                    + " header with \"!\"), or release with -Drelease.bump=major if it is one; " + DOCS));
        }
        if (inBody) {
            warnings.add(new Warning(BREAKING_FOOTER_IN_BODY, name(commit) + " has a \"BREAKING CHANGE:\" line inside a"
                    + " paragraph of its body, where it is no footer (footers start after a blank line), so it is not"
                    + " counted as a breaking change: if it is, release with -Drelease.bump=major; " + DOCS));
        }
        if (variant != null) {
            warnings.add(new Warning(BREAKING_FOOTER_VARIANT, name(commit) + " has a \"" + variant + ":\" footer, which"
                    + " Conventional Commits 1.0.0 does not read as a breaking change (only upper-case \"BREAKING CHANGE:\""
                    + " or \"BREAKING-CHANGE:\"), so it is not counted as one: if it is, release with"
                    + " -Drelease.bump=major; " + DOCS));
        }
    }

    /** {@code :sparkles: x}, or a subject whose first character is a pictographic symbol. */
    private static boolean startsWithGitmoji(String subject) {
        if (subject.isEmpty()) {
            return false;
        }
        if (subject.charAt(0) == ':') {
            return GITMOJI_CODE.matcher(subject).matches();
        }
        int first = subject.codePointAt(0);
        return first >= 0x2190 && Character.getType(first) == Character.OTHER_SYMBOL;
    }

    private static String name(ConventionalCommit commit) {
        return "commit " + commit.shortSha() + " '" + commit.subject() + "'";
    }
}
