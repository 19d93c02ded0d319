package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.TestPoms;
import dev.llmproxy.release.git.PushFailure;
import dev.llmproxy.release.git.TestRepos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every refusal comes before the first write (poms, CHANGELOG.md, commits, refs), and a rejected
 * push leaves the repository as before the run or says exactly how to get there; real repositories
 * with a bare {@code origin}.
 */
class RefusalsBeforeWritingTest {
    @TempDir
    Path dir;

    private TestRepos repo;
    private TestRepos origin;
    private String before;
    private byte[] pomBefore;

    @BeforeEach
    void setUp() throws IOException {
        origin = TestRepos.bare(dir.resolve("origin.git"));
        repo = TestRepos.nr(dir.resolve("app"));
        repo.write("pom.xml", TestPoms.app("1.5.0-SNAPSHOT"));
        repo.write(".gitignore", "target/\n");
        repo.write("README.md", "app\n");
        repo.git("add", "pom.xml", ".gitignore", "README.md");
        repo.c("-m", "chore: init");
        repo.ta("v1.4.0");
        before = repo.c("-m", "feat(proxy): stream responses");
        repo.git("remote", "add", "origin", origin.dir().toString());
        repo.git("push", "-q", "origin", "main", "v1.4.0");
        pomBefore = Files.readAllBytes(repo.dir().resolve("pom.xml"));
    }

    private TestSettings settings() {
        TestSettings s = new TestSettings(repo.dir());
        s.commit = true;
        return s;
    }

    private TestSettings pushing() {
        TestSettings s = settings();
        s.push = true;
        return s;
    }

    private ReleasePlan draft(TestSettings s) {
        return new ReleaseEngine(s.build(), ReleaseLog.SILENT).draft();
    }

    /** Poms byte-identical, no CHANGELOG.md, no plan, HEAD and tags as before. */
    private void assertNothingWritten() throws IOException {
        assertEquals(new String(pomBefore), Files.readString(repo.dir().resolve("pom.xml")));
        assertFalse(Files.exists(repo.dir().resolve("CHANGELOG.md")), "no CHANGELOG.md");
        assertFalse(Files.exists(repo.dir().resolve(ReleaseEngine.PLAN_FILE)), "no plan");
        assertEquals(before, repo.sha("HEAD"), "no commit");
        assertEquals("v1.4.0", repo.git("tag"), "no tag");
        assertEquals("", repo.git("status", "--porcelain", "--untracked-files=no"));
    }

    /** @return the message of the refusal, after checking that nothing was written */
    private String refused(TestSettings s) throws IOException {
        ReleaseException e = assertThrows(ReleaseException.class, () -> draft(s));
        assertNothingWritten();
        return e.getMessage();
    }

    private void assertOneReleaseCommit() {
        assertEquals("chore(release): 1.5.0", repo.git("log", "--format=%s", before + "..HEAD"));
        assertEquals(repo.sha("HEAD"), repo.sha("v1.5.0^{commit}"));
    }

    @Test
    void anInvalidTagPrefixIsRefusedBeforeAnythingIsWrittenAndARerunReleasesOnce() throws IOException {
        TestSettings bad = settings();
        bad.tagPrefix = "v:";

        assertEquals("release.tagPrefix 'v:' makes the tag name 'v:1.5.0', which is not a valid git tag name (git refuses"
                + " spaces, ~ ^ : ? * [ \\ and control characters, '..', '@{', '//', and a name ending in '.', '/' or"
                + " '.lock'): set release.tagPrefix to letters, digits, '-', '_', '.' or '/' (e.g. -Drelease.tagPrefix=v),"
                + " then rerun", refused(bad));
        assertThrows(ReleaseException.class, () -> {
            TestSettings dry = settings();
            dry.tagPrefix = "release 1";
            dry.dryRun = true;
            draft(dry);
        }, "a dry run refuses the same way");

        draft(settings());
        assertOneReleaseCommit();
    }

    @Test
    void aVersionThatMakesAnInvalidTagNameNamesTheVersion() throws IOException {
        TestSettings bad = settings();
        bad.version = "1.5.0-rc.lock";

        assertEquals("the tag name 'v1.5.0-rc.lock' is not a valid git tag name (git refuses spaces, ~ ^ : ? * [ \\ and"
                + " control characters, '..', '@{', '//', and a name ending in '.', '/' or '.lock'): release another"
                + " version (-Drelease.version or -Drelease.preRelease), then rerun", refused(bad));
    }

    @Test
    void anInvalidNextDevelopmentVersionIsRefusedBeforeTheReleaseCommit() throws IOException {
        TestSettings bad = settings();
        bad.nextDevelopmentVersion = "1.6.0 SNAPSHOT";

        assertEquals("release.nextDevelopmentVersion '1.6.0 SNAPSHOT' cannot be written: new version '1.6.0 SNAPSHOT' is"
                + " not a plain Maven version (letters, digits, . _ + -): give a version such as 1.5.0", refused(bad));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void anAssetSymlinkLeavingTheReactorIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path outside = Files.writeString(dir.resolve("hostname"), "secret host\n");
        Files.createDirectories(repo.dir().resolve("dist"));
        Files.createSymbolicLink(repo.dir().resolve("dist/x"), outside);
        TestSettings s = settings();
        s.assets = List.of("dist/*");

        assertEquals("release.assets pattern 'dist/*' matches dist/x, which leads to " + outside.toRealPath()
                + ", outside the project " + repo.dir() + " (a symbolic link): only files inside the reactor are"
                + " uploaded; copy the file into the build output or fix the pattern, then rerun", refused(s));

        Files.delete(repo.dir().resolve("dist/x"));
        repo.write("build/app.jar", "jar\n");
        Files.createSymbolicLink(repo.dir().resolve("dist/app.jar"), Path.of("../build/app.jar"));
        ReleasePlan plan = draft(s);
        assertEquals(List.of("dist/app.jar"), plan.assets(), "a link that stays inside the reactor is fine");
        assertOneReleaseCommit();
    }

    @Test
    void aTagOnTheRemoteAtAnotherCommitIsRefusedBeforeAnythingIsWritten() throws IOException {
        TestRepos other = TestRepos.cloneOf(origin, dir.resolve("other"));
        other.ta("v1.5.0");
        other.git("push", "-q", "origin", "v1.5.0");
        String theirs = origin.sha("v1.5.0^{commit}");

        assertEquals("tag v1.5.0 already exists on origin at commit " + theirs + ", while this release would tag a new"
                + " release commit on HEAD " + before + "; nothing was written: fetch the remote's tags (git fetch --tags"
                + " origin) so that the plan starts after that release, or release another version (-Drelease.version),"
                + " then rerun", refused(pushing()));
    }

    @Test
    void aRejectedPushUndoesTheReleaseCommitAndTagAndOnlyNonFastForwardSaysPullRebase() throws IOException {
        TestRepos other = TestRepos.cloneOf(origin, dir.resolve("other"));
        other.c("-m", "docs: someone else pushed first");
        other.git("push", "-q", "origin", "main");
        ReleaseException e = assertThrows(ReleaseException.class, () -> draft(pushing()));

        assertEquals("git push --atomic origin main v1.5.0 failed, nothing was updated on the remote: ! [rejected]"
                + "        main -> main (fetch first); main on origin has commits this clone does not have: bring them"
                + " in (git pull --rebase origin main), then rerun; the release commit and the local tag v1.5.0 were"
                + " undone, so the repository is as before the run (HEAD at " + before.substring(0, 7) + ")", e.getMessage());
        assertEquals(PushFailure.Cause.NON_FAST_FORWARD, ((PushFailure) e.getCause()).cause());
        Files.delete(repo.dir().resolve(ReleaseEngine.PLAN_FILE)); // the plan of the refused run may stay
        Files.deleteIfExists(repo.dir().resolve(ReleaseEngine.NOTES_FILE));
        assertNothingWritten();

        repo.git("pull", "-q", "--rebase", "origin", "main");
        String rebased = repo.sha("HEAD");
        draft(pushing());
        assertEquals("chore(release): 1.5.0", repo.git("log", "--format=%s", rebased + "..HEAD"));
        assertEquals(repo.sha("HEAD"), origin.sha("refs/tags/v1.5.0^{commit}"));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aPermissionRefusalIsUndoneAndNamesThePermission() throws IOException {
        hook("echo 'ERROR: Permission to example-org/app.git denied to release-bot.' >&2; exit 1");
        ReleaseException e = assertThrows(ReleaseException.class, () -> draft(pushing()));

        assertEquals("git push --atomic origin main v1.5.0 failed, nothing was updated on the remote: ! [remote rejected]"
                + " main -> main (pre-receive hook declined); the credentials may not push to origin: give the token"
                + " write access (contents: write; in a workflow `permissions: contents: write`), or allow pushes to main"
                + " in the branch protection rules, then rerun; the release commit and the local tag v1.5.0 were undone,"
                + " so the repository is as before the run (HEAD at " + before.substring(0, 7) + ")", e.getMessage());
        assertEquals(before, repo.sha("HEAD"));
        assertEquals("v1.4.0", repo.git("tag"));
        assertEquals(new String(pomBefore), Files.readString(repo.dir().resolve("pom.xml")));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void whenSomethingElseChangedDuringThePushTheMessageGivesTheExactCommands() throws IOException {
        hook("echo 'edited meanwhile' >> '" + repo.dir().resolve("README.md") + "'; exit 1");
        ReleaseException e = assertThrows(ReleaseException.class, () -> draft(pushing()));

        String release = repo.sha("HEAD");
        assertEquals("chore(release): 1.5.0", repo.git("log", "-1", "--format=%s"), "nothing was undone");
        assertEquals(release, repo.sha("v1.5.0^{commit}"));
        assertEquals("git push --atomic origin main v1.5.0 failed, nothing was updated on the remote: ! [remote rejected]"
                + " main -> main (pre-receive hook declined); fix the cause, then rerun; the repository changed during"
                + " the run, so nothing was undone: to undo the release locally run `git tag -d v1.5.0 && git reset"
                + " --hard " + before + "` (reset discards uncommitted changes: stash them first)", e.getMessage());
    }

    @Test
    void aRerunWithPushPushesTheReleaseThatAnEarlierRunMadeLocally() {
        draft(settings()); // commit and tag, no push
        String release = repo.sha("HEAD");

        ReleasePlan plan = draft(pushing());

        assertTrue(plan.alreadyReleased());
        assertEquals(release, repo.sha("HEAD"), "no second release commit");
        assertEquals(release, origin.sha("refs/heads/main"));
        assertEquals(release, origin.sha("refs/tags/v1.5.0^{commit}"));
    }

    @Test
    void pushingAnExistingReleaseTagThatTheRemoteHasElsewhereNamesBothCommits() {
        TestSettings local = settings();
        draft(local); // commit and tag, no push
        String release = repo.sha("HEAD");
        TestRepos other = TestRepos.cloneOf(origin, dir.resolve("other"));
        other.ta("v1.5.0");
        other.git("push", "-q", "origin", "v1.5.0");
        String theirs = origin.sha("v1.5.0^{commit}");
        ReleaseException e = assertThrows(ReleaseException.class, () -> draft(pushing()));

        assertEquals("tag v1.5.0 already exists on origin at commit " + theirs + ", while the local v1.5.0 is at commit "
                + release + "; nothing was updated on the remote: release another version (-Drelease.version), or, if"
                + " v1.5.0 on origin was never published, delete it there (git push origin :refs/tags/v1.5.0), then"
                + " rerun", e.getMessage());
        assertEquals(before, origin.sha("refs/heads/main"), "the branch was not pushed either");
        assertEquals(release, repo.sha("HEAD"));
    }

    private void hook(String script) throws IOException {
        Path hook = origin.dir().resolve("hooks/pre-receive");
        Files.writeString(hook, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwx------"));
    }
}
