package dev.llmproxy.release.api;

import dev.llmproxy.release.version.BumpLevel;
import dev.llmproxy.release.version.SemVer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The API check of every checked module of the reactor, and what it means for the version.
 *
 * @param modules by artifactId, in reactor order
 */
public record ApiReport(Map<String, ModuleApiReport> modules) {

    public ApiReport {
        modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
    }

    /** @return the incompatible changes of all modules */
    public int incompatible() {
        return modules.values().stream().mapToInt(ModuleApiReport::incompatible).sum();
    }

    /**
     * The level the API demands: SemVer 2.0.0 §8, incompatible changes need a major version; before 1.0.0 (§4)
     * a minor one, unless breaking changes bump 0.x to 1.0.0 ({@code release.breakingBumpsMajorBefore1}).
     *
     * @param previous the previous release
     * @param breakingBumpsMajorBefore1 the project's 0.x rule
     * @return the level, or empty when no change is incompatible
     */
    public Optional<BumpLevel> required(SemVer previous, boolean breakingBumpsMajorBefore1) {
        if (incompatible() == 0) {
            return Optional.empty();
        }
        return Optional.of(previous.major() == 0 && !breakingBumpsMajorBefore1 ? BumpLevel.MINOR : BumpLevel.MAJOR);
    }

    /**
     * Whether {@code next} falls short of what the API demands. A pre-release that continues the train of the
     * previous pre-release makes no compatibility promise (SemVer 2.0.0 §9) and never falls short.
     *
     * @param previous the previous release
     * @param next the decided version
     * @param breakingBumpsMajorBefore1 the project's 0.x rule
     * @return the level demanded, when {@code next} is below it
     */
    public Optional<BumpLevel> shortfall(SemVer previous, SemVer next, boolean breakingBumpsMajorBefore1) {
        if (previous.isPreRelease() && previous.core().equals(next.core())) {
            return Optional.empty();
        }
        return required(previous, breakingBumpsMajorBefore1).filter(level -> levelOf(previous, next).compareTo(level) < 0);
    }

    /**
     * @return one line: {@code "3 incompatible changes in module core, first: method removed Foo.bar(int)"}, naming
     *     the first module with a change (and how many other modules have some)
     */
    public String summary() {
        Map.Entry<String, ModuleApiReport> first = modules.entrySet().stream()
                .filter(e -> e.getValue().incompatible() > 0).findFirst().orElseThrow();
        long others = modules.values().stream().filter(m -> m.incompatible() > 0).count() - 1;
        int total = incompatible();
        return total + " incompatible change" + (total == 1 ? "" : "s") + " in module " + first.getKey()
                + (others > 0 ? " and " + others + " other module" + (others == 1 ? "" : "s") : "")
                + ", first: " + first.getValue().first().get(0);
    }

    /** The increment from {@code previous} to {@code next}, read from their core versions. */
    private static BumpLevel levelOf(SemVer previous, SemVer next) {
        if (next.major() > previous.major()) {
            return BumpLevel.MAJOR;
        }
        return next.minor() > previous.minor() ? BumpLevel.MINOR : BumpLevel.PATCH;
    }
}
