package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.TestPoms;
import dev.llmproxy.release.api.ApiCheckMode;
import dev.llmproxy.release.api.ApiCheckSettings;
import dev.llmproxy.release.api.ModuleJar;
import dev.llmproxy.release.api.PreviousArtifacts;
import dev.llmproxy.release.api.TestJars;
import dev.llmproxy.release.commits.CommitParser;
import dev.llmproxy.release.commits.ConventionalCommit;
import dev.llmproxy.release.git.GitRepo;
import dev.llmproxy.release.github.RecordingLog;
import dev.llmproxy.release.git.TestRepos;
import dev.llmproxy.release.version.BumpDecider;
import dev.llmproxy.release.version.ReleaseTag;
import dev.llmproxy.release.version.SemVer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ApiGate} on a real repository and real jars (japicmp): one module {@code app} whose method
 * {@code Api.old_name()} was removed since {@code v1.4.0}, decided as the minor release 1.5.0.
 */
class ApiGateTest {
    private static final String REMOVED = "app: method removed Api.old_name()";
    private static final String SUMMARY = "1 incompatible change in module app, first: method removed Api.old_name()";

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();
    private TestRepos repo;
    private GitRepo git;
    private ModuleJar module;
    private PreviousArtifacts artifacts;
    private TestSettings settings;

    @BeforeEach
    void setUp() throws IOException {
        repo = TestRepos.nr(dir.resolve("repo"));
        repo.write("pom.xml", TestPoms.app("1.4.0"));
        repo.git("add", "pom.xml");
        repo.c("-m", "feat: first");
        repo.ta("v1.4.0");
        repo.c("-m", "feat: second_one");
        repo.c("-m", "docs: third");
        git = GitRepo.open(repo.dir());
        Path previousJar = TestJars.jar(dir, "app-1.4.0.jar", Map.of("org.example.Api",
                "package org.example; public class Api { public void old_name() {} public void kept() {} }"));
        Path jar = TestJars.jar(dir, "app.jar", Map.of("org.example.Api",
                "package org.example; public class Api { public void kept() {} }"));
        module = new ModuleJar("org.example", "app", "pom.xml", jar);
        artifacts = (groupId, artifactId, version) -> groupId.equals("org.example") && artifactId.equals("app")
                && version.equals("1.4.0") ? Optional.of(previousJar) : Optional.empty();
        settings = new TestSettings(repo.dir());
    }

    /** @return the lines logged at {@code level} ("INFO" or "WARN"), without the level */
    private List<String> logged(String level) {
        return log.lines.stream().filter(l -> l.startsWith(level + " ")).map(l -> l.substring(level.length() + 1)).toList();
    }

    private ApiGate.Result check(ApiCheckMode mode, ReleasePlanner.Decision decision) {
        return check(mode, List.of(module), decision);
    }

    private ApiGate.Result check(ApiCheckMode mode, List<ModuleJar> modules, ReleasePlanner.Decision decision) {
        ApiCheckSettings api = new ApiCheckSettings(mode, List.of(), modules, artifacts);
        return new ApiGate(settings.build(), api, log).check(decision, git, null);
    }

    private ReleasePlanner.Decision decision(String version, List<SemVer> known) {
        List<ConventionalCommit> commits = List.of(
                CommitParser.parse(repo.sha("HEAD"), "docs: third", 1),
                new ConventionalCommit("", ConventionalCommit.Kind.CONVENTIONAL, "chore", null, false, "", "", "",
                        List.of(), List.of(), null),
                CommitParser.parse(repo.sha("HEAD~1"), "feat: second_one", 1));
        ReleaseTag previous = new ReleaseTag("v1.4.0", SemVer.parse("1.4.0"), repo.sha("v1.4.0^{commit}"));
        return new ReleasePlanner.Decision(repo.sha("HEAD"), previous, SemVer.parse(version), "v" + version, "minor",
                "minor: 1 feat", false, commits, BumpDecider.count(commits), known, null);
    }

    private ReleasePlanner.Decision decision(String version) {
        return decision(version, List.of(SemVer.parse("1.4.0")));
    }

    @Test
    void warnModeKeepsTheVersionWarnsAndWritesANoticeForTheReleaseBody() {
        ReleasePlanner.Decision decision = decision("1.5.0");

        ApiGate.Result result = check(ApiCheckMode.WARN, decision);

        assertSame(decision, result.decision());
        assertEquals(List.of("app"), List.copyOf(result.report().modules().keySet()));
        assertEquals(List.of("API check app: against 1.4.0, 1 binary and 0 source incompatible changes, first: method"
                + " removed Api.old_name()"), logged("INFO"));
        assertEquals(List.of("API check: " + SUMMARY + "; 1.5.0 is a minor release, the API needs a major one"
                + " (release.apiCheck=fail refuses, escalate raises the version)"), logged("WARN"));
        assertEquals("""

                ## API check

                1.5.0 is a minor release, but the public API changed incompatibly since v1.4.0 (SemVer 2.0.0 asks \
                for a major release):

                - app: method removed Api.old\\_name()

                Commits since v1.4.0: `%s` docs: third, `%s` feat: second\\_one
                """.formatted(repo.sha("HEAD").substring(0, 7), repo.sha("HEAD~1").substring(0, 7)), result.notice());
    }

    @Test
    void theNoticeListsAtMostTenCommits() {
        List<ConventionalCommit> commits = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            commits.add(CommitParser.parse(String.format("%040d", i), "fix: change " + i, 1));
        }
        ReleasePlanner.Decision many = decision("1.5.0");
        many = new ReleasePlanner.Decision(many.targetSha(), many.previous(), many.version(), many.tag(), many.bump(),
                many.reason(), false, commits, many.counts(), many.knownReleases(), null);

        String notice = check(ApiCheckMode.WARN, many).notice();

        assertEquals("\nCommits since v1.4.0: `0000000` fix: change 1, `0000000` fix: change 2, `0000000` fix: change 3,"
                + " `0000000` fix: change 4, `0000000` fix: change 5, `0000000` fix: change 6, `0000000` fix: change 7,"
                + " `0000000` fix: change 8, `0000000` fix: change 9, `0000000` fix: change 10\n",
                notice.substring(notice.indexOf("\nCommits")));
    }

    @Test
    void aMajorReleaseMeetsTheApiChangeAndAddsNoNotice() {
        ReleasePlanner.Decision decision = decision("2.0.0");

        ApiGate.Result result = check(ApiCheckMode.FAIL, decision);

        assertSame(decision, result.decision());
        assertEquals(1, result.report().modules().get("app").binaryIncompatible());
        assertEquals("", result.notice());
        assertEquals(List.of(), logged("WARN"));
    }

    @Test
    void failModeRefusesNamingTheFixesAndListsEachChange() {
        ReleaseException e = assertThrows(ReleaseException.class, () -> check(ApiCheckMode.FAIL, decision("1.5.0")));

        assertEquals("API check: " + SUMMARY + "; 1.5.0 is a minor release, the API needs a major one: mark the change"
                + " breaking (feat!: or a BREAKING CHANGE: footer), pass release.bump=major, or exclude the packages"
                + " (release.apiCheck.excludes)", e.getMessage());
        assertEquals(List.of("API check: " + REMOVED), logged("WARN"));
    }

    @Test
    void escalateModeRaisesTheVersionTagBumpAndReason() {
        ReleasePlanner.Decision decision = decision("1.5.0");

        ApiGate.Result result = check(ApiCheckMode.ESCALATE, decision);

        ReleasePlanner.Decision raised = result.decision();
        assertEquals(SemVer.parse("2.0.0"), raised.version());
        assertEquals("v2.0.0", raised.tag());
        assertEquals("major", raised.bump());
        assertEquals("major: API check: " + SUMMARY, raised.reason());
        assertEquals(decision.targetSha(), raised.targetSha());
        assertEquals(decision.previous(), raised.previous());
        assertEquals(decision.commits(), raised.commits());
        assertEquals(decision.counts(), raised.counts());
        assertEquals(decision.knownReleases(), raised.knownReleases());
        assertEquals(false, raised.alreadyReleased());
        assertEquals("", result.notice());
        assertEquals("API check: raised 1.5.0 to 2.0.0", logged("INFO").get(logged("INFO").size() - 1));
        assertEquals(List.of(), logged("WARN"));
    }

    @Test
    void escalateKeepsAPreReleaseAPreReleaseOfTheRaisedVersion() {
        settings.tagPrefix = "rel-";

        ReleasePlanner.Decision raised = check(ApiCheckMode.ESCALATE, decision("1.5.0-rc.3")).decision();

        assertEquals(SemVer.parse("2.0.0-rc.1"), raised.version());
        assertEquals("rel-2.0.0-rc.1", raised.tag());
    }

    @Test
    void escalateRefusesAnExplicitVersionAndARaisedVersionAlreadyReleased() {
        settings.version = "1.5.0";
        ReleaseException explicit = assertThrows(ReleaseException.class,
                () -> check(ApiCheckMode.ESCALATE, decision("1.5.0")));
        assertEquals("API check: " + SUMMARY + "; release.version 1.5.0 is below the major release the API needs:"
                + " pass a higher release.version", explicit.getMessage());

        settings.version = null;
        ReleaseException released = assertThrows(ReleaseException.class, () -> check(ApiCheckMode.ESCALATE,
                decision("1.5.0", List.of(SemVer.parse("2.0.0"), SemVer.parse("1.4.0")))));
        assertEquals("API check: the API needs 2.0.0 but it is already released: pass release.version with a free"
                + " version", released.getMessage());
    }

    @Test
    void aModuleWithoutPomAtThePreviousReleaseIsSkippedAsNew() {
        ModuleJar added = new ModuleJar("org.example", "app", "core/pom.xml", module.jar());

        ApiGate.Result result = check(ApiCheckMode.FAIL, List.of(added), decision("1.5.0"));

        assertEquals("new since v1.4.0", result.report().modules().get("app").skipped());
        assertEquals(List.of("API check app: skipped, new since v1.4.0"), logged("INFO"));
        assertEquals("", result.notice());
    }

    @Test
    void theCheckDoesNotRunWhenOffNothingIsReleasedTheTagExistsOrThereIsNoPreviousReleaseOrModule() {
        ReleasePlanner.Decision decision = decision("1.5.0");
        ReleasePlanner.Decision nothing = new ReleasePlanner.Decision(decision.targetSha(), decision.previous(), null,
                null, "none", "no releasing commit", false, decision.commits(), decision.counts(), List.of(), null);
        ReleasePlanner.Decision already = new ReleasePlanner.Decision(decision.targetSha(), decision.previous(),
                decision.version(), decision.tag(), "none", "v1.5.0 already points at HEAD", true, decision.commits(),
                decision.counts(), List.of(), null);
        ReleasePlanner.Decision first = new ReleasePlanner.Decision(decision.targetSha(), null, decision.version(),
                decision.tag(), "minor", "first release", false, decision.commits(), decision.counts(), List.of(), null);

        for (ReleasePlanner.Decision unchecked : List.of(nothing, already, first)) {
            ApiGate.Result result = check(ApiCheckMode.FAIL, unchecked);
            assertSame(unchecked, result.decision());
            assertNull(result.report());
            assertEquals("", result.notice());
        }
        assertNull(check(ApiCheckMode.OFF, decision).report());
        assertNull(check(ApiCheckMode.FAIL, List.of(), decision).report());
        settings.tag = "v1.4.0";
        assertNull(check(ApiCheckMode.FAIL, decision).report());
        assertEquals(List.of(), logged("INFO"));
        assertEquals(List.of(), logged("WARN"));
    }

    @Test
    void anIndependentlyVersionedModuleIsNotComparedAsPartOfTheRelease() throws IOException {
        Path reactor = dir.resolve("reactor");
        Files.createDirectories(reactor.resolve("tool"));
        Files.writeString(reactor.resolve("pom.xml"), """
                <project>
                  <groupId>org.example</groupId><artifactId>parent</artifactId><version>1.0.0</version>
                  <modules><module>tool</module></modules>
                </project>
                """);
        Files.writeString(reactor.resolve("tool/pom.xml"), """
                <project>
                  <parent><groupId>org.example</groupId><artifactId>parent</artifactId><version>1.0.0</version></parent>
                  <artifactId>tool</artifactId><version>3.2.0</version>
                </project>
                """);

        assertEquals(List.of("pom.xml"), ApiGate.releasedPoms(dev.llmproxy.release.pom.VersionFiles.load(reactor, null)));
    }
}
