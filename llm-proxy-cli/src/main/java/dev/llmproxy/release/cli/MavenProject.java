package dev.llmproxy.release.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Maven project the CLI works on and the Maven command that builds it.
 *
 * <p>Reactor root: start at the directory (the working directory or {@code -C}), go up to the
 * nearest directory with a {@code pom.xml}, then keep going up while the parent directory's
 * {@code pom.xml} lists the current directory as a {@code <module>} (in any profile). So running
 * from inside a module finds the aggregator that builds it, and an unrelated {@code pom.xml}
 * higher up is never taken.
 *
 * <p>Maven: {@code mvnw} in the reactor root (the project's pinned Maven), else {@code mvn} on
 * {@code PATH}, else {@code $MAVEN_HOME/bin/mvn} ({@code mvnw.cmd}/{@code mvn.cmd} on Windows),
 * skipping a {@code mvn} older than {@link MavenInstallation#OLDEST_SUPPORTED}; when none is left,
 * the Maven that {@link MavenDistribution#PINNED} provisions the way the wrapper does.
 *
 * @param root the reactor root directory (absolute, normalised)
 * @param maven the Maven executable to run
 */
record MavenProject(Path root, Path maven) {

    /**
     * @param start the directory to start from
     * @param env the environment ({@code PATH}, {@code MAVEN_HOME})
     * @return the project
     * @throws CliException ({@link CliException#USAGE}) when there is no {@code pom.xml} at or above
     *     {@code start}, or no Maven
     */
    static MavenProject locate(Path start, Map<String, String> env) {
        return locate(start, env, notice -> { });
    }

    /**
     * @param start the directory to start from
     * @param env the environment ({@code PATH}, {@code MAVEN_HOME}; {@code MVNW_REPOURL},
     *     {@code MAVEN_USER_HOME} and {@code HOME} for a provisioned Maven)
     * @param notice told one line when the CLI provisions Maven: why, and where it is
     * @return the project
     * @throws CliException ({@link CliException#USAGE}) when there is no {@code pom.xml} at or above
     *     {@code start}, or no usable Maven and none could be provisioned (the message says why)
     */
    static MavenProject locate(Path start, Map<String, String> env, Consumer<String> notice) {
        Path root = reactorRoot(start.toAbsolutePath().normalize())
                .orElseThrow(() -> new CliException(CliException.USAGE,
                        "no pom.xml in " + start.toAbsolutePath().normalize()
                                + " or any directory above it: run llm-proxy inside a Maven project or pass -C <project dir>"));
        List<Path> found = mavenExecutables(root, env);
        for (Path maven : found) {
            if (MavenInstallation.version(maven)
                    .map(version -> MavenInstallation.atLeast(version, MavenInstallation.OLDEST_SUPPORTED))
                    .orElse(true)) {
                return new MavenProject(root, maven);
            }
        }
        String why = found.isEmpty()
                ? "no Maven found"
                : found.get(0) + " is Maven " + MavenInstallation.version(found.get(0)).orElseThrow()
                        + ", older than " + MavenInstallation.OLDEST_SUPPORTED;
        MavenDistribution pinned = MavenDistribution.PINNED;
        try {
            Path maven = pinned.provision(env);
            notice.accept(why + ": using Maven " + pinned.version() + " in " + pinned.home(env)
                    + " (provisioned like the Maven wrapper from " + pinned.url(env) + ", SHA-256 checked)");
            return new MavenProject(root, maven);
        } catch (IOException e) {
            throw new CliException(CliException.USAGE, why + " and Maven " + pinned.version()
                    + " could not be provisioned (" + e.getMessage() + "): add the Maven wrapper (mvnw) to " + root
                    + ", put Maven " + MavenInstallation.OLDEST_SUPPORTED + "+ on PATH or set MAVEN_HOME"
                    + " (MVNW_REPOURL names a Maven repository mirror to download from)");
        }
    }

    static Optional<Path> reactorRoot(Path start) {
        Path dir = start;
        while (dir != null && !Files.isRegularFile(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return Optional.empty();
        }
        while (dir.getParent() != null && listsModule(dir.getParent(), dir.getFileName().toString())) {
            dir = dir.getParent();
        }
        return Optional.of(dir);
    }

    private static boolean listsModule(Path parentDir, String childName) {
        Path pom = parentDir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList modules = factory.newDocumentBuilder().parse(pom.toFile()).getElementsByTagName("module");
            for (int i = 0; i < modules.getLength(); i++) {
                String module = ((Element) modules.item(i)).getTextContent().trim().replace('\\', '/');
                if (module.endsWith("/pom.xml")) {
                    module = module.substring(0, module.length() - "/pom.xml".length());
                }
                if (module.replaceAll("/+$", "").equals(childName)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false; // an unreadable pom above the project is not part of it
        }
    }

    static Optional<Path> mavenExecutable(Path root, Map<String, String> env) {
        return mavenExecutables(root, env).stream().findFirst();
    }

    /** @return the executable Mavens in the order of preference: wrapper, {@code PATH}, {@code MAVEN_HOME} */
    private static List<Path> mavenExecutables(Path root, Map<String, String> env) {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        List<Path> candidates = new ArrayList<>();
        candidates.add(root.resolve(windows ? "mvnw.cmd" : "mvnw"));
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, windows ? "mvn.cmd" : "mvn"));
            }
        }
        String mavenHome = env.get("MAVEN_HOME");
        if (mavenHome != null && !mavenHome.isEmpty()) {
            candidates.add(Path.of(mavenHome, "bin", windows ? "mvn.cmd" : "mvn"));
        }
        return candidates.stream()
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .toList();
    }

    /** @return the reactor root's {@code target/release} directory, where the goals write */
    Path releaseDir() {
        return root.resolve("target").resolve("release");
    }

    /**
     * @param args git arguments
     * @return git's first output line, or empty when git is missing or fails
     */
    Optional<String> git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes()).strip();
            return process.waitFor() == 0 && !output.isEmpty()
                    ? Optional.of(output.lines().findFirst().orElse(""))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
