package dev.llmproxy.release.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.github.ReleaseOutcome.Action;
import dev.llmproxy.release.github.ReleaseOutcome.AssetAction;
import dev.llmproxy.release.standin.Fault;
import dev.llmproxy.release.standin.GitHubStandIn;
import dev.llmproxy.release.standin.RecordedRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GitHubReleaserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "ghp_test-token-value";
    private static final String SHA = "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0";

    @TempDir
    Path dir;

    private GitHubStandIn standIn = GitHubStandIn.start("example-org/app", TOKEN);
    private final FakeTime time = new FakeTime();
    private final RecordingLog log = new RecordingLog();

    @AfterEach
    void stop() {
        standIn.close();
        assertFalse(log.all().contains(TOKEN), "the token must never be logged");
    }

    private GitHubReleaser releaser() {
        return releaser(Optional.of(TOKEN));
    }

    private GitHubReleaser releaser(Optional<String> token) {
        return new GitHubReleaser(new GitHubConfig(standIn.apiUrl(), "example-org", "app", token), time.policy(), log);
    }

    private Path file(String name, int size) throws IOException {
        byte[] content = new byte[size];
        for (int i = 0; i < size; i++) {
            content[i] = (byte) ('a' + (name.hashCode() + i) % 26);
        }
        return Files.write(dir.resolve(name), content);
    }

    private static ReleaseRequest request(String tag, boolean publish, List<Path> assets) {
        return new ReleaseRequest(tag, null, "## Notes for " + tag, SHA, publish, false, "true", assets, true);
    }

    /** The end state that matters: per release of the tag, its draft flag and asset name to size and SHA-256. */
    private String endState(String tag) {
        return standIn.releases().stream().filter(r -> r.get("tag_name").asText().equals(tag))
                .map(r -> r.get("draft").asBoolean() + " " + r.get("body").asText() + " " + assetsOf(r))
                .collect(Collectors.joining(" | "));
    }

    private Map<String, String> assetsOf(JsonNode release) {
        Map<String, String> assets = new TreeMap<>();
        release.get("assets").forEach(a -> assets.put(a.get("name").asText(), a.get("state").asText() + " "
                + a.get("size").asLong() + " " + standIn.assetSha256(a.get("id").asLong()).orElseThrow()));
        return assets;
    }

    private List<JsonNode> requestBodies(String method, String pathRegex) {
        return standIn.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().matches(".*" + pathRegex))
                .map(r -> {
                    try {
                        return JSON.readTree(r.jsonBody());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).collect(Collectors.toList());
    }

    @Test
    void createsADraftWithFieldsAssetsAndChecksums() throws IOException {
        Path jar = file("app-1.4.0.jar", 1000);
        Path zip = file("app-1.4.0.zip", 2000);

        ReleaseOutcome outcome = releaser().sync(request("v1.4.0", false, List.of(jar, zip)), false);

        assertEquals(Action.CREATE, outcome.action());
        assertTrue(outcome.draft());
        assertFalse(outcome.publishedNow());
        JsonNode release = standIn.release(outcome.releaseId()).orElseThrow();
        assertEquals("v1.4.0", release.get("name").asText());
        assertEquals(SHA, release.get("target_commitish").asText());
        assertTrue(release.get("draft").asBoolean());
        String sums = Checksums.sha256(jar) + "  app-1.4.0.jar\n" + Checksums.sha256(zip) + "  app-1.4.0.zip\n";
        Path expectedSums = Files.writeString(dir.resolve("expected-sums"), sums);
        assertEquals(Map.of(
                "app-1.4.0.jar", "uploaded 1000 " + Checksums.sha256(jar),
                "app-1.4.0.zip", "uploaded 2000 " + Checksums.sha256(zip),
                "SHA256SUMS", "uploaded " + sums.length() + " " + Checksums.sha256(expectedSums)), assetsOf(release));
        assertEquals(List.of(AssetAction.UPLOAD, AssetAction.UPLOAD, AssetAction.UPLOAD),
                outcome.assets().stream().map(ReleaseOutcome.AssetOutcome::action).toList());
        assertTrue(standIn.tagTarget("v1.4.0").isEmpty(), "a draft creates no tag");
    }

    @Test
    void rerunChangesNothingAndWritesNothing() throws IOException {
        List<Path> assets = List.of(file("app.jar", 300));
        releaser().sync(request("v1.4.0", true, assets), false);
        String before = endState("v1.4.0");
        standIn.clearRequests();

        ReleaseOutcome again = releaser().sync(request("v1.4.0", true, assets), false);

        assertEquals(Action.UNCHANGED, again.action());
        assertFalse(again.publishedNow());
        assertEquals(0, standIn.writeCount(), () -> standIn.requests().toString());
        assertEquals(before, endState("v1.4.0"));
        assertTrue(again.assets().stream().allMatch(a -> a.action() == AssetAction.KEEP));
    }

    @Test
    void publishesOnlyAfterEveryAssetAndCreatesTheTag() throws IOException {
        ReleaseOutcome outcome = releaser().sync(request("v1.4.0", true, List.of(file("a.jar", 10),
                file("b.jar", 20))), false);

        assertTrue(outcome.publishedNow());
        assertFalse(outcome.draft());
        List<RecordedRequest> writes = standIn.requests().stream().filter(r -> !r.method().equals("GET")).toList();
        RecordedRequest last = writes.get(writes.size() - 1);
        assertEquals("PATCH", last.method());
        assertEquals("{\"draft\":false,\"prerelease\":false,\"make_latest\":\"true\"}", last.jsonBody());
        assertEquals(3, writes.stream().filter(r -> r.path().startsWith("/uploads/")).count());
        assertEquals(SHA, standIn.tagTarget("v1.4.0").orElseThrow());
    }

    @Test
    void anAlreadyPublishedReleaseIsUpdatedInPlaceNeverReDrafted() throws IOException {
        List<Path> assets = List.of(file("app.jar", 10));
        releaser().sync(request("v1.4.0", true, assets), false);
        ReleaseRequest newNotes = new ReleaseRequest("v1.4.0", "Big release", "new notes", SHA, false, false, "true",
                assets, true);

        ReleaseOutcome outcome = releaser().sync(newNotes, false);

        assertEquals(Action.UPDATE, outcome.action());
        assertFalse(outcome.draft());
        JsonNode release = standIn.release(outcome.releaseId()).orElseThrow();
        assertEquals("new notes", release.get("body").asText());
        assertFalse(release.get("draft").asBoolean());
        assertTrue(requestBodies("PATCH", "/releases/\\d+").stream().noneMatch(b -> b.path("draft").asBoolean()));
    }

    @Test
    void g1DraftOnPageTwoIsUpdatedTwiceNeverCreatedAgain() throws IOException {
        standIn.close();
        standIn = GitHubStandIn.builder().repository("example-org/app").token(TOKEN).firstId(101).start();
        long draft = standIn.addRelease("v1.4.0", true);
        for (int i = 0; i < 120; i++) {
            standIn.addRelease("v0.0." + i, false);
        }
        assertEquals(101, draft);
        List<Path> assets = List.of(file("app.jar", 10));

        ReleaseOutcome first = releaser().sync(request("v1.4.0", false, assets), false);
        ReleaseOutcome second = releaser().sync(new ReleaseRequest("v1.4.0", null, "edited", SHA, false, false,
                "true", assets, true), false);

        assertEquals(101L, first.releaseId());
        assertEquals(101L, second.releaseId());
        assertEquals(Action.UPDATE, second.action());
        assertEquals(0, standIn.count("POST", "/releases$"));
        assertEquals(2, standIn.count("PATCH", "/releases/101$"));
        assertTrue(standIn.requests().stream().anyMatch(r -> r.path().endsWith("/releases")
                && r.query().contains("page=2")), "the second page was listed");
    }

    @Test
    void twoDraftsForOneTagFailNamingBothIds() throws IOException {
        long one = standIn.addRelease("v1.4.0", true);
        long two = standIn.addRelease("v1.4.0", true);

        ReleaseException error = assertThrows(ReleaseException.class,
                () -> releaser().sync(request("v1.4.0", false, List.of()), false));

        assertTrue(error.getMessage().contains("ids " + two + ", " + one), error.getMessage());
        assertEquals(0, standIn.writeCount());
    }

    @Test
    void g2SameNameAndSizeIsKeptOtherwiseReplaced() throws IOException {
        long release = standIn.addRelease("v1.4.0", true);
        long kept = standIn.addAsset(release, "app-1.4.0.jar", 100, "uploaded");
        long stale = standIn.addAsset(release, "app-1.4.0.zip", 5, "uploaded");
        long starter = standIn.addAsset(release, "app-1.4.0.tar.gz", 0, "starter");
        Path jar = Files.write(dir.resolve("app-1.4.0.jar"), new byte[100]);

        ReleaseOutcome outcome = releaser().sync(request("v1.4.0", false,
                List.of(jar, file("app-1.4.0.zip", 6), file("app-1.4.0.tar.gz", 7))), false);

        assertEquals(List.of(AssetAction.KEEP, AssetAction.REPLACE, AssetAction.REPLACE, AssetAction.UPLOAD),
                outcome.assets().stream().map(ReleaseOutcome.AssetOutcome::action).toList());
        assertEquals(1, standIn.count("DELETE", "/releases/assets/" + stale + "$"));
        assertEquals(1, standIn.count("DELETE", "/releases/assets/" + starter + "$"));
        assertEquals(0, standIn.count("DELETE", "/releases/assets/" + kept + "$"));
        assertEquals(List.of("SHA256SUMS", "app-1.4.0.jar", "app-1.4.0.tar.gz", "app-1.4.0.zip"),
                List.copyOf(assetsOf(standIn.release(release).orElseThrow()).keySet()));
    }

    @Test
    void g2RenamedNamesAreUploadedAsStoredAndKeptOnRerun() throws IOException {
        List<Path> assets = List.of(file("My App 1.4.0.zip", 10), file("pkg_1.4.0-1~bookworm_amd64.deb", 20),
                file("app-(x64).zip", 30));

        GitHubReleaser firstRun = releaser();
        firstRun.sync(request("v1.4.0", false, assets), true);
        ReleaseOutcome first = firstRun.sync(request("v1.4.0", false, assets), false);
        ReleaseOutcome second = releaser().sync(request("v1.4.0", false, assets), false);

        assertEquals(List.of("My.App.1.4.0.zip", "pkg_1.4.0-1.bookworm_amd64.deb", "app-.x64..zip", "SHA256SUMS"),
                first.assets().stream().map(ReleaseOutcome.AssetOutcome::storedName).toList());
        assertTrue(second.assets().stream().allMatch(a -> a.action() == AssetAction.KEEP));
        assertEquals(4, standIn.release(first.releaseId()).orElseThrow().get("assets").size());
        assertTrue(log.all().contains("My App 1.4.0.zip is stored by GitHub as My.App.1.4.0.zip"), log.all());
        assertEquals(2, log.all().split("My App 1.4.0.zip is stored by GitHub as", -1).length - 1,
                "said once per run (its preview and its release share one releaser): " + log.all());
        assertTrue(log.all().contains("GitHub: asset My.App.1.4.0.zip is already uploaded with the same size and SHA-256,"
                + " kept"), log.all());
    }

    @Test
    void g2TwoFilesWithTheSameStoredNameAreRejectedBeforeAnyRequest() throws IOException {
        Files.createDirectories(dir.resolve("x"));
        Path one = file("app 1.zip", 1);
        Path two = Files.write(dir.resolve("x").resolve("app~1.zip"), new byte[1]);

        ReleaseException error = assertThrows(ReleaseException.class,
                () -> releaser().sync(request("v1.4.0", false, List.of(one, two)), false));

        assertTrue(error.getMessage().contains("both be stored by GitHub as 'app.1.zip'"), error.getMessage());
        assertEquals(0, standIn.requests().size());
    }

    @Test
    void g3EnterpriseUploadsGoToTheReleasesUploadUrlOnTheSameHost() throws IOException {
        standIn.close();
        standIn = GitHubStandIn.builder().repository("example-org/app").token(TOKEN).enterprise().start();
        assertTrue(standIn.apiUrl().getPath().equals("/api/v3"));

        releaser().sync(new ReleaseRequest("v1.4.0", null, "", SHA, false, false, "true",
                List.of(file("app.jar", 5)), false), false);

        RecordedRequest upload = standIn.requests().stream().filter(r -> r.method().equals("POST")
                && r.path().contains("/assets")).findFirst().orElseThrow();
        assertTrue(upload.path().matches("/api/uploads/repos/example-org/app/releases/\\d+/assets"), upload.path());
        assertEquals("name=app.jar", upload.query());
        assertTrue(standIn.requests().stream().allMatch(r -> r.path().startsWith("/api/")));
    }

    @Test
    void g3AnUploadUrlOnAnotherHostIsRefusedWithoutConnecting() throws IOException {
        try (ServerSocketChannel other = ServerSocketChannel.open()) {
            other.bind(new InetSocketAddress("127.0.0.1", 0)).configureBlocking(false);
            standIn.uploadUrlBase("http://127.0.0.1:" + ((InetSocketAddress) other.getLocalAddress()).getPort());

            ReleaseException error = assertThrows(ReleaseException.class, () -> releaser().sync(
                    request("v1.4.0", false, List.of(file("app.jar", 5))), false));

            String foreign = "http://127.0.0.1:" + ((InetSocketAddress) other.getLocalAddress()).getPort();
            assertEquals("GitHub answered create release v1.4.0 with an upload_url on " + foreign + ", which is "
                    + "neither the upload origin " + origin() + " nor the API origin " + origin() + "; nothing was "
                    + "uploaded and the token was not sent there: set release.github.uploadUrl=" + foreign
                    + " if that server is yours, else check release.github.apiUrl", error.getMessage());
            assertNull(other.accept(), "nothing may connect to the other host");
        }
    }

    @Test
    void g4PreReleaseBackportAndLatestSendMakeLatestAsString() throws IOException {
        standIn.addRelease("v2.0.0", false);
        long v200 = standIn.latestReleaseId().orElseThrow();
        List<Path> none = List.of();

        releaser().sync(new ReleaseRequest("v2.1.0-rc.1", null, "", SHA, true, true, "false", none, false), false);
        assertEquals(v200, standIn.latestReleaseId().orElseThrow());
        releaser().sync(new ReleaseRequest("v1.9.5", null, "", SHA, true, false, "false", none, false), false);
        assertEquals(v200, standIn.latestReleaseId().orElseThrow());
        ReleaseOutcome v210 = releaser().sync(new ReleaseRequest("v2.1.0", null, "", SHA, true, false, "true", none,
                false), false);

        assertEquals(v210.releaseId(), standIn.latestReleaseId().orElseThrow());
        List<String> publishBodies = requestBodies("POST", "/releases").stream()
                .map(b -> b.get("tag_name").asText() + " draft=" + b.get("draft") + " prerelease=" + b.get("prerelease")
                        + " make_latest=" + b.get("make_latest")).toList();
        assertEquals(List.of(
                "v2.1.0-rc.1 draft=false prerelease=true make_latest=\"false\"",
                "v1.9.5 draft=false prerelease=false make_latest=\"false\"",
                "v2.1.0 draft=false prerelease=false make_latest=\"true\""), publishBodies);
        assertEquals(0, standIn.count("PATCH", "/releases/"), "without assets a release is created published");
    }

    private String origin() {
        return "http://127.0.0.1:" + standIn.port();
    }

    static Stream<Arguments> permanentErrors() {
        return Stream.of(
                Arguments.of(Fault.on("*", "").status(403, "Resource not accessible by integration").times(99),
                        403, "the token lacks the contents: write permission on example-org/app"),
                Arguments.of(Fault.on("POST", "/releases$").status(422, "Validation Failed").times(99),
                        422, "GitHub rejected create release v1.4.0 (422 Validation Failed)"),
                Arguments.of(Fault.on("*", "").status(404, "Not Found").times(99),
                        404, "repository example-org/app does not exist or the token cannot see it"));
    }

    @ParameterizedTest
    @MethodSource("permanentErrors")
    void permanentErrorsFailAtOnceNamingTheCause(Fault fault, int status, String message) {
        standIn.inject(fault);

        GitHubApiException error = assertThrows(GitHubApiException.class,
                () -> releaser().sync(request("v1.4.0", false, List.of()), false));

        assertEquals(status, error.status());
        assertTrue(error.getMessage().contains(message), error.getMessage());
        assertEquals(List.of(), time.sleeps, "no retry on a permanent error");
    }

    @Test
    void badCredentialsNameTheTokenVariables() {
        GitHubApiException error = assertThrows(GitHubApiException.class,
                () -> releaser(Optional.of("wrong")).sync(request("v1.4.0", false, List.of()), false));

        assertEquals("GitHub rejected the token for read tag v1.4.0 (401 Bad credentials): set GITHUB_TOKEN or GH_TOKEN "
                + "to a valid token for example-org/app", error.getMessage());
    }

    @Test
    void validationErrorsShowGitHubsErrorList() {
        String longBody = "x".repeat(GitHubStandIn.MAX_BODY_CHARS + 1);

        GitHubApiException error = assertThrows(GitHubApiException.class, () -> releaser().sync(
                new ReleaseRequest("v1.4.0", null, longBody, SHA, false, false, "true", List.of(), false), false));

        assertTrue(error.getMessage().contains("Release.body custom (body is too long (maximum is 125000 "
                + "characters))"), error.getMessage());
    }

    @Test
    void secondaryRateLimitWaitsForRetryAfter() throws IOException {
        standIn.inject(Fault.on("POST", "/releases$").status(403,
                "You have exceeded a secondary rate limit").retryAfter(7));

        releaser().sync(request("v1.4.0", false, List.of()), false);

        assertEquals(List.of(Duration.ofSeconds(7)), time.sleeps);
        assertEquals(1, standIn.releases().size());
    }

    @Test
    void transientFailuresGiveUpWithinTheLimitsNamingTheLastCause() {
        standIn.inject(Fault.on("GET", "/releases$").status(502, "Server Error").times(99));

        ReleaseException error = assertThrows(ReleaseException.class,
                () -> releaser().sync(request("v1.4.0", false, List.of()), false));

        assertEquals("GitHub: list releases failed 4 time(s), last: 502 Server Error: rerun the release later, "
                + "it resumes where it stopped", error.getMessage());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), time.sleeps);
    }

    @Test
    void theTotalTimeLimitStopsRetriesEarly() {
        standIn.inject(Fault.on("GET", "/releases$").status(503, "Unavailable").retryAfter(200).times(99));
        GitHubReleaser releaser = new GitHubReleaser(new GitHubConfig(standIn.apiUrl(), "example-org", "app",
                Optional.of(TOKEN)), time.policy(10, Duration.ofSeconds(300)), log);

        assertThrows(ReleaseException.class, () -> releaser.sync(request("v1.4.0", false, List.of()), false));

        assertEquals(List.of(Duration.ofSeconds(200)), time.sleeps);
    }

    static Stream<Arguments> faultsAtEachStep() {
        return Stream.of(
                Arguments.of("list releases 502", Fault.on("GET", "/releases$").status(502, "Bad Gateway").times(9)),
                Arguments.of("create 500", Fault.on("POST", "/releases$").status(500, "Server Error").times(9)),
                Arguments.of("create landed then 502", Fault.on("POST", "/releases$").landedThen502()),
                Arguments.of("create reset", Fault.on("POST", "/releases$").reset().times(9)),
                Arguments.of("upload 502", Fault.on("POST", "/uploads/").status(502, "Bad Gateway").times(2)),
                Arguments.of("read tag 502", Fault.on("GET", "/git/ref/tags/").status(502, "Bad Gateway").times(9)),
                Arguments.of("upload landed then 502", Fault.on("POST", "/uploads/.*/assets$").landedThen502()),
                Arguments.of("upload starter then 502", Fault.on("POST", "/uploads/").starterThen502().times(9)),
                Arguments.of("upload reset", Fault.on("POST", "/uploads/").reset().times(2)),
                Arguments.of("upload timeout", Fault.on("POST", "/uploads/").delay(Duration.ofMillis(1500))),
                Arguments.of("delete asset 500", Fault.on("DELETE", "/assets/").status(500, "Server Error").times(9)),
                Arguments.of("publish 502", Fault.on("PATCH", "/releases/\\d+$").status(502, "Bad Gateway").times(9)),
                Arguments.of("publish landed then 502", Fault.on("PATCH", "/releases/\\d+$").landedThen502()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultsAtEachStep")
    void aRerunAfterAFaultAtAnyStepEndsLikeOneCleanRun(String step, Fault fault) throws IOException {
        List<Path> assets = List.of(file("app.jar", 4096), file("app.zip", 2048));
        String clean = cleanRunEndState(assets);
        // create faults need a first run that creates; the others start from a draft with a stale half-upload
        long staleStarter = step.startsWith("create") ? -1
                : standIn.addAsset(standIn.addRelease("v1.4.0", true), "app.jar", 1, "starter");
        standIn.inject(fault);
        GitHubReleaser releaser = new GitHubReleaser(new GitHubConfig(standIn.apiUrl(), "example-org", "app",
                Optional.of(TOKEN)), shortTimeouts(), log);

        try {
            releaser.sync(request("v1.4.0", true, assets), false);
        } catch (ReleaseException firstRunFailed) {
            log.info("first run failed: " + firstRunFailed.getMessage());
        }
        assertTrue(fault.fired() >= 1, "the fault of step '" + step + "' never matched a request");
        standIn.clearFaults();
        assertTrue(fault.fired() > 0, "the fault " + step + " never matched a request");
        releaser.sync(request("v1.4.0", true, assets), false);

        assertEquals(clean, endState("v1.4.0"), log::all);
        assertTrue(standIn.releases().stream().flatMap(r -> Stream.of(r.get("assets")))
                .noneMatch(a -> a.toString().contains("\"id\":" + staleStarter + ",")));
    }

    private RetryPolicy shortTimeouts() {
        RetryPolicy fake = time.policy(3, Duration.ofMinutes(5));
        return new RetryPolicy(fake.maxAttempts(), fake.initialBackoff(), fake.maxBackoff(), fake.totalLimit(),
                Duration.ofMillis(500), fake.sleeper(), fake.nanoClock());
    }

    private String cleanRunEndState(List<Path> assets) {
        try (GitHubStandIn reference = GitHubStandIn.start("example-org/app", TOKEN)) {
            new GitHubReleaser(new GitHubConfig(reference.apiUrl(), "example-org", "app", Optional.of(TOKEN)),
                    time.policy(), log).sync(request("v1.4.0", true, assets), false);
            GitHubStandIn current = standIn;
            standIn = reference;
            String state = endState("v1.4.0");
            standIn = current;
            return state;
        }
    }

    @Test
    void dryRunNeedsNoTokenWritesNothingAndTellsWhatWouldHappen() throws IOException {
        standIn.close();
        standIn = GitHubStandIn.start("example-org/app", null);
        Path jar = file("app.jar", 10);

        ReleaseOutcome planned = releaser(Optional.empty()).sync(request("v1.4.0", true, List.of(jar)), true);

        assertEquals(0, standIn.writeCount());
        assertEquals("would create published release\n  upload app.jar (10 bytes)\n  upload SHA256SUMS (74 bytes)",
                planned.describe());
        assertTrue(standIn.requests().stream().noneMatch(RecordedRequest::authenticated));
    }

    @Test
    void dryRunAfterARealRunShowsKeepAndReplaceForTheExistingRelease() throws IOException {
        Path jar = file("app.jar", 10);
        ReleaseOutcome real = releaser().sync(request("v1.4.0", false, List.of(jar)), false);
        Files.write(jar, new byte[11]);
        standIn.clearRequests();

        ReleaseOutcome planned = releaser().sync(request("v1.4.0", false, List.of(jar)), true);

        assertEquals(0, standIn.writeCount());
        assertEquals(real.releaseId(), planned.releaseId());
        assertEquals(Action.UNCHANGED, planned.action());
        assertEquals(List.of(AssetAction.REPLACE, AssetAction.REPLACE),
                planned.assets().stream().map(ReleaseOutcome.AssetOutcome::action).toList());
    }

    @Test
    void writingWithoutATokenFailsBeforeAnyRequest() {
        ReleaseException error = assertThrows(ReleaseException.class,
                () -> releaser(Optional.empty()).sync(request("v1.4.0", false, List.of()), false));

        assertEquals("GITHUB_TOKEN or GH_TOKEN is not set: export a token with contents: write, or run with "
                + "release.dryRun=true", error.getMessage());
        assertEquals(0, standIn.requests().size());
    }

    @Test
    void tokenIsSentOnlyAsAuthorizationHeader() throws IOException {
        releaser().sync(request("v1.4.0", false, List.of(file("a.jar", 3))), false);

        assertEquals(5, standIn.requests().size(), "tag, list, create, two uploads");
        assertTrue(standIn.requests().stream().allMatch(RecordedRequest::authenticated));
        assertTrue(standIn.requests().stream().noneMatch(r -> (r.query() + r.path() + r.headers()
                + r.jsonBody()).contains(TOKEN)));
    }
}
