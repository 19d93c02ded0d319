package dev.llmproxy.release.github;

import dev.llmproxy.release.ReleaseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** The {@code SHA256SUMS} asset, in the format of GNU {@code sha256sum} so that {@code sha256sum -c} checks it. */
public final class Checksums {
    /** File name of the checksum asset. */
    public static final String FILE_NAME = "SHA256SUMS";

    private Checksums() {
    }

    /**
     * Writes one line per file, {@code <64 lower-case hex>  <name>\n} (two spaces: text mode), in map order.
     *
     * @param sha256ByName name to list (the stored asset name, so a download directory checks) to its SHA-256 hex
     * @param target file to write (replaced)
     * @throws ReleaseException when the file cannot be written
     */
    public static void write(Map<String, String> sha256ByName, Path target) {
        StringBuilder text = new StringBuilder();
        sha256ByName.forEach((name, sha256) -> text.append(sha256).append("  ").append(name).append('\n'));
        try {
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReleaseException("cannot write " + target + ": " + e.getMessage() + ": check the directory", e);
        }
    }

    /**
     * Streams the file, never reading it into memory.
     *
     * @param file a regular file
     * @return its SHA-256 as 64 lower-case hex digits
     * @throws ReleaseException when the file cannot be read
     */
    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new ReleaseException("cannot read asset " + file + ": " + e.getMessage() + ": rebuild it and rerun", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
