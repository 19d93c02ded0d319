package dev.llmproxy.release.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the jar of a module's previous release. The Maven goals resolve it through Maven's repository system (local
 * repository first, then the project's remote repositories); elsewhere {@link #localRepository} reads a local
 * repository only.
 */
@FunctionalInterface
public interface PreviousArtifacts {
    /**
     * @param groupId the module's groupId
     * @param artifactId the module's artifactId
     * @param version the previous release's version ({@code 1.4.2})
     * @return the jar, or empty when it cannot be found; never downloads when the local repository has it
     */
    Optional<Path> jar(String groupId, String artifactId, String version);

    /**
     * @param repository a Maven local repository directory ({@code ~/.m2/repository}, Maven's default layout)
     * @return artifacts found in that directory only
     */
    static PreviousArtifacts localRepository(Path repository) {
        return (groupId, artifactId, version) -> {
            Path jar = repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
                    .resolve(artifactId + "-" + version + ".jar");
            return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
        };
    }
}
