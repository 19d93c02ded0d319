package dev.llmproxy.release.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A stateful stand-in for the parts of GitHub's REST API (docs.github.com/rest, API version 2022-11-28) that
 * releases use, served on 127.0.0.1 by the JDK's HTTP server.
 *
 * <p>Endpoints, relative to {@link #apiUrl()} (field names, status codes and error bodies as GitHub documents them):
 * <ul>
 *   <li>{@code GET /repos/{o}/{r}}</li>
 *   <li>releases: {@code GET /releases?per_page&page} (newest first, {@code Link} header), {@code POST /releases},
 *       {@code GET|PATCH|DELETE /releases/{id}}, {@code GET /releases/tags/{tag}} (published only: drafts answer 404),
 *       {@code GET /releases/latest}; {@code make_latest} must be a string; a body over 125,000 characters is 422</li>
 *   <li>assets: {@code GET /releases/{id}/assets}, {@code GET|DELETE /releases/assets/{id}}, and uploads to the
 *       release's {@code upload_url} (a separate path prefix, {@code /uploads} by default) with {@code ?name=},
 *       {@code Content-Length} required, GitHub's renaming of special characters, a duplicate stored name answering
 *       422 {@code already_exists}, states {@code starter}/{@code uploaded}, {@code digest} {@code "sha256:..."};
 *       content is streamed and only its size and SHA-256 are kept</li>
 *   <li>{@code GET /pulls?state&sort&direction&per_page&page}, {@code GET /commits/{sha}/pulls},
 *       {@code GET /issues/{n}}, {@code GET|POST /issues/{n}/comments}, {@code GET /issues/comments?since} (every
 *       comment of the repository updated at or after {@code since}, oldest first), {@code GET /git/ref/tags/{tag}} (a tag is
 *       created when a release is published)</li>
 * </ul>
 * Authentication: when a token is configured, a wrong token answers 401 "Bad credentials", a missing one may read
 * (drafts hidden, as for an anonymous reader of a public repository) and answers 401 "Requires authentication" on
 * writes. A webhook receiver at {@link #webhookUrl()} records Slack-style POST bodies.
 *
 * <p>Tests inject faults with {@link #inject(Fault)}, count calls with {@link #requests()} and read whole
 * request/response pairs with {@link #exchanges()} (checked against GitHub's OpenAPI description by a test).
 * Standalone:
 * {@code java -jar github-stand-in.jar --port 8080 --repo owner/name --token T} prints the API URL on stdout and
 * serves until killed; there, {@code GET /_stand-in/requests} and {@code GET /_stand-in/releases} show the state and
 * {@code POST /_stand-in/pulls} (a {@link PullRequestSeed} as JSON) and {@code POST /_stand-in/issues}
 * ({@code {"number":1,"title":"t","closed":true}}) seed data.
 *
 * <p>Thread-safe. Not a security boundary: it binds to the loopback address only.
 */
public final class GitHubStandIn implements AutoCloseable {
    /** GitHub's limit on a release body, in characters. */
    public static final int MAX_BODY_CHARS = 125_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCS = "https://docs.github.com/rest";
    private static final Pattern REPO_PATH = Pattern.compile("^/repos/([^/]+)/([^/]+)(/.*)?$");
    private static final Pattern UPLOAD_PATH = Pattern.compile("^/repos/([^/]+)/([^/]+)/releases/(\\d+)/assets$");

    private final String owner;
    private final String repo;
    private final String token;
    private final String apiPrefix;
    private final String uploadPrefix;
    private final boolean immutableReleases;
    private final HttpServer server;
    private final HttpServer uploadServer;
    private final boolean strictAssetNames;
    private final ExecutorService executor;
    private final GitHubShapes shapes;
    private volatile String uploadUrlBase;

    private final Map<Long, ObjectNode> releases = new TreeMap<>(Collections.reverseOrder());
    private final Map<Long, ObjectNode> assets = new LinkedHashMap<>();
    private final Map<Long, Long> assetRelease = new LinkedHashMap<>();
    private final Map<Long, String> assetSha256 = new LinkedHashMap<>();
    private final Map<Integer, ObjectNode> pulls = new TreeMap<>();
    private final Map<Integer, ObjectNode> issues = new TreeMap<>();
    private final Map<Integer, List<ObjectNode>> comments = new TreeMap<>();
    private final Map<String, String> tags = new TreeMap<>();
    private final Map<String, String> annotatedTags = new TreeMap<>();
    private Long latestReleaseId;
    private long nextId;

    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> log = new CopyOnWriteArrayList<>();
    private final List<RecordedExchange> exchanges = new CopyOnWriteArrayList<>();
    private final List<String> webhookBodies = new CopyOnWriteArrayList<>();

    private final String readOnlyToken;

    private GitHubStandIn(Builder builder) throws IOException {
        this.readOnlyToken = builder.readOnlyToken;
        this.owner = builder.owner;
        this.repo = builder.repo;
        this.token = builder.token;
        this.apiPrefix = builder.apiPrefix;
        this.uploadPrefix = builder.uploadPrefix;
        this.immutableReleases = builder.immutableReleases;
        this.nextId = builder.firstId;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 64);
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "github-stand-in");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, false));
        server.start();
        if (builder.separateUploadOrigin) {
            this.uploadServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            uploadServer.setExecutor(executor);
            uploadServer.createContext("/", exchange -> handle(exchange, true));
            uploadServer.start();
            this.uploadUrlBase = "http://127.0.0.1:" + uploadServer.getAddress().getPort();
        } else {
            this.uploadServer = null;
            this.uploadUrlBase = baseUrl() + uploadPrefix;
        }
        this.strictAssetNames = builder.strictAssetNames;
        this.shapes = new GitHubShapes(JSON, baseUrl(), baseUrl() + apiPrefix, owner, repo);
    }

    /** @return a builder for repository {@code example-org/app}, no token, random port, GitHub.com paths */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a stand-in with defaults and the given repository and token.
     *
     * @param repository {@code owner/name}
     * @param token the only accepted token, or null to accept any request
     * @return the running stand-in; close it when done
     */
    public static GitHubStandIn start(String repository, String token) {
        return builder().repository(repository).token(token).start();
    }

    /** Configuration of a stand-in before it starts. */
    public static final class Builder {
        private String owner = "example-org";
        private String repo = "app";
        private String token;
        private String readOnlyToken;
        private int port;
        private String apiPrefix = "";
        private String uploadPrefix = "/uploads";
        private long firstId = 1;
        private boolean separateUploadOrigin;
        private boolean immutableReleases;
        private boolean strictAssetNames;

        private Builder() {
        }

        /**
         * @param repository {@code owner/name}
         * @return this
         */
        public Builder repository(String repository) {
            String[] parts = repository.split("/", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new IllegalArgumentException("repository must be owner/name, got '" + repository + "'");
            }
            this.owner = parts[0];
            this.repo = parts[1];
            return this;
        }

        /**
         * @param token the only accepted token ({@code Authorization: Bearer T} or {@code token T}); null accepts all
         * @return this
         */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /**
         * @param readOnlyToken a second accepted token that may only read: {@code GET /repos/o/r} answers
         *     {@code permissions.push: false} for it and every other method answers 403 "Resource not
         *     accessible by personal access token", as GitHub does for a token without contents: write
         * @return this
         */
        public Builder readOnlyToken(String readOnlyToken) {
            this.readOnlyToken = readOnlyToken;
            return this;
        }

        /**
         * @param port TCP port on 127.0.0.1; 0 (default) picks a free one
         * @return this
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Serves GitHub Enterprise Server paths: API under {@code /api/v3}, uploads under {@code /api/uploads}.
         *
         * @return this
         */
        public Builder enterprise() {
            this.apiPrefix = "/api/v3";
            this.uploadPrefix = "/api/uploads";
            return this;
        }

        /**
         * @param firstId the id given to the first release, asset or comment created (ids are shared and increase)
         * @return this
         */
        public Builder firstId(long firstId) {
            this.firstId = firstId;
            return this;
        }

        /**
         * Serves uploads on a second origin (another port on 127.0.0.1, paths {@code /repos/...} at its root), as
         * {@code uploads.github.com} and {@code uploads.SUBDOMAIN.ghe.com} do; the API origin then answers 404 to
         * upload paths. The release's {@code upload_url} names that origin ({@link #uploadOrigin()}).
         *
         * @return this
         */
        public Builder separateUploadOrigin() {
            this.separateUploadOrigin = true;
            return this;
        }

        /**
         * Renames asset names by the literal reading of GitHub's documentation ("GitHub renames asset filenames that
         * have special characters, non-alphanumeric characters, and leading or trailing periods"): every character
         * other than ASCII letters, digits, {@code .}, {@code -} and {@code _} becomes a period, and leading or
         * trailing periods go ({@code app-1.0+b7.zip -> app-1.0.b7.zip}); so a client's prediction of the stored name
         * can be wrong, as it can on GitHub, whose rule is not specified further.
         *
         * @return this
         */
        public Builder strictAssetNames() {
            this.strictAssetNames = true;
            return this;
        }

        /**
         * Models a repository with GitHub's immutable releases turned on: once a release is published its assets are
         * fixed, so an upload to it, or deleting one of its assets, answers 422 "Cannot upload assets to an immutable
         * release" (GitHub's answer); assets go onto the draft, which is then published.
         *
         * @return this
         */
        public Builder immutableReleases() {
            this.immutableReleases = true;
            return this;
        }

        /** @return the started stand-in */
        public GitHubStandIn start() {
            try {
                return new GitHubStandIn(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the GitHub stand-in on port " + port, e);
            }
        }
    }

    /**
     * Runs the stand-in standalone until the process is killed.
     *
     * @param args {@code --port N} (default 0), {@code --repo owner/name} (default example-org/app),
     *     {@code --token T} or {@code --token-env VAR} (default: accept any request), {@code --enterprise}
     */
    public static void main(String[] args) {
        Builder builder = builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> builder.port(Integer.parseInt(value(args, ++i, arg)));
                case "--repo" -> builder.repository(value(args, ++i, arg));
                case "--token" -> builder.token(value(args, ++i, arg));
                case "--token-env" -> builder.token(System.getenv(value(args, ++i, arg)));
                case "--enterprise" -> builder.enterprise();
                default -> {
                    System.err.println("unknown option " + arg
                            + ": use --port N --repo owner/name [--token T | --token-env VAR] [--enterprise]");
                    System.exit(2);
                }
            }
        }
        GitHubStandIn standIn = builder.start();
        System.out.println(standIn.apiUrl());
        System.out.flush();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[index];
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        server.stop(0);
        if (uploadServer != null) {
            uploadServer.stop(0);
        }
        executor.shutdownNow();
    }

    /** @return the TCP port on 127.0.0.1 */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the API base URL without trailing slash, e.g. {@code http://127.0.0.1:41234} or {@code .../api/v3} */
    public URI apiUrl() {
        return URI.create(baseUrl() + apiPrefix);
    }

    /**
     * @return the origin the release's {@code upload_url} names, e.g. {@code http://127.0.0.1:41235} (a second port
     *     with {@link Builder#separateUploadOrigin()}, else the API's origin)
     */
    public URI uploadOrigin() {
        URI base = URI.create(uploadUrlBase);
        return URI.create(base.getScheme() + "://" + base.getAuthority());
    }

    /** @return the URL of the webhook receiver; POST bodies sent there are kept by {@link #webhookMessages()} */
    public URI webhookUrl() {
        return URI.create(baseUrl() + "/hooks/release");
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * Makes new releases advertise another {@code upload_url} base (for tests that a client refuses other hosts).
     *
     * @param base e.g. {@code http://127.0.0.1:9} (no trailing slash); {@code /repos/...} is appended
     */
    public void uploadUrlBase(String base) {
        this.uploadUrlBase = base;
    }

    /** @param fault applied to the next matching requests; faults are tried in the order injected */
    public void inject(Fault fault) {
        faults.add(fault);
    }

    /** Removes every injected fault, used or not. */
    public void clearFaults() {
        faults.clear();
    }

    /** @return every request received so far (oldest first), admin and webhook requests excluded */
    public List<RecordedRequest> requests() {
        return List.copyOf(log);
    }

    /**
     * @param method HTTP method or {@code "*"}
     * @param pathRegex searched in the path
     * @return the number of logged requests that match
     */
    public long count(String method, String pathRegex) {
        Pattern pattern = Pattern.compile(pathRegex);
        return log.stream()
                .filter(r -> "*".equals(method) || r.method().equals(method))
                .filter(r -> pattern.matcher(r.path()).find())
                .count();
    }

    /** @return the number of requests that could change state (POST, PATCH, PUT, DELETE) */
    public long writeCount() {
        return log.stream().filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD")).count();
    }

    /**
     * @return every request with its full response (oldest first), admin and webhook requests excluded; the same
     *     requests as {@link #requests()}
     */
    public List<RecordedExchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** Forgets the request log and the recorded exchanges. */
    public void clearRequests() {
        log.clear();
        exchanges.clear();
    }

    /** @return the raw bodies POSTed to {@link #webhookUrl()}, oldest first */
    public List<String> webhookMessages() {
        return List.copyOf(webhookBodies);
    }

    // ---------------------------------------------------------------- seeding and inspection

    /**
     * Adds a release as if created earlier.
     *
     * @param tagName tag name
     * @param draft whether it is a draft (a published one also gets its tag)
     * @return the new release's id
     */
    public synchronized long addRelease(String tagName, boolean draft) {
        ObjectNode body = JSON.createObjectNode().put("tag_name", tagName).put("draft", draft)
                .put("target_commitish", "0".repeat(40));
        return createRelease(body).get("id").asLong();
    }

    /**
     * Adds an asset to a release as if uploaded earlier; the content is taken to be {@code size} zero bytes.
     *
     * @param releaseId existing release
     * @param storedName the asset name as GitHub stores it
     * @param size bytes
     * @param state {@code uploaded} or {@code starter}
     * @return the new asset's id
     */
    public synchronized long addAsset(long releaseId, String storedName, long size, String state) {
        ObjectNode asset = storeAsset(releaseId, storedName, "application/octet-stream", size, zeroSha256(size), state);
        return asset.get("id").asLong();
    }

    /** @param seed a closed pull request to serve from the pulls endpoints; also an issue with the same number */
    public synchronized void addPullRequest(PullRequestSeed seed) {
        String updated = seed.updatedAt();
        String merged = seed.merged() ? updated : null;
        ObjectNode pr = shapes.pullRequest(seed.number(), "topic-" + seed.number(), seed.headSha());
        pr.put("title", seed.title()).put("body", seed.body()).put("created_at", updated).put("updated_at", updated)
                .put("closed_at", updated).put("merged_at", merged).put("merge_commit_sha", seed.mergeCommitSha())
                .put("author_association", seed.authorAssociation());
        pr.set("user", shapes.user(seed.authorLogin()));
        ArrayNode labels = pr.putArray("labels");
        seed.labels().forEach(name -> labels.add(shapes.label(name)));
        pulls.put(seed.number(), pr);
        ObjectNode issue = shapes.issue(seed.number(), seed.title(), updated, seed.authorLogin());
        issue.set("labels", labels.deepCopy());
        issue.putObject("pull_request").put("url", pr.get("url").asText()).put("html_url", pr.get("html_url").asText())
                .put("diff_url", pr.get("diff_url").asText()).put("patch_url", pr.get("patch_url").asText())
                .put("merged_at", merged);
        issues.put(seed.number(), issue);
    }

    /**
     * @param number issue number
     * @param title title
     * @param closed whether the issue is closed
     */
    public synchronized void addIssue(int number, String title, boolean closed) {
        issues.put(number, shapes.issue(number, title, closed ? GitHubShapes.now() : null, "stand-in-bot"));
    }

    /** @return deep copies of all releases, newest first, each with its {@code assets} */
    public synchronized List<JsonNode> releases() {
        return releases.values().stream().map(this::withAssets).collect(Collectors.toList());
    }

    /**
     * @param id release id
     * @return a deep copy with its assets, or empty
     */
    public synchronized Optional<JsonNode> release(long id) {
        return Optional.ofNullable(releases.get(id)).map(this::withAssets);
    }

    /**
     * @param assetId asset id
     * @return lower-case hex SHA-256 of the stored content
     */
    public synchronized Optional<String> assetSha256(long assetId) {
        return Optional.ofNullable(assetSha256.get(assetId));
    }

    /**
     * @param issueNumber issue or pull request number
     * @return the comment bodies, oldest first
     */
    public synchronized List<String> comments(int issueNumber) {
        return comments.getOrDefault(issueNumber, List.of()).stream().map(c -> c.get("body").asText())
                .collect(Collectors.toList());
    }

    /**
     * Adds a tag as if pushed with git.
     *
     * @param tagName tag name, e.g. {@code v1.4.0}
     * @param commitSha the full SHA of the tagged commit
     * @param annotated true: the ref points at a tag object ({@code GET /git/tags/{sha}} leads to the commit), as
     *     {@code git tag -a} makes; false: at the commit
     */
    public synchronized void addTag(String tagName, String commitSha, boolean annotated) {
        tags.put(tagName, commitSha);
        if (annotated) {
            annotatedTags.put(tagName, sha1Hex("tag " + tagName + " " + commitSha));
        }
    }

    private static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JDK", e);
        }
    }

    /**
     * @param tagName tag name
     * @return the commit the tag points at, when it exists
     */
    public synchronized Optional<String> tagTarget(String tagName) {
        return Optional.ofNullable(tags.get(tagName));
    }

    /** @return the id of the release GitHub would call "Latest", when one is */
    public synchronized OptionalLong latestReleaseId() {
        return latestReleaseId == null ? OptionalLong.empty() : OptionalLong.of(latestReleaseId);
    }

    // ---------------------------------------------------------------- HTTP

    private void handle(HttpExchange exchange, boolean onUploadServer) throws IOException {
        Call call = new Call(exchange);
        call.onUploadServer = onUploadServer;
        try {
            if (call.path.startsWith("/_stand-in/")) {
                admin(call);
                return;
            }
            if (call.path.startsWith("/hooks/")) {
                webhookBodies.add(new String(call.body(), StandardCharsets.UTF_8));
                call.send(200, JSON.createObjectNode().put("ok", true));
                return;
            }
            if (applyFault(call)) {
                return;
            }
            route(call);
        } catch (ResetConnection reset) {
            call.status = 0; // closing the exchange without a response drops the connection
        } catch (RuntimeException e) {
            call.error(500, "stand-in failure: " + e);
        } finally {
            call.logOnce();
            exchange.close();
        }
    }

    /** Thrown inside the handler to make the JDK server drop the connection without a response. */
    private static final class ResetConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private boolean applyFault(Call call) throws IOException {
        Fault fault = faults.stream().filter(f -> f.take(call.method, call.path)).findFirst().orElse(null);
        if (fault == null) {
            return false;
        }
        sleep(fault);
        switch (fault.kind()) {
            case DELAY_ONLY -> {
                return false;
            }
            case RESET -> {
                call.drain();
                throw new ResetConnection();
            }
            case STATUS -> {
                call.drain();
                if (fault.retryAfterSeconds() != null) {
                    call.responseHeaders.put("retry-after", String.valueOf(fault.retryAfterSeconds()));
                }
                call.error(fault.statusCode(), fault.message());
                return true;
            }
            case LANDED_THEN_502 -> {
                call.landedThen502 = true;
                route(call);
                return true;
            }
            case RAW -> {
                call.drain();
                call.sendRaw(fault.statusCode(), fault.contentType(), fault.rawBody());
                return true;
            }
            case ALTERED_ANSWER -> {
                call.alteration = fault;
                route(call);
                return true;
            }
            case STARTER_THEN_502 -> {
                if (upload(call, "starter", false)) {
                    call.error(502, "Bad Gateway");
                }
                return true;
            }
            default -> throw new IllegalStateException("unknown fault kind " + fault.kind());
        }
    }

    private static void sleep(Fault fault) {
        try {
            Thread.sleep(fault.delayDuration().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void route(Call call) throws IOException {
        String path = call.path;
        boolean upload = call.isUpload();
        String prefix = call.prefix();
        if (!path.startsWith(prefix + "/") || uploadServer != null && !upload && path.startsWith(uploadPrefix + "/")) {
            call.error(404, "Not Found");
            return;
        }
        path = path.substring(prefix.length());
        Matcher repoMatch = REPO_PATH.matcher(path);
        if (!repoMatch.matches() || !repoMatch.group(1).equalsIgnoreCase(owner)
                || !repoMatch.group(2).equalsIgnoreCase(repo)) {
            call.error(404, "Not Found");
            return;
        }
        if (!authorised(call)) {
            return;
        }
        if (upload) {
            if (!UPLOAD_PATH.matcher(path).matches() || !call.method.equals("POST")) {
                call.error(404, "Not Found");
                return;
            }
            upload(call, "uploaded", true);
            return;
        }
        String rest = repoMatch.group(3) == null ? "" : repoMatch.group(3);
        synchronized (this) {
            repoRoute(call, rest.split("/", -1));
        }
    }

    private boolean authorised(Call call) throws IOException {
        if (token == null) {
            call.canSeeDrafts = true;
            return true;
        }
        String header = call.exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            if (!call.method.equals("GET")) {
                call.error(401, "Requires authentication");
                return false;
            }
            return true;
        }
        String presented = header.replaceFirst("(?i)^(token|bearer)\\s+", "");
        if (presented.equals(readOnlyToken)) {
            call.readOnly = true;
            if (!call.method.equals("GET")) {
                call.error(403, "Resource not accessible by personal access token");
                return false;
            }
            return true;
        }
        if (!presented.equals(token)) {
            call.error(401, "Bad credentials");
            return false;
        }
        call.canSeeDrafts = true;
        return true;
    }

    /** Routes {@code /repos/o/r} + rest, where {@code parts[0]} is empty and parts[1..] are the segments. */
    private void repoRoute(Call call, String[] parts) throws IOException {
        String m = call.method;
        String first = parts.length > 1 ? parts[1] : "";
        int n = parts.length;
        if (n == 1 && m.equals("GET")) {
            call.send(200, shapes.repository(true).set("permissions", shapes.permissions(!call.readOnly)));
        } else if (first.equals("releases")) {
            releaseRoute(call, parts);
        } else if (first.equals("pulls") && n == 2 && m.equals("GET")) {
            listPulls(call);
        } else if (first.equals("commits") && n == 4 && parts[3].equals("pulls") && m.equals("GET")) {
            List<ObjectNode> found = pulls.values().stream()
                    .filter(pr -> parts[2].equals(pr.path("merge_commit_sha").asText())
                            || parts[2].equals(pr.path("head").path("sha").asText()))
                    .collect(Collectors.toList());
            call.sendPage(found, 30);
        } else if (first.equals("issues") && n == 3 && parts[2].equals("comments") && m.equals("GET")) {
            String since = call.query("since");
            List<ObjectNode> all = comments.values().stream().flatMap(List::stream)
                    .filter(c -> since == null || c.get("updated_at").asText().compareTo(since) >= 0)
                    .sorted((a, b) -> Long.compare(a.get("id").asLong(), b.get("id").asLong()))
                    .map(ObjectNode::deepCopy).collect(Collectors.toList());
            call.sendPage(all, 30);
        } else if (first.equals("issues") && n >= 3 && isNumber(parts[2])) {
            issueRoute(call, parts);
        } else if (first.equals("git") && n >= 5 && parts[2].equals("ref") && parts[3].equals("tags")
                && m.equals("GET")) {
            String tag = String.join("/", java.util.Arrays.copyOfRange(parts, 4, n));
            String sha = tags.get(tag);
            if (sha == null) {
                call.error(404, "Not Found");
            } else {
                ObjectNode ref = JSON.createObjectNode().put("ref", "refs/tags/" + tag).put("node_id", "REF_" + tag)
                        .put("url", apiUrl() + repoPath() + "/git/refs/tags/" + tag);
                String tagObject = annotatedTags.get(tag);
                ref.putObject("object").put("sha", tagObject == null ? sha : tagObject)
                        .put("type", tagObject == null ? "commit" : "tag")
                        .put("url", apiUrl() + repoPath() + (tagObject == null ? "/git/commits/" + sha
                                : "/git/tags/" + tagObject));
                call.send(200, ref);
            }
        } else if (first.equals("git") && n == 4 && parts[2].equals("tags") && m.equals("GET")) {
            String tag = annotatedTags.entrySet().stream().filter(e -> e.getValue().equals(parts[3]))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (tag == null) {
                call.error(404, "Not Found");
            } else {
                String url = apiUrl() + repoPath() + "/git/tags/" + parts[3];
                ObjectNode object = JSON.createObjectNode().put("node_id", "TAG_" + tag).put("tag", tag)
                        .put("sha", parts[3]).put("url", url).put("message", "Release " + tag + "\n");
                object.putObject("tagger").put("name", "stand-in").put("email", "stand-in@example.org")
                        .put("date", GitHubShapes.now());
                object.putObject("object").put("sha", tags.get(tag)).put("type", "commit")
                        .put("url", apiUrl() + repoPath() + "/git/commits/" + tags.get(tag));
                object.putObject("verification").put("verified", false).put("reason", "unsigned")
                        .putNull("signature").putNull("payload").putNull("verified_at");
                call.send(200, object);
            }
        } else {
            call.error(404, "Not Found");
        }
    }

    private void releaseRoute(Call call, String[] parts) throws IOException {
        String m = call.method;
        int n = parts.length;
        if (n == 2 && m.equals("GET")) {
            List<ObjectNode> visible = releases.values().stream()
                    .filter(r -> call.canSeeDrafts || !r.get("draft").asBoolean())
                    .map(this::withAssets).collect(Collectors.toList());
            call.sendPage(visible, 30);
        } else if (n == 2 && m.equals("POST")) {
            ObjectNode body = call.jsonBody();
            if (body == null || !validRelease(call, body, true)) {
                return;
            }
            call.send(201, withAssets(createRelease(body)));
        } else if (n == 3 && parts[2].equals("latest") && m.equals("GET")) {
            sendRelease(call, latestReleaseId == null ? null : releases.get(latestReleaseId));
        } else if (n >= 4 && parts[2].equals("tags") && m.equals("GET")) {
            String tag = String.join("/", java.util.Arrays.copyOfRange(parts, 3, n));
            sendRelease(call, releases.values().stream()
                    .filter(r -> !r.get("draft").asBoolean() && r.get("tag_name").asText().equals(tag))
                    .findFirst().orElse(null));
        } else if (n == 3 && isNumber(parts[2])) {
            releaseById(call, Long.parseLong(parts[2]));
        } else if (n == 4 && isNumber(parts[2]) && parts[3].equals("assets") && m.equals("GET")) {
            ObjectNode release = visibleRelease(call, Long.parseLong(parts[2]));
            if (release != null) {
                call.sendPage(assetsOf(release.get("id").asLong()), 30);
            }
        } else if (n == 4 && parts[2].equals("assets") && isNumber(parts[3])) {
            assetById(call, Long.parseLong(parts[3]));
        } else {
            call.error(404, "Not Found");
        }
    }

    private void releaseById(Call call, long id) throws IOException {
        ObjectNode release = visibleRelease(call, id);
        if (release == null) {
            return;
        }
        switch (call.method) {
            case "GET" -> call.send(200, withAssets(release));
            case "PATCH" -> {
                ObjectNode body = call.jsonBody();
                if (body == null || !validRelease(call, body, false)) {
                    return;
                }
                applyReleaseFields(release, body);
                call.send(200, withAssets(release));
            }
            case "DELETE" -> {
                releases.remove(id);
                assetsOf(id).forEach(a -> forgetAsset(a.get("id").asLong()));
                if (Long.valueOf(id).equals(latestReleaseId)) {
                    latestReleaseId = null;
                }
                call.sendEmpty(204);
            }
            default -> call.error(404, "Not Found");
        }
    }

    private void assetById(Call call, long id) throws IOException {
        ObjectNode asset = assets.get(id);
        if (asset == null || visibleRelease(call, assetRelease.get(id)) == null) {
            if (asset == null) {
                call.error(404, "Not Found");
            }
            return;
        }
        switch (call.method) {
            case "GET" -> call.send(200, asset.deepCopy());
            case "DELETE" -> {
                if (!refusedAsImmutable(call, releases.get(assetRelease.get(id)))) {
                    forgetAsset(id);
                    call.sendEmpty(204);
                }
            }
            default -> call.error(404, "Not Found");
        }
    }

    /** @return whether the release's assets are fixed (published, immutable releases on); then 422 was sent */
    private boolean refusedAsImmutable(Call call, ObjectNode release) throws IOException {
        if (!immutableReleases || release.get("draft").asBoolean()) {
            return false;
        }
        call.drain();
        call.error(422, "Cannot upload assets to an immutable release");
        return true;
    }

    private ObjectNode visibleRelease(Call call, long id) throws IOException {
        ObjectNode release = releases.get(id);
        if (release == null || (!call.canSeeDrafts && release.get("draft").asBoolean())) {
            call.error(404, "Not Found");
            return null;
        }
        return release;
    }

    private void sendRelease(Call call, ObjectNode release) throws IOException {
        if (release == null) {
            call.error(404, "Not Found");
        } else {
            call.send(200, withAssets(release));
        }
    }

    private boolean validRelease(Call call, ObjectNode body, boolean create) throws IOException {
        List<ObjectNode> errors = new ArrayList<>();
        JsonNode tag = body.get("tag_name");
        if (create && (tag == null || !tag.isTextual() || tag.asText().isBlank())) {
            errors.add(validationError("Release", "missing_field", "tag_name"));
        }
        JsonNode makeLatest = body.get("make_latest");
        if (makeLatest != null && !(makeLatest.isTextual() && List.of("true", "false", "legacy")
                .contains(makeLatest.asText()))) {
            errors.add(validationError("Release", "invalid", "make_latest"));
        }
        for (String flag : List.of("draft", "prerelease")) {
            if (body.has(flag) && !body.get(flag).isBoolean()) {
                errors.add(validationError("Release", "invalid", flag));
            }
        }
        if (body.path("body").asText("").length() > MAX_BODY_CHARS) {
            errors.add(validationError("Release", "custom", "body")
                    .put("message", "body is too long (maximum is " + MAX_BODY_CHARS + " characters)"));
        }
        if (create && tag != null && releases.values().stream().anyMatch(
                r -> !r.get("draft").asBoolean() && r.get("tag_name").asText().equals(tag.asText()))) {
            errors.add(validationError("Release", "already_exists", "tag_name"));
        }
        if (errors.isEmpty()) {
            return true;
        }
        call.validationFailed(errors);
        return false;
    }

    private static ObjectNode validationError(String resource, String code, String field) {
        return JSON.createObjectNode().put("resource", resource).put("code", code).put("field", field);
    }

    private ObjectNode createRelease(ObjectNode body) {
        long id = nextId++;
        String now = GitHubShapes.now();
        ObjectNode release = JSON.createObjectNode();
        release.put("url", apiUrl() + repoPath() + "/releases/" + id)
                .put("assets_url", apiUrl() + repoPath() + "/releases/" + id + "/assets")
                .put("upload_url", uploadUrlBase + repoPath() + "/releases/" + id + "/assets{?name,label}")
                .put("id", id).put("node_id", "RE_" + id)
                .put("tag_name", body.get("tag_name").asText())
                .put("target_commitish", body.path("target_commitish").asText("main"))
                .put("name", (String) null).put("body", (String) null)
                .put("draft", false).put("prerelease", false)
                .put("created_at", now).putNull("published_at");
        release.set("author", shapes.user("stand-in-bot"));
        releases.put(id, release);
        applyReleaseFields(release, body);
        return release;
    }

    private void applyReleaseFields(ObjectNode release, ObjectNode body) {
        for (String field : List.of("tag_name", "target_commitish", "name", "body")) {
            if (body.has(field)) {
                release.set(field, body.get(field));
            }
        }
        if (body.has("prerelease")) {
            release.put("prerelease", body.get("prerelease").asBoolean());
        }
        boolean wasDraft = release.get("published_at").isNull();
        boolean draft = body.has("draft") ? body.get("draft").asBoolean() : release.get("draft").asBoolean();
        release.put("draft", draft);
        String tag = release.get("tag_name").asText();
        release.put("html_url", baseUrl() + "/" + owner + "/" + repo + "/releases/tag/" + tag)
                .put("tarball_url", apiUrl() + repoPath() + "/tarball/" + tag)
                .put("zipball_url", apiUrl() + repoPath() + "/zipball/" + tag);
        if (draft) {
            release.putNull("published_at");
            return;
        }
        if (wasDraft) {
            release.put("published_at", GitHubShapes.now());
            tags.putIfAbsent(tag, release.get("target_commitish").asText());
        }
        String makeLatest = body.path("make_latest").asText("true");
        boolean legacyLatest = makeLatest.equals("legacy") && !release.get("prerelease").asBoolean();
        if (makeLatest.equals("true") && !release.get("prerelease").asBoolean() || legacyLatest) {
            latestReleaseId = release.get("id").asLong();
        }
    }

    private boolean upload(Call call, String state, boolean rejectDuplicate) throws IOException {
        long releaseId = Long.parseLong(call.path.replaceAll(".*/releases/(\\d+)/assets$", "$1"));
        String name = call.query("name");
        String contentLength = call.exchange.getRequestHeaders().getFirst("Content-Length");
        ObjectNode release = visibleRelease(call, releaseId);
        if (release == null) {
            call.drain();
            return false;
        }
        if (refusedAsImmutable(call, release)) {
            return false;
        }
        if (name == null || name.isBlank() || contentLength == null) {
            call.drain();
            call.validationFailed(List.of(validationError("ReleaseAsset",
                    contentLength == null ? "missing_field" : "missing", contentLength == null ? "size" : "name")));
            return false;
        }
        String stored = strictAssetNames ? AssetNaming.documentedName(name) : AssetNaming.storedName(name);
        MessageDigest digest = sha256();
        long size = call.streamBody(digest);
        synchronized (this) {
            boolean duplicate = assetsOf(releaseId).stream().anyMatch(a -> a.get("name").asText().equals(stored));
            if (duplicate && rejectDuplicate) {
                call.validationFailed(List.of(validationError("ReleaseAsset", "already_exists", "name")));
                return false;
            }
            String contentType = Optional.ofNullable(call.exchange.getRequestHeaders().getFirst("Content-Type"))
                    .orElse("application/octet-stream");
            ObjectNode asset = storeAsset(releaseId, stored, contentType, size,
                    HexFormat.of().formatHex(digest.digest()), state);
            if (rejectDuplicate) {
                call.send(201, asset.deepCopy());
            }
        }
        return true;
    }

    private ObjectNode storeAsset(long releaseId, String name, String contentType, long size, String sha256,
            String state) {
        long id = nextId++;
        String now = GitHubShapes.now();
        ObjectNode asset = JSON.createObjectNode();
        asset.put("url", apiUrl() + repoPath() + "/releases/assets/" + id)
                .put("browser_download_url", baseUrl() + "/" + owner + "/" + repo + "/releases/download/"
                        + releases.get(releaseId).get("tag_name").asText() + "/" + name)
                .put("id", id).put("node_id", "RA_" + id).put("name", name).put("label", "")
                .put("state", state).put("content_type", contentType).put("size", size)
                .put("digest", "sha256:" + sha256)
                .put("download_count", 0).put("created_at", now).put("updated_at", now);
        asset.set("uploader", shapes.user("stand-in-bot"));
        assets.put(id, asset);
        assetRelease.put(id, releaseId);
        assetSha256.put(id, sha256);
        return asset;
    }

    private void forgetAsset(long id) {
        assets.remove(id);
        assetRelease.remove(id);
        assetSha256.remove(id);
    }

    private List<ObjectNode> assetsOf(long releaseId) {
        return assets.entrySet().stream().filter(e -> assetRelease.get(e.getKey()) == releaseId)
                .map(e -> e.getValue().deepCopy()).collect(Collectors.toList());
    }

    private ObjectNode withAssets(ObjectNode release) {
        ObjectNode copy = release.deepCopy();
        ArrayNode list = copy.putArray("assets");
        assetsOf(release.get("id").asLong()).forEach(list::add);
        return copy;
    }

    private void listPulls(Call call) throws IOException {
        String state = Optional.ofNullable(call.query("state")).orElse("open");
        String sort = Optional.ofNullable(call.query("sort")).orElse("created");
        boolean ascending = "asc".equals(call.query("direction"));
        String key = sort.equals("updated") ? "updated_at" : "created_at";
        List<ObjectNode> found = pulls.values().stream()
                .filter(pr -> state.equals("all") || pr.get("state").asText().equals(state))
                .sorted((a, b) -> (ascending ? 1 : -1) * a.get(key).asText().compareTo(b.get(key).asText()))
                .map(ObjectNode::deepCopy).collect(Collectors.toList());
        call.sendPage(found, 30);
    }

    private void issueRoute(Call call, String[] parts) throws IOException {
        int number = Integer.parseInt(parts[2]);
        ObjectNode issue = issues.get(number);
        if (issue == null) {
            if (call.method.equals("POST")) {
                call.jsonText = new String(call.body(), StandardCharsets.UTF_8); // read (and recorded) as GitHub does
            }
            call.error(404, "Not Found");
        } else if (parts.length == 3 && call.method.equals("GET")) {
            call.send(200, issue.deepCopy());
        } else if (parts.length == 4 && parts[3].equals("comments") && call.method.equals("GET")) {
            call.sendPage(comments.getOrDefault(number, List.of()), 30);
        } else if (parts.length == 4 && parts[3].equals("comments") && call.method.equals("POST")) {
            ObjectNode body = call.jsonBody();
            if (body == null) {
                return;
            }
            if (!body.path("body").isTextual()) {
                call.validationFailed(List.of(validationError("IssueComment", "missing_field", "body")));
                return;
            }
            ObjectNode comment = shapes.comment(nextId++, number, issue.get("html_url").asText(),
                    body.get("body").asText());
            comments.computeIfAbsent(number, k -> new ArrayList<>()).add(comment);
            issue.put("comments", comments.get(number).size());
            call.send(201, comment);
        } else {
            call.error(404, "Not Found");
        }
    }

    private String repoPath() {
        return "/repos/" + owner + "/" + repo;
    }

    private void admin(Call call) throws IOException {
        switch (call.method + " " + call.path) {
            case "GET /_stand-in/requests" -> call.send(200, JSON.valueToTree(requests()));
            case "GET /_stand-in/releases" -> call.send(200, JSON.valueToTree(releases()));
            case "POST /_stand-in/pulls" -> {
                addPullRequest(JSON.readValue(call.body(), PullRequestSeed.class));
                call.sendEmpty(204);
            }
            case "POST /_stand-in/issues" -> {
                JsonNode issue = JSON.readTree(call.body());
                addIssue(issue.get("number").asInt(), issue.get("title").asText(), issue.path("closed").asBoolean());
                call.sendEmpty(204);
            }
            default -> call.error(404, "Not Found");
        }
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.length() < 19 && text.chars().allMatch(Character::isDigit);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String zeroSha256(long size) {
        MessageDigest digest = sha256();
        byte[] zeros = new byte[8192];
        for (long left = size; left > 0; left -= zeros.length) {
            digest.update(zeros, 0, (int) Math.min(zeros.length, left));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** One exchange: parsed request data plus response helpers. */
    private final class Call {
        final HttpExchange exchange;
        final String method;
        final String path;
        final String rawQuery;
        final Map<String, String> responseHeaders = new LinkedHashMap<>();
        long bodyBytes;
        int status;
        String jsonText;
        byte[] responseBody;
        boolean logged;
        boolean landedThen502;
        boolean canSeeDrafts;
        boolean readOnly;
        boolean onUploadServer;
        Fault alteration;

        Call(HttpExchange exchange) {
            this.exchange = exchange;
            String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
            this.method = override != null ? override.toUpperCase(Locale.ROOT)
                    : exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            URI uri = exchange.getRequestURI();
            this.path = uri.getRawPath();
            this.rawQuery = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        }

        boolean isUpload() {
            return uploadServer != null ? onUploadServer : path.startsWith(uploadPrefix + "/");
        }

        String prefix() {
            return isUpload() ? (uploadServer != null ? "" : uploadPrefix) : apiPrefix;
        }

        String query(String name) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        byte[] body() throws IOException {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            bodyBytes += bytes.length;
            return bytes;
        }

        void drain() throws IOException {
            streamBody(null);
        }

        long streamBody(MessageDigest digest) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            try (InputStream in = exchange.getRequestBody()) {
                for (int read; (read = in.read(buffer)) != -1; ) {
                    total += read;
                    if (digest != null) {
                        digest.update(buffer, 0, read);
                    }
                }
            }
            bodyBytes += total;
            return total;
        }

        ObjectNode jsonBody() throws IOException {
            byte[] bytes = body();
            jsonText = new String(bytes, StandardCharsets.UTF_8);
            try {
                JsonNode node = JSON.readTree(bytes);
                if (node instanceof ObjectNode object) {
                    return object;
                }
            } catch (JsonProcessingException e) {
                // answered below, as GitHub does
            }
            error(400, "Problems parsing JSON");
            return null;
        }

        void sendPage(List<ObjectNode> items, int defaultPerPage) throws IOException {
            int perPage = Math.max(1, Math.min(100, intQuery("per_page", defaultPerPage)));
            int page = Math.max(1, intQuery("page", 1));
            int last = Math.max(1, (items.size() + perPage - 1) / perPage);
            List<String> links = new ArrayList<>();
            if (page < last) {
                links.add(link(page + 1, "next"));
                links.add(link(last, "last"));
            }
            if (page > 1) {
                links.add(link(1, "first"));
                links.add(link(page - 1, "prev"));
            }
            if (!links.isEmpty()) {
                responseHeaders.put("Link", String.join(", ", links));
            }
            ArrayNode array = JSON.createArrayNode();
            int from = Math.min(items.size(), (page - 1) * perPage);
            items.subList(from, Math.min(items.size(), from + perPage)).forEach(array::add);
            send(200, array);
        }

        private int intQuery(String name, int fallback) {
            String value = query(name);
            return value != null && isNumber(value) ? Integer.parseInt(value) : fallback;
        }

        private String link(int page, String rel) {
            String otherParams = java.util.Arrays.stream(rawQuery.split("&"))
                    .filter(p -> !p.isEmpty() && !p.startsWith("page=")).collect(Collectors.joining("&"));
            String query = (otherParams.isEmpty() ? "" : otherParams + "&") + "page=" + page;
            return "<" + baseUrl() + path + "?" + query + ">; rel=\"" + rel + "\"";
        }

        void validationFailed(List<ObjectNode> errors) throws IOException {
            ObjectNode body = JSON.createObjectNode().put("message", "Validation Failed");
            body.putArray("errors").addAll(errors);
            body.put("documentation_url", DOCS);
            send(422, body);
        }

        void error(int code, String message) throws IOException {
            send(code, JSON.createObjectNode().put("message", message).put("documentation_url", DOCS)
                    .put("status", String.valueOf(code)));
        }

        void send(int code, JsonNode body) throws IOException {
            byte[] bytes = JSON.writeValueAsBytes(alteration == null ? body : altered(body));
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            sendBytes(code, bytes);
        }

        private JsonNode altered(JsonNode body) throws IOException {
            JsonNode copy = body.deepCopy();
            List<JsonNode> objects = new ArrayList<>();
            if (copy.isArray()) {
                copy.forEach(objects::add);
            } else {
                objects.add(copy);
            }
            for (JsonNode node : objects) {
                if (node instanceof ObjectNode object) {
                    if (alteration.fieldJson() == null) {
                        object.remove(alteration.field());
                    } else {
                        object.set(alteration.field(), JSON.readTree(alteration.fieldJson()));
                    }
                }
            }
            return copy;
        }

        void sendRaw(int code, String contentType, String text) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            sendBytes(code, text.getBytes(StandardCharsets.UTF_8));
        }

        void sendEmpty(int code) throws IOException {
            sendBytes(code, null);
        }

        private void sendBytes(int code, byte[] bytes) throws IOException {
            if (landedThen502) {
                landedThen502 = false;
                error(502, "Bad Gateway");
                return;
            }
            status = code;
            responseBody = bytes;
            responseHeaders.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.getResponseHeaders().set("X-GitHub-Api-Version-Selected", "2022-11-28");
            logOnce(); // before the client can see the answer, so that the log is complete when its call returns
            exchange.sendResponseHeaders(code, bytes == null ? -1 : bytes.length);
            if (bytes != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }

        void logOnce() {
            if (!logged && !path.startsWith("/_stand-in/") && !path.startsWith("/hooks/")) {
                logged = true;
                log.add(record());
                exchanges.add(recordExchange());
            }
        }

        private RecordedRequest record() {
            Map<String, List<String>> headers = requestHeadersWithoutSecrets();
            if (exchange.getRequestHeaders().containsKey("Authorization")) {
                headers.put("x-stand-in-authenticated", List.of("true"));
            }
            return new RecordedRequest(method, path, rawQuery, Map.copyOf(headers), bodyBytes, status, jsonText);
        }

        private RecordedExchange recordExchange() {
            boolean upload = isUpload();
            String prefix = prefix();
            String relative = path.startsWith(prefix + "/") ? path.substring(prefix.length()) : path;
            Map<String, List<String>> answered = new TreeMap<>();
            if (status != 0) {
                exchange.getResponseHeaders().forEach(
                        (name, values) -> answered.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            }
            return new RecordedExchange(upload ? RecordedExchange.Server.UPLOADS : RecordedExchange.Server.API,
                    method, relative, rawQuery, Map.copyOf(requestHeadersWithoutSecrets()), jsonText, status,
                    Map.copyOf(answered), status == 0 || responseBody == null ? null
                            : new String(responseBody, StandardCharsets.UTF_8));
        }

        private Map<String, List<String>> requestHeadersWithoutSecrets() {
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!lower.equals("authorization")) {
                    headers.put(lower, List.copyOf(values));
                }
            });
            return headers;
        }
    }
}
