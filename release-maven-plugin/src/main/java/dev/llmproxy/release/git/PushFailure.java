package dev.llmproxy.release.git;

import dev.llmproxy.release.ReleaseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A rejected or failed {@code git push}, by cause, each with its own fix (only a branch that moved
 * on the remote is answered with {@code git pull --rebase}). Thrown by {@link GitRepo#pushAtomic};
 * the remote is unchanged then (the push is atomic).
 */
public final class PushFailure extends ReleaseException {
    private static final long serialVersionUID = 1L;

    /** Why a push failed, read from git's output. */
    public enum Cause {
        /** The credentials were refused: HTTP 401, "Authentication failed", no SSH key accepted. */
        AUTHENTICATION,
        /** The credentials were accepted but may not push: HTTP 403, "Permission denied", "denied to", a protected branch. */
        PERMISSION,
        /** The branch on the remote has commits the local branch lacks. */
        NON_FAST_FORWARD,
        /** The tag already exists on the remote (at another commit). */
        TAG_EXISTS,
        /** Anything else: git's own line says what. */
        OTHER
    }

    private static final Pattern AUTHENTICATION = Pattern.compile(
            "\\b401\\b|authentication failed|invalid username or password|bad credentials|could not read username"
                    + "|terminal prompts disabled|permission denied \\(publickey|invalid credentials");
    private static final Pattern PERMISSION = Pattern.compile(
            "\\b403\\b|permission denied|denied to |protected branch|gh006|not allowed to push|write access");
    private static final Pattern TAG_REJECTED = Pattern.compile(
            "(?m)^\\s*! \\[(?:remote )?rejected\\]\\s+(?:refs/tags/)?\\S+ -> \\S+ \\((?:already exists|would clobber existing tag)\\)");
    private static final Pattern BRANCH_BEHIND = Pattern.compile("\\((?:fetch first|non-fast-forward)\\)");

    private final Cause cause;

    PushFailure(Cause cause, String message) {
        super(message);
        this.cause = cause;
    }

    /** @return why the push failed */
    public Cause cause() {
        return cause;
    }

    /**
     * @param output git's whole output (stdout and stderr), secrets already masked
     * @return the cause; authentication before permission, since SSH says "Permission denied
     *     (publickey)" for a key it does not know
     */
    public static Cause classify(String output) {
        String lower = output.toLowerCase(Locale.ROOT);
        if (AUTHENTICATION.matcher(lower).find()) {
            return Cause.AUTHENTICATION;
        }
        if (PERMISSION.matcher(lower).find()) {
            return Cause.PERMISSION;
        }
        if (TAG_REJECTED.matcher(output).find()) {
            return Cause.TAG_EXISTS;
        }
        if (BRANCH_BEHIND.matcher(lower).find()) {
            return Cause.NON_FAST_FORWARD;
        }
        return Cause.OTHER;
    }

    /**
     * @param tag the tag
     * @param remote the remote
     * @param there the commit the remote's tag is at
     * @param here the commit the local tag is at
     * @return the refusal of a push whose tag exists on the remote at another commit, naming both
     */
    public static PushFailure tagElsewhere(String tag, String remote, String there, String here) {
        return new PushFailure(Cause.TAG_EXISTS, "tag " + tag + " already exists on " + remote + " at commit " + there
                + ", while the local " + tag + " is at commit " + here + "; nothing was updated on the remote: release"
                + " another version (-Drelease.version), or, if " + tag + " on " + remote + " was never published,"
                + " delete it there (git push " + remote + " :refs/tags/" + tag + "), then rerun");
    }

    /**
     * @param cause the cause
     * @param remote the remote as the user named it (masked)
     * @param branch the branch pushed
     * @return what to say about the cause and how to fix it, one clause
     */
    static String explain(Cause cause, String remote, String branch) {
        return switch (cause) {
            case AUTHENTICATION -> "the credentials were refused: set a valid token in GITHUB_TOKEN or GH_TOKEN"
                    + " (CI), or fix git's own credentials for " + remote + " (credential helper, SSH key), then rerun";
            case PERMISSION -> "the credentials may not push to " + remote + ": give the token write access"
                    + " (contents: write; in a workflow `permissions: contents: write`), or allow pushes to " + branch
                    + " in the branch protection rules, then rerun";
            case NON_FAST_FORWARD -> branch + " on " + remote + " has commits this clone does not have: bring them in"
                    + " (git pull --rebase " + remote + " " + branch + "), then rerun";
            case TAG_EXISTS -> "the tag already exists on " + remote + ": release another version (-Drelease.version)"
                    + " or, if that tag was never published, delete it there, then rerun";
            case OTHER -> "fix the cause, then rerun";
        };
    }
}
