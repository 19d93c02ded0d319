package dev.llmproxy.release.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * The version of a Maven executable, read without running it (a JVM start costs more than the
 * release plan): for {@code mvnw}, the {@code distributionUrl} of {@code .mvn/wrapper/maven-wrapper.properties};
 * for {@code mvn}, the {@code pom.properties} inside {@code lib/maven-core*.jar} of the installation
 * the executable's real path lies in (so Debian's {@code /usr/bin/mvn} link works).
 */
final class MavenInstallation {
    /** The oldest Maven the plugin runs on: {@code <prerequisites>} of release-maven-plugin/pom.xml. */
    static final String OLDEST_SUPPORTED = "3.6.3";
    /** The first Maven that reads {@code MAVEN_ARGS} itself. */
    static final String READS_MAVEN_ARGS = "3.9.0";

    private static final Pattern WRAPPER_DISTRIBUTION = Pattern.compile("apache-maven-([0-9][^/]*?)-bin\\.(?:zip|tar\\.gz)$");

    private MavenInstallation() {}

    /**
     * @param executable {@code mvnw}, {@code mvn} or {@code mvn.cmd}
     * @return its Maven version, e.g. {@code 3.8.7}; empty when it cannot be read (a script of
     *     its own, an unusual layout): such a Maven is taken as it is
     */
    static Optional<String> version(Path executable) {
        try {
            if (executable.getFileName().toString().startsWith("mvnw")) {
                return wrapperVersion(executable.getParent());
            }
            Path home = executable.toRealPath().getParent().getParent();
            if (home == null || !Files.isDirectory(home.resolve("lib"))) {
                return Optional.empty();
            }
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(home.resolve("lib"), "maven-core*.jar")) {
                for (Path jar : jars) {
                    Optional<String> version = coreVersion(jar);
                    if (version.isPresent()) {
                        return version;
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable: not ours to judge
        }
    }

    private static Optional<String> wrapperVersion(Path root) throws IOException {
        Path properties = root.resolve(".mvn").resolve("wrapper").resolve("maven-wrapper.properties");
        if (!Files.isRegularFile(properties)) {
            return Optional.empty();
        }
        Properties wrapper = new Properties();
        try (InputStream in = Files.newInputStream(properties)) {
            wrapper.load(in);
        }
        Matcher matcher = WRAPPER_DISTRIBUTION.matcher(wrapper.getProperty("distributionUrl", "").strip());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Optional<String> coreVersion(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var entry = zip.getEntry("META-INF/maven/org.apache.maven/maven-core/pom.properties");
            if (entry == null) {
                return Optional.empty();
            }
            Properties pom = new Properties();
            try (InputStream in = zip.getInputStream(entry)) {
                pom.load(in);
            }
            return Optional.ofNullable(pom.getProperty("version"));
        }
    }

    /**
     * @param version a Maven version such as {@code 3.8.7} or {@code 4.0.0-rc-4}
     * @param minimum a release version such as {@code 3.6.3}
     * @return whether {@code version}'s numeric part ({@code major.minor.patch}) is at least {@code minimum}'s
     */
    static boolean atLeast(String version, String minimum) {
        int[] have = numbers(version);
        int[] need = numbers(minimum);
        for (int i = 0; i < 3; i++) {
            if (have[i] != need[i]) {
                return have[i] > need[i];
            }
        }
        return true;
    }

    private static int[] numbers(String version) {
        int[] numbers = new int[3];
        String[] parts = version.split("[.-]");
        for (int i = 0; i < 3 && i < parts.length && parts[i].matches("[0-9]+"); i++) {
            numbers[i] = Integer.parseInt(parts[i]);
        }
        return numbers;
    }
}
