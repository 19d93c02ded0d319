package dev.llmproxy.release.history;

import java.util.regex.Pattern;

/**
 * Recognises a release commit: the commit a release tool makes to set the version and the changelog
 * just before tagging, so that replay can step back to the state the tool saw (issue #12, item 6).
 *
 * <p>Recognised subjects (case-insensitive): ours and release-please's ({@code chore(release): 1.2.0},
 * {@code chore(main): release 1.2.0}, {@code chore: release 1.2.0}), the maven-release-plugin's
 * ({@code [maven-release-plugin] prepare release app-1.2.0}), and hand-made ones that start with
 * {@code release}, {@code prepare release} or {@code bump version} and name a version
 * ({@code Release 1.2.0}, {@code Bump version to 1.2.0}).
 */
public final class ReleaseCommits {

    private static final Pattern RELEASE_SUBJECT = Pattern.compile(
            "^(?:chore(?:\\([^)]*\\))?!?:\\s*release\\b"
                    + "|chore\\(release\\)!?:"
                    + "|\\[maven-release-plugin\\]\\s*prepare\\s+release\\b"
                    + "|(?:release|prepare\\s+release|bump\\s+version)\\b.*\\d+\\.\\d+)",
            Pattern.CASE_INSENSITIVE);

    private ReleaseCommits() {}

    /**
     * @param subject the first line of a commit message, may be null
     * @return whether the commit is a release commit (see the class description)
     */
    public static boolean isReleaseCommit(String subject) {
        return subject != null && RELEASE_SUBJECT.matcher(subject.strip()).find();
    }
}
