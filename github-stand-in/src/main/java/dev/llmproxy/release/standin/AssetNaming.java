package dev.llmproxy.release.standin;

import java.util.regex.Pattern;

/**
 * GitHub's renaming of uploaded asset names, as observed (GitHub documents only that "special characters,
 * non-alphanumeric characters, and leading or trailing periods" are renamed): each run of characters other than
 * ASCII letters, digits and {@code . _ - + @} becomes one period; existing periods stay; leading and trailing
 * periods are removed. Examples: {@code My App 1.4.0.zip -> My.App.1.4.0.zip},
 * {@code pkg_1.4.0-1~bookworm_amd64.deb -> pkg_1.4.0-1.bookworm_amd64.deb}, {@code app-(x64).zip -> app-.x64..zip}.
 */
final class AssetNaming {
    private static final Pattern RENAMED_RUN = Pattern.compile("[^A-Za-z0-9._+@-]+");
    private static final Pattern EDGE_PERIODS = Pattern.compile("^\\.+|\\.+$");

    private AssetNaming() {
    }

    private static final Pattern DOCUMENTED_RUN = Pattern.compile("[^A-Za-z0-9._-]+");

    /** @return the name under the literal reading of the documentation: also {@code +} and {@code @} become periods */
    static String documentedName(String requested) {
        return EDGE_PERIODS.matcher(DOCUMENTED_RUN.matcher(requested).replaceAll(".")).replaceAll("");
    }

    static String storedName(String requested) {
        return EDGE_PERIODS.matcher(RENAMED_RUN.matcher(requested).replaceAll(".")).replaceAll("");
    }
}
