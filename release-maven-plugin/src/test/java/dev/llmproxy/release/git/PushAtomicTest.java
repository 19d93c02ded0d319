package dev.llmproxy.release.git;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.llmproxy.release.ReleaseException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code git push --atomic} of the release branch and tag to a real bare {@code origin}. */
class PushAtomicTest {

    private static final String FAKE_TOKEN = "ghs_FAKEtoken0123456789abcdefABCDEF";

    @TempDir
    Path tmp;

    private TestRepos origin;
    private TestRepos local;

    @BeforeEach
    void cloneOfABareOrigin() {
        TestRepos.OriginAndClone repos = TestRepos.originAndClone(tmp);
        origin = repos.origin();
        local = repos.local();
    }

    @Test
    void pushesBranchAndAnnotatedTagAndARerunChangesNothing() {
        String release = local.c("-m", "chore(release): 1.0.0");
        try (GitRepo git = GitRepo.open(local.dir())) {
            git.createAnnotatedTag("v1.0.0", release, "v1.0.0");

            git.pushAtomic("origin", "main", "v1.0.0", Optional.empty());

            assertEquals(release, origin.sha("refs/heads/main"));
            assertEquals(local.sha("refs/tags/v1.0.0"), origin.sha("refs/tags/v1.0.0"));
            assertEquals("tag", origin.git("cat-file", "-t", "v1.0.0"));
            assertDoesNotThrow(() -> git.pushAtomic("origin", "main", "v1.0.0", Optional.of(FAKE_TOKEN)));
            assertEquals(release, origin.sha("refs/heads/main"));
        }
    }

    @Test
    void aRejectedBranchFailsTheWholePushAndLeavesNoTagOnTheRemote() {
        TestRepos other = TestRepos.cloneOf(origin, tmp.resolve("other"));
        String theirs = other.c("-m", "fix: pushed by someone else");
        other.git("push", "-q", "origin", "main");
        String release = local.c("-m", "chore(release): 1.0.0");

        try (GitRepo git = GitRepo.open(local.dir())) {
            git.createAnnotatedTag("v1.0.0", release, "v1.0.0");
            ReleaseException e = assertThrows(ReleaseException.class, () -> git.pushAtomic("origin", "main", "v1.0.0", Optional.empty()));

            assertEquals("git push --atomic origin main v1.0.0 failed, nothing was updated on the remote: ! [rejected]"
                    + "        main -> main (fetch first); main on origin has commits this clone does not have: bring them in (git pull --rebase origin main), then rerun", e.getMessage());
        }
        assertEquals(theirs, origin.sha("refs/heads/main"));
        assertEquals("", origin.git("tag"));
    }

    @Test
    void aPushToAnUnreachableHttpsRemoteNeverShowsTheTokenOrUrlCredentials() throws Exception {
        local.git("remote", "set-url", "origin", "https://someone:url-secret@127.0.0.1:" + closedPort() + "/o/r.git");
        String release = local.c("-m", "chore(release): 1.0.0");

        try (GitRepo git = GitRepo.open(local.dir())) {
            git.createAnnotatedTag("v1.0.0", release, "v1.0.0");
            ReleaseException e = assertThrows(ReleaseException.class, () -> git.pushAtomic("origin", "main", "v1.0.0", Optional.of(FAKE_TOKEN)));

            String text = e.getMessage() + e.getCause();
            assertTrue(e.getMessage().contains("failed, nothing was updated on the remote: fatal: unable to access 'https://"),
                    e.getMessage());
            assertFalse(text.contains(FAKE_TOKEN), text);
            assertFalse(text.contains(GitPush.basicCredentials(FAKE_TOKEN)), text);
            assertFalse(text.contains("url-secret"), text);
        }
    }

    @Test
    void theTokenTravelsAsAnAuthorizationHeaderAndIsMaskedInTheFailure() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = ("denied for " + FAKE_TOKEN + "\n").getBytes();
            exchange.sendResponseHeaders(403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            local.git("remote", "set-url", "origin", "http://127.0.0.1:" + server.getAddress().getPort() + "/o/r.git");
            String release = local.c("-m", "chore(release): 1.0.0");
            try (GitRepo git = GitRepo.open(local.dir())) {
                git.createAnnotatedTag("v1.0.0", release, "v1.0.0");
                ReleaseException e = assertThrows(ReleaseException.class, () -> git.pushAtomic("origin", "main", "v1.0.0", Optional.of(FAKE_TOKEN)));

                assertFalse(e.getMessage().contains(FAKE_TOKEN), e.getMessage());
            }
        } finally {
            server.stop(0);
        }
        assertFalse(authorizations.isEmpty());
        assertEquals("basic eC1hY2Nlc3MtdG9rZW46Z2hzX0ZBS0V0b2tlbjAxMjM0NTY3ODlhYmNkZWZBQkNERUY=", authorizations.get(0));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theCommandLineCarriesRefspecsOnlyAndTheEnvironmentCarriesTheHeader() throws Exception {
        Path record = tmp.resolve("record.txt");
        Path fakeGit = tmp.resolve("fake-git");
        Files.writeString(fakeGit, "#!/bin/sh\n"
                + "{ echo \"args: $*\"; echo \"prompt: $GIT_TERMINAL_PROMPT\"; echo \"count: $GIT_CONFIG_COUNT\";"
                + " echo \"key: $GIT_CONFIG_KEY_0\"; } > '" + record + "'\n"
                + "[ \"$GIT_CONFIG_VALUE_0\" = 'AUTHORIZATION: basic " + GitPush.basicCredentials(FAKE_TOKEN) + "' ] || exit 3\n"
                + "cat > /dev/null\n");
        Files.setPosixFilePermissions(fakeGit, PosixFilePermissions.fromString("rwx------"));
        local.git("remote", "set-url", "origin", "https://github.com/o/r.git");

        try (GitRepo git = GitRepo.open(local.dir()).withGitExecutable(fakeGit.toString())) {
            git.pushAtomic("origin", "main", "v1.0.0", Optional.of(FAKE_TOKEN));
        }

        assertEquals(List.of(
                        "args: push --atomic origin refs/heads/main:refs/heads/main refs/tags/v1.0.0:refs/tags/v1.0.0",
                        "prompt: 0",
                        "count: 1",
                        "key: http.extraheader"),
                Files.readAllLines(record));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theTokenIsNotHandedToGitForAnSshRemote() throws Exception {
        Path record = tmp.resolve("record.txt");
        Path fakeGit = tmp.resolve("fake-git");
        Files.writeString(fakeGit, "#!/bin/sh\n{ echo \"args: $*\"; echo \"count: ${GIT_CONFIG_COUNT:-none}\";"
                + " env | grep -c '" + FAKE_TOKEN + "'; } > '" + record + "'\nexit 0\n");
        Files.setPosixFilePermissions(fakeGit, PosixFilePermissions.fromString("rwx------"));
        local.git("remote", "set-url", "origin", "git@github.com:o/r.git");

        try (GitRepo git = GitRepo.open(local.dir()).withGitExecutable(fakeGit.toString())) {
            git.pushAtomic("origin", "main", "v1.0.0", Optional.of(FAKE_TOKEN));
        }

        assertEquals(List.of(
                        "args: push --atomic origin refs/heads/main:refs/heads/main refs/tags/v1.0.0:refs/tags/v1.0.0",
                        "count: none",
                        "0"),
                Files.readAllLines(record), "git ran, without the header and without the token anywhere in its environment");
    }

    @Test
    void aMissingGitProgramIsNamedWithTheFix() {
        try (GitRepo git = GitRepo.open(local.dir()).withGitExecutable(tmp.resolve("no-git-here").toString())) {
            ReleaseException e = assertThrows(ReleaseException.class, () -> git.pushAtomic("origin", "main", "v1.0.0", Optional.empty()));
            assertTrue(e.getMessage().startsWith("cannot run '" + tmp.resolve("no-git-here") + "' to push main and v1.0.0 to origin ("), e.getMessage());
            assertTrue(e.getMessage().endsWith("): install git and put it on the PATH, then rerun"), e.getMessage());
        }
    }

    @Test
    void refusesNamesThatGitWouldReadAsOptionsOrReject() {
        try (GitRepo git = GitRepo.open(local.dir())) {
            assertThrows(IllegalArgumentException.class, () -> git.pushAtomic("--upload-pack=x", "main", "v1.0.0", Optional.empty()));
            assertThrows(IllegalArgumentException.class, () -> git.pushAtomic("origin", "bad..branch", "v1.0.0", Optional.empty()));
            assertThrows(IllegalArgumentException.class, () -> git.pushAtomic("origin", "main", "v1.0.0:x", Optional.empty()));
        }
    }

    @Test
    void remoteUrlIsTheConfiguredUrl() {
        try (GitRepo git = GitRepo.open(local.dir())) {
            assertEquals(Optional.of(origin.dir().toUri().toString()), git.remoteUrl("origin"));
            assertEquals(Optional.empty(), git.remoteUrl("upstream"));
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
