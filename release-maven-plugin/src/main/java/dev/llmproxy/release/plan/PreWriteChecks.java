package dev.llmproxy.release.plan;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.git.GitRepo;
import dev.llmproxy.release.pom.VersionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * The refusals that depend on names, files and the remote rather than on history, made while the
 * plan is computed, so that a refused run leaves poms, {@code CHANGELOG.md}, commits and refs as
 * they were (docs/release.md, "Refusals come first").
 */
final class PreWriteChecks {
    private static final String REF_RULES = "git refuses spaces, ~ ^ : ? * [ \\ and control characters, '..', '@{',"
            + " '//', and a name ending in '.', '/' or '.lock'";

    private PreWriteChecks() {}

    /**
     * Git's ref-name rules ({@code git check-ref-format}) for {@code refs/tags/<tag>}.
     *
     * @param prefix {@code release.tagPrefix}
     * @param tag the tag the release would create, {@code prefix + version}
     * @throws ReleaseException naming {@code release.tagPrefix} when the prefix alone breaks the
     *     rules, else naming the version
     */
    static void requireValidTagName(String prefix, String tag) {
        if (Repository.isValidRefName(Constants.R_TAGS + tag)) {
            return;
        }
        if (!Repository.isValidRefName(Constants.R_TAGS + prefix + "1.0.0")) {
            throw new ReleaseException("release.tagPrefix '" + prefix + "' makes the tag name '" + tag + "', which is not"
                    + " a valid git tag name (" + REF_RULES + "): set release.tagPrefix to letters, digits, '-', '_',"
                    + " '.' or '/' (e.g. -Drelease.tagPrefix=v), then rerun");
        }
        throw new ReleaseException("the tag name '" + tag + "' is not a valid git tag name (" + REF_RULES + "): release"
                + " another version (-Drelease.version or -Drelease.preRelease), then rerun");
    }

    /**
     * @param reactor the reactor as read before the release
     * @param next {@code release.nextDevelopmentVersion}, or null
     * @throws ReleaseException naming {@code release.nextDevelopmentVersion} when the poms cannot
     *     take it (checked now, since it is written only after the release commit and tag)
     */
    static void requireNextDevelopmentVersion(VersionFiles reactor, String next) {
        if (next == null) {
            return;
        }
        try {
            reactor.changesFor(next);
        } catch (ReleaseException e) {
            throw new ReleaseException("release.nextDevelopmentVersion '" + next + "' cannot be written: " + e.getMessage(), e);
        }
    }

    /**
     * An asset must be a regular file inside the reactor, also after following symbolic links.
     *
     * @param root the reactor root
     * @param file a file a {@code release.assets} glob matched
     * @param glob that glob, for the message
     * @return {@code file}
     * @throws ReleaseException when the file resolves to a place outside the reactor, naming the file,
     *     where it leads and the fix
     */
    static Path requireInsideRoot(Path root, Path file, String glob) {
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                throw new ReleaseException("release.assets pattern '" + glob + "' matches "
                        + root.relativize(file).toString().replace('\\', '/') + ", which leads to " + real
                        + ", outside the project " + root + " (a symbolic link): only files inside the reactor are"
                        + " uploaded; copy the file into the build output or fix the pattern, then rerun");
            }
            return file;
        } catch (IOException e) {
            throw new ReleaseException("cannot resolve the asset " + file + " (" + e.getMessage() + "): fix the file or"
                    + " the release.assets pattern '" + glob + "', then rerun", e);
        }
    }

    /**
     * Before a new release is written: its tag must not exist on the remote it is pushed to (the
     * release commit does not exist yet, so such a tag is at another commit).
     *
     * @param git the repository
     * @param remote {@code release.remote}
     * @param tag the tag the release would create
     * @param head the commit the release commit will follow
     * @param token the GitHub token, may be empty
     * @throws ReleaseException naming both commits and the fix
     */
    static void requireTagFreeOnRemote(GitRepo git, String remote, String tag, String head, Optional<String> token) {
        Optional<String> there = git.remoteTagCommit(remote, tag, token);
        if (there.isPresent()) {
            throw new ReleaseException("tag " + tag + " already exists on " + remote + " at commit " + there.get()
                    + ", while this release would tag a new release commit on HEAD " + head + "; nothing was written:"
                    + " fetch the remote's tags (git fetch --tags " + remote + ") so that the plan starts after that"
                    + " release, or release another version (-Drelease.version), then rerun");
        }
    }
}
