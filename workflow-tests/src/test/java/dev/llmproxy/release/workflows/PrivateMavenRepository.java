package dev.llmproxy.release.workflows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A private Maven repository on 127.0.0.1 that answers only requests with its HTTP Basic login (401 with a
 * {@code WWW-Authenticate} challenge otherwise, as Nexus or Artifactory do): static files from a directory in the
 * Maven 2 layout.
 */
final class PrivateMavenRepository implements AutoCloseable {
    private final HttpServer server;
    private final Path files;
    private final String authorization;
    private final List<String> served = Collections.synchronizedList(new ArrayList<>());

    private PrivateMavenRepository(HttpServer server, Path files, String authorization) {
        this.server = server;
        this.files = files;
        this.authorization = authorization;
    }

    /**
     * @param files    an empty directory for the repository's files
     * @param user     the login's user name
     * @param password the login's password
     */
    static PrivateMavenRepository start(Path files, String user, String password) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        PrivateMavenRepository repository = new PrivateMavenRepository(server, files, authorization);
        server.createContext("/", repository::handle);
        server.start();
        return repository;
    }

    /** The repository's URL, {@code http://127.0.0.1:<port>/}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Adds a jar artifact (an empty jar with a manifest) with a minimal pom. */
    void putJar(String groupId, String artifactId, String version) throws IOException {
        Path dir = Files.createDirectories(files.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version));
        Files.writeString(dir.resolve(artifactId + "-" + version + ".pom"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                </project>
                """.formatted(groupId, artifactId, version));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        new JarOutputStream(jar, manifest).close();
        Files.write(dir.resolve(artifactId + "-" + version + ".jar"), jar.toByteArray());
    }

    /** The paths served (status 200) so far, in order. */
    List<String> served() {
        return List.copyOf(served);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"private\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Path file = files.resolve(path.substring(1)).normalize();
            if (!file.startsWith(files) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            served.add(path);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
