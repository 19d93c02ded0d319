package dev.llmproxy.release.notes;

import dev.llmproxy.release.commits.CommitParser;
import dev.llmproxy.release.commits.ConventionalCommit;
import java.util.Locale;

/** Commits for the notes tests, parsed by {@link CommitParser} with made-up SHAs. */
public final class TestCommits {

    private TestCommits() {}

    /** @return a commit with a made-up 40-hex SHA derived from {@code n} */
    public static ConventionalCommit commit(int n, String message) {
        return CommitParser.parse(sha(n), message, 1);
    }

    /** @return a 40-hex SHA whose first 7 digits are {@code n} in hex */
    public static String sha(int n) {
        return String.format(Locale.ROOT, "%07x", n) + "abcdef0123456789abcdef0123456789a";
    }
}
