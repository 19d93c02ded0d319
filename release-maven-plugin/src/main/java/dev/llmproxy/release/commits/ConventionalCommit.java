package dev.llmproxy.release.commits;

import java.util.List;
import java.util.Objects;

/**
 * One commit message as read by {@link CommitParser}: a Conventional Commits 1.0.0 message, or a
 * merge, revert, fixup/squash or free-text commit recognised as such (never dropped).
 *
 * @param sha the commit's full 40-hex SHA-1 (may be empty in pure unit tests)
 * @param kind what the message is
 * @param type the Conventional Commits type in lower case ({@code "feat"}), or {@code null} unless
 *     {@code kind == CONVENTIONAL}
 * @param scope the scope exactly as written ({@code "api/auth"}), or {@code null} when absent
 * @param breaking true for a {@code !} before the colon or a {@code BREAKING CHANGE}/{@code
 *     BREAKING-CHANGE} footer (spec items 13, 16)
 * @param description for CONVENTIONAL the text after {@code ": "}; otherwise the whole first line
 * @param subject the first line exactly as written (no line terminator)
 * @param body the body between header and footers, LF line ends, trimmed; empty when absent
 * @param footers the footers in order (trailers such as {@code Co-authored-by} included)
 * @param breakingNotes the texts of the breaking-change footers, or the description for a {@code
 *     !} header without such a footer; empty when not breaking
 * @param revertedSha for {@code kind == REVERT} or a conventional {@code revert:} commit, the full or
 *     abbreviated SHA (lower case) named by "This reverts commit X", or {@code null}
 */
public record ConventionalCommit(
        String sha,
        Kind kind,
        String type,
        String scope,
        boolean breaking,
        String description,
        String subject,
        String body,
        List<Footer> footers,
        List<String> breakingNotes,
        String revertedSha) {

    /** What a commit message is. */
    public enum Kind {
        /** A valid Conventional Commits header. */
        CONVENTIONAL,
        /**
         * A merge commit (more than one parent, or a "Merge ..." subject). It never counts for the
         * bump or the notes itself: the branch commits it brings are in the range and count, so a
         * body repeating their messages is not counted twice. (For the notes, a merge whose subject
         * is a Conventional Commit can stand for its branch: {@code MessageSplitter#conventionalMerge}.)
         */
        MERGE,
        /** A {@code Revert "..."} commit (git's default revert message). */
        REVERT,
        /** A {@code fixup!}, {@code squash!} or {@code amend!} commit. */
        FIXUP,
        /** Text that does not try to be a Conventional Commit header. */
        FREE_TEXT,
        /** A header that looks like one but breaks the grammar (e.g. {@code feat!(api): x}). */
        INVALID
    }

    /**
     * One footer (git trailer) of a message, Conventional Commits 1.0.0 items 8-11.
     *
     * @param token the token as written ({@code "Refs"}, {@code "BREAKING CHANGE"})
     * @param separator {@code ": "} or {@code " #"}
     * @param value the value, multi-line values joined with LF, trimmed
     */
    public record Footer(String token, String separator, String value) {
        public Footer {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(separator, "separator");
            Objects.requireNonNull(value, "value");
        }
    }

    public ConventionalCommit {
        Objects.requireNonNull(kind, "kind");
        footers = List.copyOf(footers);
        breakingNotes = List.copyOf(breakingNotes);
    }

    /**
     * The same commit without its body and with only the footers named, for code that keeps many
     * commits but needs few of their words (the bump decision over 300,000 commits).
     *
     * @param keptFooterTokens footer tokens to keep, compared case-insensitively (e.g. {@code
     *     Release-As})
     * @return a copy with an empty body and the kept footers only
     */
    public ConventionalCommit withoutBody(java.util.Set<String> keptFooterTokens) {
        List<Footer> kept = footers.stream()
                .filter(f -> keptFooterTokens.stream().anyMatch(t -> t.equalsIgnoreCase(f.token())))
                .toList();
        return new ConventionalCommit(sha, kind, type, scope, breaking, description, subject, "", kept,
                breakingNotes, revertedSha);
    }

    /** @return the first 7 characters of {@link #sha()}, or the whole of a shorter SHA */
    public String shortSha() {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
}
