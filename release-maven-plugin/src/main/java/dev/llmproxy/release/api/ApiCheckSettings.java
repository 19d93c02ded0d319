package dev.llmproxy.release.api;

import java.nio.file.Path;
import java.util.List;

/**
 * How the API check runs ({@code release.apiCheck*}).
 *
 * @param mode what a mismatch does
 * @param excludes packages, classes and {@code @}annotations not to check (see {@link ApiComparator})
 * @param modules the modules that package a jar, from Maven's own model; {@code null} to read them from the poms
 *     ({@link ReactorJars})
 * @param artifacts where the previous release's jars come from
 */
public record ApiCheckSettings(
        ApiCheckMode mode, List<String> excludes, List<ModuleJar> modules, PreviousArtifacts artifacts) {

    public ApiCheckSettings {
        excludes = List.copyOf(excludes);
        modules = modules == null ? null : List.copyOf(modules);
    }

    /**
     * The check as the engine runs it when its caller says nothing: {@code warn}, modules read from the poms,
     * previous jars from the local repository ({@code maven.repo.local}, else {@code ~/.m2/repository}).
     *
     * @return the default settings
     */
    public static ApiCheckSettings defaults() {
        String configured = System.getProperty("maven.repo.local");
        Path repository = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return new ApiCheckSettings(ApiCheckMode.WARN, List.of(), null, PreviousArtifacts.localRepository(repository));
    }
}
