package dev.llmproxy.release.github;

import dev.llmproxy.release.ReleaseException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Asset names as GitHub stores them. GitHub documents only that it "renames asset filenames that have special
 * characters, non-alphanumeric characters, and leading or trailing periods"; observed: each run of characters other
 * than ASCII letters, digits and {@code . _ - + @} becomes one period, existing periods stay, leading and trailing
 * periods go ({@code My App 1.4.0.zip -> My.App.1.4.0.zip}, {@code pkg_1.4.0-1~bookworm_amd64.deb ->
 * pkg_1.4.0-1.bookworm_amd64.deb}, {@code app-(x64).zip -> app-.x64..zip}). The engine uploads the stored name
 * itself, so existing assets are matched by the name GitHub shows.
 */
public final class AssetNames {
    private static final Pattern RENAMED_RUN = Pattern.compile("[^A-Za-z0-9._+@-]+");
    private static final Pattern EDGE_PERIODS = Pattern.compile("^\\.+|\\.+$");

    private AssetNames() {
    }

    /**
     * @param fileName a local file name (no directory)
     * @return the name GitHub stores for it; equal to the input for plain names
     */
    public static String storedName(String fileName) {
        return EDGE_PERIODS.matcher(RENAMED_RUN.matcher(fileName).replaceAll(".")).replaceAll("");
    }

    /**
     * Maps files to stored names, refusing names GitHub cannot keep apart.
     *
     * @param files local asset files, in upload order
     * @return stored name to file, in the same order
     * @throws ReleaseException when a name is empty once stored, or two files get the same stored name
     */
    public static Map<String, Path> byStoredName(List<Path> files) {
        Map<String, Path> result = new LinkedHashMap<>();
        for (Path file : files) {
            String local = file.getFileName().toString();
            String stored = storedName(local);
            if (stored.isEmpty()) {
                throw new ReleaseException("asset name '" + local
                        + "' has no letter or digit GitHub keeps: rename the file, e.g. app-1.0.0.zip");
            }
            Path clash = result.putIfAbsent(stored, file);
            if (clash != null) {
                throw new ReleaseException("assets " + clash + " and " + file + " would both be stored by GitHub as '"
                        + stored + "': rename one of them");
            }
        }
        return result;
    }
}
