package dev.llmproxy.release.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One Maven installation the ITs run the sample projects with.
 *
 * <p>The supported lines are the Maven that runs this build (3.9, from the wrapper), the
 * distributions that {@code release-maven-plugin/pom.xml} unpacks from Maven Central into {@code
 * target/maven-lines} before the ITs (the oldest supported, 3.6.3, and the last 3.8), and Debian's
 * own {@code /usr/bin/mvn} when the machine has it.
 *
 * @param name what the test report shows, e.g. {@code 3.6.3}
 * @param home the installation directory (holding {@code bin/mvn}); may not exist, see {@link #present()}
 * @param readsLocalTail whether this Maven reads {@code maven.repo.local.tail} (3.9 and later)
 */
public record MavenLine(String name, Path home, boolean readsLocalTail) {
    /** Debian's Maven package, found through this link. */
    private static final Path DEBIAN_MVN = Path.of("/usr/bin/mvn");

    /** @return the Maven that runs this build ({@code maven.home}) */
    public static MavenLine current() {
        return new MavenLine("current", Path.of(MavenRun.property("maven.home")), true);
    }

    /**
     * @return every supported line: the downloaded ones (present or not: a missing one is a failed
     *     build step, which the IT reports), Debian's when installed, and the current one
     */
    public static List<MavenLine> supported() {
        Path downloaded = Path.of(MavenRun.property("maven.lines"));
        List<MavenLine> lines = new ArrayList<>();
        for (String version : MavenRun.property("maven.lines.versions").split(",")) {
            lines.add(new MavenLine(version.strip(), downloaded.resolve("apache-maven-" + version.strip()), false));
        }
        if (Files.isExecutable(DEBIAN_MVN)) {
            try {
                Path home = DEBIAN_MVN.toRealPath().getParent().getParent();
                lines.add(new MavenLine("debian " + home, home, false));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        lines.add(current());
        return lines;
    }

    /** @return whether {@code bin/mvn} is there */
    public boolean present() {
        return Files.isRegularFile(home.resolve("bin").resolve("mvn"));
    }

    /** @return {@code bin/mvn}, made executable (an unpacked archive may have lost the bit) */
    public Path executable() {
        Path mvn = home.resolve("bin").resolve("mvn");
        File file = mvn.toFile();
        if (!file.canExecute() && !file.setExecutable(true)) {
            throw new IllegalStateException("cannot make " + mvn + " executable");
        }
        return mvn;
    }

    @Override
    public String toString() {
        return name;
    }
}
