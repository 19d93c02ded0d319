package dev.llmproxy.release.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Debian's {@code docker-registry} (the CNCF distribution registry) on 127.0.0.1, with its own
 * config and storage in a temp directory, plus the few registry HTTP API v2 calls the tests need.
 */
public final class LocalRegistry implements AutoCloseable {
    /** Media types of manifests and indexes (Docker schema 2 and OCI), as the registry API names them. */
    public static final String MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalRegistry(Process process, int port, String authorization) {
        this.process = process;
        this.port = port;
        this.authorization = authorization;
    }

    /**
     * Starts a registry; fails in CI and skips elsewhere when {@code docker-registry} is missing.
     *
     * @param dir an empty directory for config, storage and log
     */
    public static LocalRegistry start(Path dir) throws Exception {
        return start(dir, null, null);
    }

    /**
     * Starts a registry that requires HTTP basic authentication (htpasswd, bcrypt) when
     * {@code user} is not null.
     */
    public static LocalRegistry start(Path dir, String user, String password) throws Exception {
        Path program = Programs.require("docker-registry", "run .ci/setup-image-tools (apt-get install -y docker-registry)");
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                  secret: image-tests-only
                """.formatted(dir.resolve("storage"), port) + (user == null ? "" : """
                auth:
                  htpasswd:
                    realm: image-tests
                    path: %s
                """.formatted(htpasswd(dir, user, password))));
        Process process = new ProcessBuilder(program.toString(), "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("registry.log").toFile())
                .start();
        String authorization = user == null ? null
                : "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var registry = new LocalRegistry(process, port, authorization);
        registry.awaitReady(dir.resolve("registry.log"));
        return registry;
    }

    private void awaitReady(Path log) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited: " + Files.readString(log));
            }
            try {
                int status = send(HttpRequest.newBuilder(uri("/v2/")).GET(), null).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // retried below
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("docker-registry did not answer on port " + port + " within 10 s: " + Files.readString(log));
    }

    private static Path htpasswd(Path dir, String user, String password) throws Exception {
        Path program = Programs.require("htpasswd", "run .ci/setup-image-tools (apt-get install -y apache2-utils)");
        Process p = new ProcessBuilder(program.toString(), "-niB", user).start();
        try (var stdin = p.getOutputStream()) {
            stdin.write(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String line = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), "htpasswd failed");
        return Files.writeString(dir.resolve("htpasswd"), line + "\n");
    }

    /** @return {@code 127.0.0.1:<port>} */
    public String host() {
        return "127.0.0.1:" + port;
    }

    /** Uploads a blob in one request; returns its digest. */
    public String pushBlob(String repository, byte[] content) throws Exception {
        String digest = digest(content);
        HttpResponse<byte[]> start = send(HttpRequest.newBuilder(uri("/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()), 202);
        String location = start.headers().firstValue("Location").orElseThrow();
        URI upload = uri("/").resolve(location + (location.contains("?") ? "&" : "?") + "digest=" + digest);
        send(HttpRequest.newBuilder(upload)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)), 201);
        return digest;
    }

    /** Puts a manifest under a tag or digest; returns its digest. */
    public String putManifest(String repository, String reference, String mediaType, byte[] manifest) throws Exception {
        send(HttpRequest.newBuilder(uri("/v2/" + repository + "/manifests/" + reference))
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)), 201);
        return digest(manifest);
    }

    /** GET /v2/{repository}/tags/list. */
    public JsonNode tags(String repository) throws Exception {
        return JSON.readTree(send(HttpRequest.newBuilder(uri("/v2/" + repository + "/tags/list")).GET(), 200).body());
    }

    /** GET a manifest or index by tag or digest, accepting Docker and OCI media types. */
    public Manifest manifest(String repository, String reference) throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/v2/" + repository + "/manifests/" + reference))
                .header("Accept", String.join(", ", MANIFEST_LIST, OCI_INDEX, MANIFEST, OCI_MANIFEST))
                .GET(), 200);
        return new Manifest(response.headers().firstValue("Docker-Content-Digest").orElseThrow(),
                response.headers().firstValue("Content-Type").orElseThrow(), JSON.readTree(response.body()));
    }

    /** GET /v2/{repository}/blobs/{digest} as JSON (e.g. an image config). */
    public JsonNode jsonBlob(String repository, String digest) throws Exception {
        return JSON.readTree(send(HttpRequest.newBuilder(uri("/v2/" + repository + "/blobs/" + digest)).GET(), 200).body());
    }

    /**
     * A manifest or index as served.
     *
     * @param digest the {@code Docker-Content-Digest} header, {@code sha256:...}
     * @param mediaType the {@code Content-Type} header
     * @param json the parsed body
     */
    public record Manifest(String digest, String mediaType, JsonNode json) {}

    /** @return the OCI digest {@code sha256:<64 hex>} of {@code content} */
    public static String digest(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://" + host() + path);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, Integer expectedStatus) throws Exception {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (expectedStatus != null) {
            assertEquals(expectedStatus.intValue(), response.statusCode(),
                    () -> response.request().method() + " " + response.uri() + ": " + new String(response.body()));
        }
        return response;
    }

    /** Stops the registry process (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
