package dev.llmproxy.release.api;

import dev.llmproxy.release.ReleaseLog;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Compares each module's jar of this build with the same module's jar of the previous release (japicmp, through
 * {@link ApiComparator}). Never fails for a module it cannot compare: a module without a jar yet, a new module or a
 * previous jar that cannot be resolved is reported as skipped, the last with a warning naming the coordinates.
 */
public final class ApiCheck {
    private final PreviousArtifacts artifacts;
    private final ApiComparator comparator;
    private final ReleaseLog log;
    private final boolean unbuiltIsWarning;

    /**
     * @param artifacts where the previous release's jars come from
     * @param comparator the comparison, with the exclusions
     * @param log where the warnings go
     * @param unbuiltIsWarning whether a module without its jar is a warning (the check was asked for); in the
     *     default {@code warn} mode a plan made before {@code package} is usual and only the report says so
     */
    public ApiCheck(PreviousArtifacts artifacts, ApiComparator comparator, ReleaseLog log, boolean unbuiltIsWarning) {
        this.artifacts = artifacts;
        this.comparator = comparator;
        this.log = log;
        this.unbuiltIsWarning = unbuiltIsWarning;
    }

    /**
     * @param modules the modules that package a jar, in reactor order
     * @param previousTag the previous release's tag ({@code v1.4.2}), for messages
     * @param previousVersion the previous release's version, the version of the jars compared with
     * @param existedAtPrevious whether a module's pom was in the previous release's tree
     * @return one report per module
     */
    public ApiReport run(
            List<ModuleJar> modules, String previousTag, String previousVersion, Predicate<ModuleJar> existedAtPrevious) {
        Map<String, ModuleApiReport> reports = new LinkedHashMap<>();
        for (ModuleJar module : modules) {
            reports.put(module.artifactId(), check(module, previousTag, previousVersion, existedAtPrevious));
        }
        return new ApiReport(reports);
    }

    private ModuleApiReport check(
            ModuleJar module, String previousTag, String previousVersion, Predicate<ModuleJar> existedAtPrevious) {
        if (!Files.isRegularFile(module.jar())) {
            String why = "no " + module.jar().getFileName() + " yet: build it first (mvn package release:draft)";
            if (unbuiltIsWarning) {
                log.warn("API check of module " + module.artifactId() + " skipped: " + why);
            }
            return ModuleApiReport.skipped(previousVersion, why);
        }
        if (!existedAtPrevious.test(module)) {
            return ModuleApiReport.skipped(previousVersion, "new since " + previousTag);
        }
        String coordinates = module.groupId() + ":" + module.artifactId() + ":" + previousVersion;
        Optional<java.nio.file.Path> previous = artifacts.jar(module.groupId(), module.artifactId(), previousVersion);
        if (previous.isEmpty()) {
            String why = coordinates + " cannot be resolved (offline, or never deployed)";
            log.warn("API check of module " + module.artifactId() + " skipped: " + why
                    + "; install or deploy it, or set release.apiCheck=off");
            return ModuleApiReport.skipped(previousVersion, why);
        }
        return ModuleApiReport.compared(previousVersion, comparator.incompatibleChanges(previous.get(), module.jar()));
    }
}
