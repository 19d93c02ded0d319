package dev.llmproxy.release.pom;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.TextFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tags-only mode (a repository without {@code pom.xml}): the version lives in the release tags;
 * the only file rewritten with it is the optional version file named by {@code release.versionFile}
 * (its whole content is the version and a newline, e.g. {@code VERSION}).
 */
public final class TagsOnlyVersion implements VersionFiles {
    private final Path root;
    private final String versionFile;
    private final String current;

    private TagsOnlyVersion(Path root, String versionFile, String current) {
        this.root = root;
        this.versionFile = versionFile;
        this.current = current;
    }

    /**
     * @param root the git work tree's top directory
     * @param versionFile the version file relative to {@code root}, or {@code null}; a missing file
     *     is created by {@link #apply}
     * @return the version source
     * @throws ReleaseException when the version file exists but cannot be read, or lies outside root
     */
    public static TagsOnlyVersion load(Path root, String versionFile) {
        if (versionFile == null) {
            return new TagsOnlyVersion(root, null, null);
        }
        Path file = root.resolve(versionFile).normalize();
        if (!file.startsWith(root.normalize())) {
            throw new ReleaseException("release.versionFile " + versionFile
                    + " is outside the repository: name a file inside it, e.g. VERSION");
        }
        try {
            String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
            return new TagsOnlyVersion(root, slashes(versionFile), text.isEmpty() ? null : text);
        } catch (IOException e) {
            throw new ReleaseException("cannot read release.versionFile " + versionFile + " (" + e.getMessage()
                    + "): fix its permissions", e);
        }
    }

    @Override
    public String mode() {
        return TAGS;
    }

    @Override
    public String version() {
        return current;
    }

    @Override
    public List<String> files() {
        return versionFile == null ? List.of() : List.of(versionFile);
    }

    @Override
    public List<String> changesFor(String newVersion) {
        return versionFile == null || newVersion.equals(current) ? List.of() : List.of(versionFile);
    }

    @Override
    public List<String> apply(String newVersion) {
        List<String> changed = changesFor(newVersion);
        if (!changed.isEmpty()) {
            TextFiles.writeAtomically(root.resolve(versionFile), newVersion + "\n");
        }
        return changed;
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }
}
