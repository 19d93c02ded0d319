package dev.llmproxy.release.pom;

import dev.llmproxy.release.ReleaseException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces a set of existing files so that either all get their new content or all keep their
 * old one: every new content is first written to a temporary file next to its target (same
 * POSIX permissions), then each is moved over its target atomically; if a move fails, the
 * targets already replaced get their original bytes back.
 */
final class AtomicFiles {
    /** The rename step, replaceable in tests to inject a failure. */
    interface Mover {
        void move(Path source, Path target) throws IOException;
    }

    static final Mover ATOMIC_MOVE = (source, target) -> {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    };

    private AtomicFiles() {}

    /**
     * @param newContents target file to its new bytes, in write order
     * @param originals target file to the bytes it holds now (used to roll back)
     * @param displayName turns a target into the name used in error messages
     * @throws ReleaseException naming the file when writing fails; no target is left changed
     */
    static void replaceAll(
            Map<Path, byte[]> newContents,
            Map<Path, byte[]> originals,
            java.util.function.Function<Path, String> displayName,
            Mover mover) {
        Map<Path, Path> temps = new LinkedHashMap<>();
        List<Path> replaced = new ArrayList<>();
        Path current = null;
        try {
            for (Map.Entry<Path, byte[]> e : newContents.entrySet()) {
                current = e.getKey();
                temps.put(current, writeTemp(current, e.getValue()));
            }
            for (Map.Entry<Path, Path> e : temps.entrySet()) {
                current = e.getKey();
                mover.move(e.getValue(), current);
                replaced.add(current);
            }
        } catch (IOException | RuntimeException e) {
            List<String> notRestored = restore(replaced, originals, displayName);
            temps.values().forEach(AtomicFiles::deleteQuietly);
            throw new ReleaseException("could not write " + displayName.apply(current) + " (" + e + ")"
                    + (notRestored.isEmpty()
                            ? ": no file was changed; fix the cause and rerun"
                            : ": could not restore " + String.join(", ", notRestored)
                                    + "; restore them with git checkout and rerun"),
                    e);
        }
    }

    private static Path writeTemp(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        Files.write(temp, content);
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view != null) {
            Files.getFileAttributeView(temp, PosixFileAttributeView.class)
                    .setPermissions(view.readAttributes().permissions());
        }
        return temp;
    }

    private static List<String> restore(
            List<Path> replaced, Map<Path, byte[]> originals, java.util.function.Function<Path, String> displayName) {
        List<String> failed = new ArrayList<>();
        for (Path target : replaced) {
            try {
                Path temp = writeTemp(target, originals.get(target));
                ATOMIC_MOVE.move(temp, target);
            } catch (IOException | RuntimeException e) {
                failed.add(displayName.apply(target));
            }
        }
        return failed;
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a leftover hidden temp file is harmless; the targets are what matters
        }
    }
}
