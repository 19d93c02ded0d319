package dev.llmproxy.release.workflows;

import java.nio.file.Path;

/**
 * What the end-to-end tests' Maven runs take over from the Maven that runs the tests: its local repository (as a
 * read-only tail), its wrapper's Maven distribution, and whether it is offline.
 */
final class OuterMaven {
    /**
     * A {@code <mirrors>} element whose only mirror cannot be reached, for settings files of runs that must find
     * everything in the local repositories. ({@code -o} itself cannot be passed on: Jib refuses to push and the
     * CycloneDX plugin skips the SBOM when offline.)
     *
     * @param mirrorOf the repositories it replaces, e.g. {@code *} or {@code *,!private}
     */
    static String unreachableMirror(String mirrorOf) {
        return """
                  <mirrors>
                    <mirror>
                      <id>no-network</id>
                      <mirrorOf>%s</mirrorOf>
                      <url>http://127.0.0.1:9/no-network</url>
                    </mirror>
                  </mirrors>
                """.formatted(mirrorOf);
    }

    private OuterMaven() {
    }

    /** Whether the Maven running the tests is offline ({@code -o}; set by the module's Surefire configuration). */
    static boolean offline() {
        return "offline=true".equals(System.getProperty("outer.maven.mode"));
    }

    /** The local repository of the Maven running the tests. */
    static Path localRepository() {
        return Path.of(System.getProperty("maven.repo.local.real", System.getProperty("user.home") + "/.m2/repository"));
    }

    /** Where the Maven wrapper keeps its Maven distribution (a sandbox HOME has none, and the tests may be offline). */
    static Path userHome() {
        String configured = System.getenv("MAVEN_USER_HOME");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".m2");
    }
}
