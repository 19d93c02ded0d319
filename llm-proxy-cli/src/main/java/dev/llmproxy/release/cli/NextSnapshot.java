package dev.llmproxy.release.cli;

import dev.llmproxy.release.version.SemVer;

/** The default of {@code --next-snapshot}: the development version after a release. */
final class NextSnapshot {
    private NextSnapshot() {}

    /**
     * @param released the released version, e.g. {@code 1.5.0} or {@code 1.5.0-rc.1}
     * @return the next patch as a snapshot ({@code 1.5.1-SNAPSHOT}); after a pre-release the same
     *     version as a snapshot ({@code 1.5.0-SNAPSHOT}), since the final release is still to come
     * @throws CliException ({@link CliException#USAGE}) when {@code released} is not SemVer
     */
    static String after(String released) {
        SemVer version = SemVer.tryParse(released).orElseThrow(() -> new CliException(CliException.USAGE,
                "--next-snapshot: the released version " + released + " is not MAJOR.MINOR.PATCH: pass the version,"
                        + " e.g. --next-snapshot=1.6.0-SNAPSHOT"));
        if (version.isPreRelease()) {
            return version.major() + "." + version.minor() + "." + version.patch() + "-SNAPSHOT";
        }
        return version.major() + "." + version.minor() + "." + (version.patch() + 1) + "-SNAPSHOT";
    }
}
