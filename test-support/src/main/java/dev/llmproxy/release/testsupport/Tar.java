package dev.llmproxy.release.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Writes small, byte-for-byte reproducible tar archives; reads them with the {@code tar} program. */
public final class Tar {
    private Tar() {}

    /**
     * @param files entry name → content, written in iteration order as regular files owned by 0:0
     * @param mode octal permission bits for every entry, e.g. 0644
     * @return the uncompressed ustar archive
     */
    public static byte[] of(Map<String, byte[]> files, int mode) {
        var out = new ByteArrayOutputStream();
        files.forEach((name, content) -> {
            byte[] header = new byte[512];
            put(header, 0, 100, name);
            put(header, 100, 8, String.format("%07o", mode));
            put(header, 108, 8, "0000000");
            put(header, 116, 8, "0000000");
            put(header, 124, 12, String.format("%011o", content.length));
            put(header, 136, 12, String.format("%011o", 1L));
            put(header, 148, 8, "        ");
            header[156] = '0';
            put(header, 257, 6, "ustar");
            put(header, 263, 2, "00");
            int sum = 0;
            for (byte b : header) {
                sum += b & 0xff;
            }
            put(header, 148, 8, String.format("%06o", sum) + "\0 ");
            out.writeBytes(header);
            out.writeBytes(content);
            out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        });
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    /** @return {@code data} gzip-compressed */
    public static byte[] gzip(byte[] data) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** Extracts a (possibly compressed) archive into a directory with modes kept. */
    public static void extract(Path archive, Path dir) throws Exception {
        Path tar = Programs.require("tar", "apt-get install -y tar");
        Process p = new ProcessBuilder(tar.toString(), "-xpf", archive.toString(), "-C", dir.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "tar -xpf " + archive + ": " + output);
    }

    private static void put(byte[] header, int offset, int length, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
    }
}
