package dev.llmproxy.release.image;

import dev.llmproxy.release.testsupport.Programs;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stand-ins for the Dockerfile's pinned base images, made from this machine's JDK and Maven without
 * any registry or network: {@link #RUNTIME} has the eclipse-temurin layout (JDK in
 * {@code /opt/java/openjdk}, {@code java} on {@code PATH}) plus {@code /bin/sh}, the few coreutils
 * the Dockerfile's RUN step and the {@code mvn} script call, and the shared libraries all of these
 * load (found with {@code ldd}); {@link #BUILD} adds Maven in {@code /usr/share/maven}, like the
 * maven image.
 */
final class HostBaseImages {
    static final String RUNTIME = "localhost/image-tests/jre:host";
    static final String BUILD = "localhost/image-tests/maven:host";
    private static final String JAVA_HOME = "opt/java/openjdk";
    private static final List<String> TOOLS = List.of("sh", "uname", "expr", "dirname", "tr", "ls", "mkdir", "cp");
    /** A library path in {@code ldd} output: "libz.so.1 => /lib/.../libz.so.1 (0x...)" or "/lib64/ld-linux-x86-64.so.2 (0x...)". */
    private static final Pattern LIBRARY = Pattern.compile("(?:=> |^\\s+)(/\\S+) \\(0x", Pattern.MULTILINE);

    private HostBaseImages() {}

    /**
     * Builds both images into {@code buildah}'s storage.
     *
     * @param dir an empty directory for the root file system, the Maven copy and the Containerfiles
     */
    static void build(Buildah buildah, Path dir) throws Exception {
        String mavenHome = System.getProperty("maven.home");
        if (mavenHome == null) {
            Programs.unavailable("system property maven.home is not set: run the tests with Maven (image-tests/pom.xml passes it)");
        }
        Path rootfs = dir.resolve("rootfs");
        for (String usrMerged : List.of("bin", "lib", "lib64")) {
            Files.createDirectories(rootfs.resolve("usr").resolve(usrMerged));
            Files.createSymbolicLink(rootfs.resolve(usrMerged), Path.of("usr", usrMerged));
        }
        Files.createDirectories(rootfs.resolve("root"));
        Files.setPosixFilePermissions(Files.createDirectories(rootfs.resolve("tmp")), PosixFilePermissions.fromString("rwxrwxrwx"));
        // Java takes user.home (so Maven its ~/.m2) from the password database.
        Files.writeString(Files.createDirectories(rootfs.resolve("etc")).resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        copyTree(Path.of(System.getProperty("java.home")), rootfs.resolve(JAVA_HOME));
        for (String tool : TOOLS) {
            Path program = Programs.find(tool).orElseThrow(() -> new IllegalStateException(tool + " is not on PATH"));
            Files.copy(program.toRealPath(), rootfs.resolve("usr/bin").resolve(tool), StandardCopyOption.COPY_ATTRIBUTES);
        }
        copySharedLibraries(rootfs);
        copyTree(Path.of(mavenHome), dir.resolve("maven"));

        Files.writeString(dir.resolve("runtime.Containerfile"), """
                FROM scratch
                COPY rootfs/ /
                ENV JAVA_HOME=/%s PATH=/%s/bin:/usr/bin
                """.formatted(JAVA_HOME, JAVA_HOME));
        Files.writeString(dir.resolve("build.Containerfile"), """
                FROM %s
                COPY maven/ /usr/share/maven/
                ENV PATH=/%s/bin:/usr/share/maven/bin:/usr/bin
                """.formatted(RUNTIME, JAVA_HOME));
        buildah.output("bud", "--isolation", "chroot", "--quiet", "-f", dir.resolve("runtime.Containerfile").toString(), "-t", RUNTIME, dir.toString());
        buildah.output("bud", "--isolation", "chroot", "--quiet", "-f", dir.resolve("build.Containerfile").toString(), "-t", BUILD, dir.toString());
    }

    /** Copies a tree with symbolic links replaced by what they point to; dangling links and jmods (for jlink only) are left out. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from, FileVisitOption.FOLLOW_LINKS)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (file.startsWith(from.resolve("jmods"))) {
                    continue;
                }
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (Files.exists(file)) {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Copies every shared library that the programs and libraries in {@code rootfs} load, at the path the loader uses. */
    private static void copySharedLibraries(Path rootfs) throws Exception {
        List<String> command = new ArrayList<>(List.of(Programs.require("ldd", "install libc-bin").toString()));
        try (Stream<Path> files = Files.walk(rootfs)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".so") || Files.isExecutable(f))
                    .forEach(f -> command.add(f.toString()));
        }
        Path log = Files.createTempFile(rootfs.getParent(), "ldd", ".log");
        Process ldd = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!ldd.waitFor(2, TimeUnit.MINUTES)) {
            ldd.destroyForcibly().waitFor();
            throw new IllegalStateException("ldd did not finish in 2 minutes");
        }
        // The exit code is not 0 when some file is not dynamically linked; the paths found are what counts.
        Matcher library = LIBRARY.matcher(Files.readString(log));
        while (library.find()) {
            Path host = Path.of(library.group(1));
            Path target = rootfs.resolve(library.group(1).substring(1));
            // Libraries found through $ORIGIN (the JDK's own) are already inside rootfs.
            if (!host.startsWith(rootfs) && !Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Files.copy(host, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
