package dev.llmproxy.release.commits;

import dev.llmproxy.release.commits.ConventionalCommit.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one commit message as release-please does when a single commit carries several changes
 * (issue #12, item 1), then parses each change with {@link CommitParser}:
 *
 * <ol>
 *   <li>Override: the text between the first {@code BEGIN_COMMIT_OVERRIDE} and the next {@code
 *       END_COMMIT_OVERRIDE}, trimmed, replaces the whole message when it is not empty (release-please
 *       reads it from the pull request body; a squash merge usually copies that body into the commit,
 *       so the commit body is read as well).
 *   <li>Nested commits: each {@code BEGIN_NESTED_COMMIT ... END_NESTED_COMMIT} block is one more
 *       message; the text around the blocks stays the main message.
 *   <li>Stacked messages: the main message is cut before every blank line followed by a header of
 *       one of the types {@code feat fix docs style refactor perf test build ci chore revert} (with
 *       an optional scope, no {@code !}), as release-please's README shows for squashed changes.
 *       Indented lines right under such a header ({@code   BREAKING-CHANGE: ...}) are its footers;
 *       a header of those types right after them, in column 0, starts one more message.
 * </ol>
 *
 * <p>The first message keeps every kind {@link CommitParser} knows (free text, revert, ...); the
 * further ones count only when they are valid Conventional Commits, as in release-please, which
 * drops what it cannot parse. A merge commit is never split (its body repeats the branch's
 * messages, which are in the range themselves). Every result carries the commit's SHA.
 */
public final class MessageSplitter {

    static final String OVERRIDE_BEGIN = "BEGIN_COMMIT_OVERRIDE";
    static final String OVERRIDE_END = "END_COMMIT_OVERRIDE";
    private static final String NESTED_BEGIN = "BEGIN_NESTED_COMMIT";
    private static final String NESTED_END = "END_NESTED_COMMIT";
    private static final Pattern STACKED = Pattern.compile(
            "\\r?\\n\\r?\\n(?=(?:feat|fix|docs|style|refactor|perf|test|build|ci|chore|revert)(?:\\(.*?\\))?: )");

    private static final Pattern STACKED_HEADER = Pattern.compile(
            "(?:feat|fix|docs|style|refactor|perf|test|build|ci|chore|revert)(?:\\(.*?\\))?!?: ");

    private MessageSplitter() {}

    /**
     * @param sha the commit's full SHA (shared by every change it carries)
     * @param message the full commit message as git stores it, may be null
     * @param parentCount the number of parents of the commit
     * @return the changes of the commit in message order, at least one unless an override or the
     *     nested blocks leave the main message empty
     */
    public static List<ConventionalCommit> parse(String sha, String message, int parentCount) {
        if (message == null || parentCount > 1 || !mayCarrySeveral(message)) {
            return List.of(CommitParser.parse(sha, message, parentCount));
        }
        List<String> messages = split(override(message));
        List<ConventionalCommit> changes = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            String text = footersUnindented(messages.get(i));
            if (text.isBlank()) {
                continue;
            }
            ConventionalCommit change = CommitParser.parse(sha, text, parentCount);
            if (i == 0 || change.kind() == Kind.CONVENTIONAL) {
                changes.add(change);
            }
        }
        return changes;
    }

    /**
     * The override block of a text (a commit message or a pull request body), as release-please
     * reads it.
     *
     * @param text any text, may be null
     * @return the trimmed text between the first {@code BEGIN_COMMIT_OVERRIDE} and the next {@code
     *     END_COMMIT_OVERRIDE} (or the end), or null when there is none or it is blank
     */
    public static String overrideBlock(String text) {
        int begin = text == null ? -1 : text.indexOf(OVERRIDE_BEGIN);
        if (begin < 0) {
            return null;
        }
        String after = text.substring(begin + OVERRIDE_BEGIN.length());
        int end = after.indexOf(OVERRIDE_END);
        String block = (end < 0 ? after : after.substring(0, end)).strip();
        return block.isEmpty() ? null : block;
    }

    /**
     * A merge commit whose subject is a Conventional Commit header ({@code git merge --no-ff -m "feat:
     * x"}, or GitHub's merge with the pull request's title as message) stands for its branch in the
     * notes (issue #12, item 3).
     *
     * @param merge a parsed commit
     * @return the merge read as that conventional commit (its subject only: a merge's body repeats
     *     the branch), or empty when {@code merge} is no merge or its subject is no such header
     */
    public static java.util.Optional<ConventionalCommit> conventionalMerge(ConventionalCommit merge) {
        if (merge.kind() != Kind.MERGE) {
            return java.util.Optional.empty();
        }
        ConventionalCommit subject = CommitParser.parse(merge.sha(), merge.subject(), 1);
        return subject.kind() == Kind.CONVENTIONAL ? java.util.Optional.of(subject) : java.util.Optional.empty();
    }

    private static boolean mayCarrySeveral(String message) {
        return message.contains("BEGIN_") || STACKED.matcher(message).find();
    }

    private static String override(String message) {
        String block = overrideBlock(message);
        return block == null ? message : block;
    }

    /** The main message cut at stacked headers, then the nested blocks. */
    private static List<String> split(String message) {
        String[] parts = message.split(NESTED_BEGIN, -1);
        StringBuilder main = new StringBuilder(parts[0]);
        List<String> nested = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            int end = parts[i].indexOf(NESTED_END);
            if (end < 0) {
                nested.add(parts[i]);
            } else {
                nested.add(parts[i].substring(0, end));
                main.append(parts[i].substring(end + NESTED_END.length()));
            }
        }
        List<String> messages = new ArrayList<>();
        for (String part : STACKED.split(main, -1)) {
            messages.addAll(afterIndentedFooters(part));
        }
        messages.addAll(nested);
        return messages;
    }

    /**
     * A stacked message whose indented footers are followed at once, without a blank line, by the
     * next stacked header ({@code feat(y): c} in column 0) is cut there too: release-please's parser
     * reads such a line as one more footer that is itself a commit.
     */
    private static List<String> afterIndentedFooters(String part) {
        List<String> parts = new ArrayList<>(1);
        String[] lines = part.split("\r?\n", -1);
        StringBuilder current = new StringBuilder();
        boolean previousIndented = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0 && previousIndented && STACKED_HEADER.matcher(line).lookingAt()) {
                parts.add(current.toString());
                current.setLength(0);
            } else if (i > 0) {
                current.append('\n');
            }
            current.append(line);
            previousIndented = !line.isBlank() && Character.isWhitespace(line.charAt(0));
        }
        parts.add(current.toString());
        return parts;
    }

    /**
     * Indented lines right under the header become a footer paragraph, so that {@link CommitParser}
     * reads {@code   BREAKING-CHANGE: x} under a stacked header as that change's footer.
     */
    private static String footersUnindented(String message) {
        String text = message.strip();
        int newline = text.indexOf('\n');
        if (newline < 0 || newline + 1 >= text.length() || !Character.isWhitespace(text.charAt(newline + 1))
                || text.charAt(newline + 1) == '\n' || text.charAt(newline + 1) == '\r') {
            return text;
        }
        StringBuilder out = new StringBuilder(text.substring(0, newline)).append("\n\n");
        String[] lines = text.substring(newline + 1).split("\r?\n", -1);
        int i = 0;
        for (; i < lines.length && !lines[i].isBlank() && Character.isWhitespace(lines[i].charAt(0)); i++) {
            out.append(lines[i].strip()).append('\n');
        }
        for (; i < lines.length; i++) {
            out.append(lines[i]).append('\n');
        }
        return out.toString();
    }
}
