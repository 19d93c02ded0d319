package dev.llmproxy.release.api;

import java.nio.file.Path;

/**
 * A reactor module whose API is checked: its Maven coordinates and the jar this build made of it.
 *
 * @param groupId the module's groupId
 * @param artifactId the module's artifactId, also its name in plan.json {@code apiCheck}
 * @param pom the module's pom relative to the reactor root, {@code /} separators ({@code core/pom.xml}); tells
 *     whether the module existed at the previous release
 * @param jar the jar of this build ({@code core/target/core-1.1.0-SNAPSHOT.jar}); it may not exist yet
 */
public record ModuleJar(String groupId, String artifactId, String pom, Path jar) {}
