package dev.llmproxy.release.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Maven the CLI provisions for a project with no wrapper and no usable Maven, the way the Maven
 * wrapper ({@code mvnw}, distribution type {@code only-script}) does: a pinned version, downloaded
 * from Maven Central or from the repository in {@code MVNW_REPOURL}, its SHA-256 checked against
 * the pinned sum before anything is unpacked, and unpacked into the wrapper's own cache {@code
 * $MAVEN_USER_HOME/wrapper/dists/apache-maven-<version>/<hash of the URL>} (default {@code
 * MAVEN_USER_HOME}: {@code ~/.m2}), where a later {@code mvnw} of the same version and URL finds it
 * too, and the CLI finds it without downloading again.
 *
 * @param version the Maven version, e.g. {@code 3.9.16}
 * @param sha256 the SHA-256 of {@code apache-maven-<version>-bin.zip}, lower-case hex
 */
record MavenDistribution(String version, String sha256) {
    /** The Maven this repository's own wrapper pins (.mvn/wrapper/maven-wrapper.properties), and its published SHA-256. */
    static final MavenDistribution PINNED =
            new MavenDistribution("3.9.16", "5af3b743dd8b876b5c45da33b676251e5f1687712644abb4ee519ca56e1d89ce");

    private static final String CENTRAL = "https://repo.maven.apache.org/maven2";

    /**
     * @param env {@code MVNW_REPOURL} (a repository base URL, like the wrapper's), {@code MAVEN_USER_HOME}, {@code HOME}
     * @return the distribution's URL: {@code <repository>/org/apache/maven/apache-maven/<v>/apache-maven-<v>-bin.zip}
     */
    URI url(Map<String, String> env) {
        String repository = env.getOrDefault("MVNW_REPOURL", "");
        String base = repository.isBlank() ? CENTRAL : repository.strip().replaceAll("/+$", "");
        return URI.create(base + "/org/apache/maven/apache-maven/" + version + "/apache-maven-" + version + "-bin.zip");
    }

    /**
     * @param env as for {@link #url(Map)}
     * @return the installation directory, as {@code mvnw} names it: the hash is Java's {@code
     *     String.hashCode} of the URL in hex, which is what the wrapper script computes
     */
    Path home(Map<String, String> env) {
        String userHome = env.getOrDefault("MAVEN_USER_HOME", "");
        Path mavenUserHome = userHome.isBlank()
                ? Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".m2")
                : Path.of(userHome);
        return mavenUserHome.resolve("wrapper").resolve("dists").resolve("apache-maven-" + version)
                .resolve(Integer.toHexString(url(env).toString().hashCode()));
    }

    /**
     * Returns the cached installation, or downloads, checks and unpacks it first.
     *
     * @param env as for {@link #url(Map)}
     * @return {@code bin/mvn} of the installation
     * @throws IOException when the download fails or its checksum differs (nothing is left in the
     *     cache then); the message names the URL
     */
    Path provision(Map<String, String> env) throws IOException {
        Path home = home(env);
        Path mvn = home.resolve("bin").resolve("mvn");
        if (Files.isRegularFile(mvn)) {
            return mvn;
        }
        URI url = url(env);
        Path dists = Files.createDirectories(home.getParent());
        Path zip = Files.createTempFile(dists, "download", ".zip");
        Path unpacked = Files.createTempDirectory(dists, "unpack");
        try {
            String actual = download(url, zip);
            if (!actual.equals(sha256)) {
                throw new IOException("the checksum of " + url + " is SHA-256 " + actual + ", not the pinned " + sha256
                        + ": the download is refused (a wrong MVNW_REPOURL, or a tampered file)");
            }
            unzip(zip, unpacked);
            Path top = unpacked.resolve("apache-maven-" + version);
            if (!Files.isRegularFile(top.resolve("bin").resolve("mvn"))) {
                throw new IOException(url + " holds no apache-maven-" + version + "/bin/mvn");
            }
            try (Stream<Path> scripts = Files.list(top.resolve("bin"))) {
                scripts.forEach(script -> script.toFile().setExecutable(true));
            }
            Files.writeString(top.resolve("mvnw.url"), url + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(top, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                if (!Files.isRegularFile(mvn)) {
                    throw e;
                } // a wrapper or another llm-proxy unpacked the same distribution meanwhile
            }
            return mvn;
        } finally {
            Files.deleteIfExists(zip);
            deleteTree(unpacked);
        }
    }

    private static String download(URI url, Path target) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream body = open(url);
                InputStream in = new DigestInputStream(body, digest);
                OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static InputStream open(URI url) throws IOException {
        if ("file".equals(url.getScheme())) {
            return Files.newInputStream(Path.of(url));
        }
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(5)).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new java.io.FileNotFoundException("HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + url, e);
        } catch (IOException e) {
            throw new IOException("cannot download " + url + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("refusing the entry " + entry.getName() + " outside the distribution");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
