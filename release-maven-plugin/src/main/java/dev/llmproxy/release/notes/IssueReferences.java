package dev.llmproxy.release.notes;

import dev.llmproxy.release.commits.ConventionalCommit;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue numbers a commit message closes or references: footers ({@code Closes #12},
 * {@code Fixes: #3, #4}, {@code Refs #7}), GitHub's closing keywords in the body, and the
 * {@code (#40)} suffix GitHub adds to squash-merge titles. Only same-repository {@code #N}
 * references count ({@code other/repo#5} does not).
 */
public final class IssueReferences {

    private static final Set<String> CLOSING = Set.of("close", "closes", "closed", "fix", "fixes", "fixed",
            "resolve", "resolves", "resolved");
    private static final Set<String> REFERENCING = Set.of("ref", "refs", "references", "see", "see-also",
            "related", "related-to", "part-of");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w/#])#(\\d{1,9})\\b");
    private static final Pattern BODY_KEYWORD = Pattern.compile(
            "(?i)\\b(close[sd]?|fix(?:e[sd])?|resolve[sd]?|refs?|references)\\b:?\\s+((?:#\\d{1,9}\\b[,\\s]*(?:and\\s+)?)+)");
    private static final Pattern SQUASH_SUFFIX = Pattern.compile("\\s*\\(#(\\d{1,9})\\)$");

    final Set<Integer> closes = new TreeSet<>();
    final Set<Integer> refs = new TreeSet<>();

    private IssueReferences() {}

    /** @return the references of one parsed commit (footers and body; the header is not scanned) */
    static IssueReferences of(ConventionalCommit commit) {
        IssueReferences found = new IssueReferences();
        for (ConventionalCommit.Footer footer : commit.footers()) {
            String token = footer.token().toLowerCase(Locale.ROOT);
            Set<Integer> target = CLOSING.contains(token) ? found.closes : REFERENCING.contains(token) ? found.refs : null;
            if (target == null) {
                continue;
            }
            if (footer.separator().equals(" #")) {
                addLeadingNumber(footer.value(), target);
            }
            collect(footer.value(), target);
        }
        if (commit.body() != null && commit.body().indexOf('#') >= 0) {
            Matcher m = BODY_KEYWORD.matcher(commit.body());
            while (m.find()) {
                String keyword = m.group(1).toLowerCase(Locale.ROOT);
                collect(m.group(2), keyword.startsWith("ref") ? found.refs : found.closes);
            }
        }
        found.refs.removeAll(found.closes);
        return found;
    }

    /**
     * @param text a commit subject or pull request title, never null
     * @return the number in a trailing {@code (#40)} of a squash-merge title, or 0
     */
    public static int squashPullRequest(String text) {
        if (!text.endsWith(")")) {
            return 0;
        }
        Matcher m = SQUASH_SUFFIX.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** @return {@code text} without a trailing {@code (#40)} */
    static String withoutSquashSuffix(String text) {
        return !text.endsWith(")") ? text : SQUASH_SUFFIX.matcher(text).replaceFirst("");
    }

    private static void addLeadingNumber(String value, Set<Integer> target) {
        int end = 0;
        while (end < value.length() && end < 9 && Character.isDigit(value.charAt(end))) {
            end++;
        }
        if (end > 0) {
            target.add(Integer.parseInt(value.substring(0, end)));
        }
    }

    private static void collect(String text, Set<Integer> target) {
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            target.add(Integer.parseInt(m.group(1)));
        }
    }
}
