package dev.llmproxy.release.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmproxy.release.version.BumpLevel;
import dev.llmproxy.release.version.SemVer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The mapping from incompatible changes to the level a version needs, SemVer 2.0.0 §4, §8, §9. */
class ApiReportTest {
    private static final ApiChange REMOVED = new ApiChange("com.example.Foo", "bar(int)", "method removed", true);
    private static final ApiChange ADDED_TO_INTERFACE = new ApiChange("com.example.Api", "b()", "method added to interface", false);

    private static ApiReport report(List<ApiChange> core, List<ApiChange> web) {
        Map<String, ModuleApiReport> modules = new LinkedHashMap<>();
        modules.put("core", ModuleApiReport.compared("1.0.0", core));
        modules.put("web", ModuleApiReport.compared("1.0.0", web));
        return new ApiReport(modules);
    }

    private static Optional<BumpLevel> shortfall(ApiReport report, String previous, String next, boolean majorBefore1) {
        return report.shortfall(SemVer.parse(previous), SemVer.parse(next), majorBefore1);
    }

    @Test
    void countsBinaryAndSourceIncompatibleChangesApart() {
        ModuleApiReport core = ModuleApiReport.compared("1.0.0", List.of(REMOVED, ADDED_TO_INTERFACE, REMOVED));
        assertEquals(2, core.binaryIncompatible());
        assertEquals(1, core.sourceIncompatible());
        assertEquals(List.of("method removed Foo.bar(int)", "method added to interface Api.b()", "method removed Foo.bar(int)"),
                core.first());
    }

    @Test
    void fromOneZeroOnAnythingBelowMajorFallsShort() {
        ApiReport report = report(List.of(REMOVED), List.of());
        assertEquals(Optional.of(BumpLevel.MAJOR), shortfall(report, "1.4.0", "1.4.1", false));
        assertEquals(Optional.of(BumpLevel.MAJOR), shortfall(report, "1.4.0", "1.5.0", false));
        assertEquals(Optional.empty(), shortfall(report, "1.4.0", "2.0.0", false));
        assertEquals(Optional.empty(), shortfall(report, "1.4.0", "2.0.0-rc.1", false));
    }

    @Test
    void sourceIncompatibleChangesAloneAlsoNeedMajor() {
        assertEquals(Optional.of(BumpLevel.MAJOR), shortfall(report(List.of(), List.of(ADDED_TO_INTERFACE)), "1.4.0", "1.5.0", false));
    }

    @Test
    void beforeOneZeroAMinorIsEnoughUnlessBreakingBumpsMajor() {
        ApiReport report = report(List.of(REMOVED), List.of());
        assertEquals(Optional.of(BumpLevel.MINOR), shortfall(report, "0.3.0", "0.3.1", false));
        assertEquals(Optional.empty(), shortfall(report, "0.3.0", "0.4.0", false));
        assertEquals(Optional.of(BumpLevel.MAJOR), shortfall(report, "0.3.0", "0.4.0", true));
    }

    @Test
    void aPreReleaseTrainMakesNoPromise() {
        assertEquals(Optional.empty(), shortfall(report(List.of(REMOVED), List.of()), "2.0.0-rc.1", "2.0.0-rc.2", false));
    }

    @Test
    void noIncompatibleChangeNeverFallsShort() {
        assertEquals(Optional.empty(), shortfall(report(List.of(), List.of()), "1.4.0", "1.4.1", false));
    }

    @Test
    void theSummaryNamesTheFirstModuleWithAChangeAndCountsTheOthers() {
        assertEquals("1 incompatible change in module web, first: method added to interface Api.b()",
                report(List.of(), List.of(ADDED_TO_INTERFACE)).summary());
        assertEquals("3 incompatible changes in module core and 1 other module, first: method removed Foo.bar(int)",
                report(List.of(REMOVED, REMOVED), List.of(ADDED_TO_INTERFACE)).summary());
    }

    @Test
    void modesParseAnyCaseAndRefuseOthersNamingTheProperty() {
        assertEquals(ApiCheckMode.ESCALATE, ApiCheckMode.parse(" Escalate "));
        assertEquals("release.apiCheck 'loud' is not a mode: use warn, fail, escalate or off",
                org.junit.jupiter.api.Assertions.assertThrows(dev.llmproxy.release.ReleaseException.class,
                        () -> ApiCheckMode.parse("loud")).getMessage());
    }
}
