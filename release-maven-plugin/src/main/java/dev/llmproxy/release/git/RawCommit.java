package dev.llmproxy.release.git;

/**
 * One commit as read from history by {@link GitRepo#walk}, before any message parsing.
 *
 * @param sha the full 40-hex SHA-1
 * @param message the full commit message (subject, blank line, body, trailers), decoded with the
 *     commit's declared encoding (UTF-8 when none), line ends as stored
 * @param parentCount the number of parents: 0 for a root commit, 1 for a normal commit, 2 or more
 *     for a merge
 * @param authorName the author's name as recorded
 * @param authorEmail the author's e-mail as recorded (may be empty)
 * @param commitTimeEpochSeconds the committer time in seconds since 1970-01-01T00:00:00Z
 */
public record RawCommit(
        String sha,
        String message,
        int parentCount,
        String authorName,
        String authorEmail,
        long commitTimeEpochSeconds) {}
