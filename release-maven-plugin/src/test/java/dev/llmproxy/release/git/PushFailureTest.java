package dev.llmproxy.release.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Push failures by cause, each with its fix, on real bare remotes whose hooks refuse. */
class PushFailureTest {
    @TempDir
    Path tmp;

    private TestRepos origin;
    private TestRepos local;
    private String release;

    @BeforeEach
    void cloneOfABareOrigin() {
        TestRepos.OriginAndClone repos = TestRepos.originAndClone(tmp);
        origin = repos.origin();
        local = repos.local();
        release = local.c("-m", "chore(release): 1.0.0");
        local.ta("v1.0.0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fatal: Authentication failed for 'https://github.com/o/r.git/'|AUTHENTICATION",
        "remote: Invalid username or password.|AUTHENTICATION",
        "fatal: unable to access 'https://h/o/r.git/': The requested URL returned error: 401|AUTHENTICATION",
        "fatal: could not read Username for 'https://github.com': terminal prompts disabled|AUTHENTICATION",
        "git@github.com: Permission denied (publickey).|AUTHENTICATION",
        "fatal: unable to access 'https://github.com/o/r.git/': The requested URL returned error: 403|PERMISSION",
        "remote: Permission to o/r.git denied to some-bot.|PERMISSION",
        "ERROR: Permission denied to push|PERMISSION",
        "remote: error: GH006: Protected branch update failed for refs/heads/main.|PERMISSION",
        " ! [rejected]        main -> main (fetch first)|NON_FAST_FORWARD",
        " ! [rejected]        main -> main (non-fast-forward)|NON_FAST_FORWARD",
        " ! [rejected]        v1.0.0 -> v1.0.0 (already exists)|TAG_EXISTS",
        " ! [rejected]        v1.0.0 -> v1.0.0 (would clobber existing tag)|TAG_EXISTS",
        "fatal: 'nowhere' does not appear to be a git repository|OTHER",
        " ! [remote rejected] main -> main (pre-receive hook declined)|OTHER",
        "To /x/b401f2c.git|OTHER",
    })
    void classifiesGitsOwnLines(String line, PushFailure.Cause cause) {
        assertEquals(cause, PushFailure.classify("To origin\n" + line + "\nerror: failed to push some refs to 'origin'\n"));
    }

    @ParameterizedTest
    @DisabledOnOs(OS.WINDOWS)
    @CsvSource(delimiter = '|', value = {
        "echo 'ERROR: Permission to example-org/app.git denied to release-bot.' >&2|PERMISSION|the credentials may not"
                + " push to origin: give the token write access (contents: write; in a workflow `permissions: contents:"
                + " write`), or allow pushes to main in the branch protection rules, then rerun",
        "echo 'HTTP Basic: Access denied' >&2; echo 'fatal: Authentication failed for origin' >&2|AUTHENTICATION|the"
                + " credentials were refused: set a valid token in GITHUB_TOKEN or GH_TOKEN (CI), or fix git's own"
                + " credentials for origin (credential helper, SSH key), then rerun",
    })
    void aRefusedCredentialOrPermissionSaysSoAndNeverSuggestsPullRebase(String script, PushFailure.Cause cause, String fix)
            throws IOException {
        hook(script + "; exit 1");

        PushFailure e = push();

        assertEquals(cause, e.cause());
        assertEquals("git push --atomic origin main v1.0.0 failed, nothing was updated on the remote: ! [remote rejected]"
                + " main -> main (pre-receive hook declined); " + fix, e.getMessage());
        assertFalse(e.getMessage().contains("pull --rebase"));
    }

    @Test
    void aTagThatExistsOnTheRemoteAtAnotherCommitNamesBothCommits() {
        TestRepos other = TestRepos.cloneOf(origin, tmp.resolve("other"));
        other.ta("v1.0.0");
        other.git("push", "-q", "origin", "v1.0.0");
        String theirs = origin.sha("v1.0.0^{commit}");

        PushFailure e = push();

        assertEquals(PushFailure.Cause.TAG_EXISTS, e.cause());
        assertEquals("tag v1.0.0 already exists on origin at commit " + theirs + ", while the local v1.0.0 is at commit "
                + release + "; nothing was updated on the remote: release another version (-Drelease.version), or, if"
                + " v1.0.0 on origin was never published, delete it there (git push origin :refs/tags/v1.0.0), then"
                + " rerun", e.getMessage());
        assertEquals(theirs, origin.sha("v1.0.0^{commit}"));
    }

    @Test
    void remoteTagCommitPeelsAnnotatedTagsAndIsEmptyForAMissingTag() {
        try (GitRepo git = GitRepo.open(local.dir())) {
            assertEquals(Optional.empty(), git.remoteTagCommit("origin", "v1.0.0", Optional.empty()));
            local.git("push", "-q", "origin", "main", "v1.0.0");
            local.tl("light");
            local.git("push", "-q", "origin", "light");
            assertEquals(Optional.of(release), git.remoteTagCommit("origin", "v1.0.0", Optional.empty()));
            assertEquals(Optional.of(release), git.remoteTagCommit("origin", "light", Optional.empty()));
            assertEquals(Optional.empty(), git.remoteTagCommit("origin", "v1.0", Optional.empty()), "no prefix match");
        }
    }

    @Test
    void anUnreadableRemoteIsNamedWithTheCommand() {
        local.git("remote", "set-url", "origin", tmp.resolve("missing.git").toString());
        try (GitRepo git = GitRepo.open(local.dir())) {
            PushFailure e = assertThrows(PushFailure.class, () -> git.remoteTagCommit("origin", "v1.0.0", Optional.empty()));
            assertEquals(PushFailure.Cause.OTHER, e.cause());
            assertEquals("git ls-remote origin refs/tags/v1.0.0 failed, so the release cannot check the tag there before"
                    + " writing anything: fatal: '" + tmp.resolve("missing.git") + "' does not appear to be a git"
                    + " repository; fix the cause, then rerun", e.getMessage());
        }
    }

    private PushFailure push() {
        try (GitRepo git = GitRepo.open(local.dir())) {
            return assertThrows(PushFailure.class, () -> git.pushAtomic("origin", "main", "v1.0.0", Optional.empty()));
        }
    }

    private void hook(String script) throws IOException {
        Path hook = origin.dir().resolve("hooks/pre-receive");
        Files.writeString(hook, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwx------"));
    }
}
