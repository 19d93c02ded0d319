package dev.llmproxy.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes UTF-8 text through a temporary file in the same directory, so nothing is ever half-written. */
public final class TextFiles {

    private TextFiles() {}

    /**
     * Writes {@code text} to {@code file} in UTF-8 (whatever the platform charset), creating parent
     * directories; a reader sees the old content or the new, never part of it.
     *
     * @param file the target file
     * @param text the whole new content
     * @throws ReleaseException when the file cannot be written, naming it
     */
    public static void writeAtomically(Path file, String text) {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ReleaseException("cannot write " + file + ": " + e.getMessage() + "; check that the directory is writable", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file is gone or unreachable; the target is already complete or untouched
                }
            }
        }
    }
}
