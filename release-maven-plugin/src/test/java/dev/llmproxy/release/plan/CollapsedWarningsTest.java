package dev.llmproxy.release.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.TestPoms;
import dev.llmproxy.release.git.TestRepos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of odd commit messages give one log line per kind of warning, every warning in
 * target/release/warnings.txt, and the counts in plan.json's {@code warnings}.
 */
class CollapsedWarningsTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final ReleaseLog log = new ReleaseLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {
            warnings.add(line);
        }
    };

    /** A one-module project whose first commit has {@code message}. */
    private TestRepos project(String message) {
        TestRepos repo = TestRepos.nr(dir.resolve("app"));
        repo.write("pom.xml", TestPoms.app("1.0.0-SNAPSHOT"));
        repo.write(".gitignore", "target/\n");
        repo.git("add", "pom.xml", ".gitignore");
        repo.c("-m", message);
        return repo;
    }

    @Test
    @Timeout(120)
    void fiveThousandOddCommitsPrintOneLinePerKind() throws IOException {
        TestRepos repo = project("chore: init");
        repo.ta("v1.0.0");
        repo.fastImport(5_000, i -> switch (i % 5) {
            case 0 -> "feat!(api" + i + "): broken header";
            case 1 -> ":sparkles: gitmoji " + i;
            case 2 -> "fix: empty footer " + i + "\n\nBREAKING CHANGE: ";
            case 3 -> "fix: plural footer " + i + "\n\nBREAKING CHANGES: gone";
            default -> "fix: ordinary " + i;
        });
        TestSettings settings = new TestSettings(repo.dir());
        settings.dryRun = true;

        ReleasePlan plan = new ReleaseEngine(settings.build(), log).bump();

        assertEquals("1.0.1", plan.version(), "no footer variant and no empty footer makes a major");
        assertEquals(0, plan.commits().breaking());
        assertEquals(List.of(
                "1000 warnings breaking-footer-variant, e.g. commit " + repo.sha("HEAD~1").substring(0, 7)
                        + " 'fix: plural footer 4998' has a \"BREAKING CHANGES:\" footer, which Conventional Commits"
                        + " 1.0.0 does not read as a breaking change (only upper-case \"BREAKING CHANGE:\" or"
                        + " \"BREAKING-CHANGE:\"), so it is not counted as one: if it is, release with"
                        + " -Drelease.bump=major; see docs/release.md, \"Commit messages\""
                        + " (all in target/release/warnings.txt)",
                "1000 warnings empty-breaking-footer, e.g. commit " + repo.sha("HEAD~2").substring(0, 7)
                        + " 'fix: empty footer 4997' has an empty BREAKING CHANGE footer, which is not counted as a"
                        + " breaking change: describe the change after \"BREAKING CHANGE: \" (or mark the header with"
                        + " \"!\"), or release with -Drelease.bump=major if it is one; see docs/release.md, \"Commit"
                        + " messages\" (all in target/release/warnings.txt)",
                "1000 warnings gitmoji, e.g. commit " + repo.sha("HEAD~3").substring(0, 7)
                        + " ':sparkles: gitmoji 4996' starts with a gitmoji instead of a Conventional Commits type and is"
                        + " counted as \"other\": write the type first (e.g. \"feat: :sparkles: add x\"); see"
                        + " docs/release.md, \"Commit messages\" (all in target/release/warnings.txt)",
                "1000 warnings invalid-header, e.g. commit " + repo.sha("HEAD~4").substring(0, 7)
                        + " 'feat!(api4995): broken header' is not a valid Conventional Commits header and is not counted"
                        + " (all in target/release/warnings.txt)"),
                warnings);

        List<String> listed = Files.readAllLines(repo.dir().resolve(Warnings.FILE), StandardCharsets.UTF_8);
        assertEquals(4_000, listed.size());
        assertEquals(1_000, listed.stream().filter(l -> l.startsWith("gitmoji: commit ")).count());
        assertTrue(listed.contains("invalid-header: commit " + repo.sha("HEAD~4999").substring(0, 7)
                + " 'feat!(api0): broken header' is not a valid Conventional Commits header and is not counted"));

        assertEquals(List.of(new ReleasePlan.WarningCount("breaking-footer-variant", 1000),
                new ReleasePlan.WarningCount("empty-breaking-footer", 1000),
                new ReleasePlan.WarningCount("gitmoji", 1000),
                new ReleasePlan.WarningCount("invalid-header", 1000)), plan.warnings());
        JsonNode json = new ObjectMapper().readTree(repo.dir().resolve(ReleaseEngine.PLAN_FILE).toFile());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("schemaVersion", "repository", "headSha", "previousTag", "previousVersion", "version", "tag",
                "bump", "reason", "alreadyReleased", "commits", "files", "notesFile", "assets", "github", "push", "remote"),
                keys.subList(0, 17), "the contract's keys first, in their order");
        assertTrue(keys.indexOf("warnings") > 16, "warnings is an added key, after the contract's");
        assertEquals("[{\"kind\":\"breaking-footer-variant\",\"count\":1000},{\"kind\":\"empty-breaking-footer\","
                + "\"count\":1000},{\"kind\":\"gitmoji\",\"count\":1000},{\"kind\":\"invalid-header\",\"count\":1000}]",
                json.get("warnings").toString());
        assertEquals(plan, PlanJson.read(repo.dir().resolve(ReleaseEngine.PLAN_FILE)), "the CLI reads it back");
    }

    @Test
    void aSingleWarningIsPrintedAsItIsAndACleanRunDeletesTheOldFile() throws IOException {
        TestRepos repo = project("feat: one\n\nbreaking change: lower case");
        TestSettings settings = new TestSettings(repo.dir());
        settings.dryRun = true;

        ReleasePlan plan = new ReleaseEngine(settings.build(), log).bump();

        String sha = repo.sha("HEAD").substring(0, 7);
        String line = "commit " + sha + " 'feat: one' has a \"breaking change:\" footer, which Conventional Commits 1.0.0"
                + " does not read as a breaking change (only upper-case \"BREAKING CHANGE:\" or \"BREAKING-CHANGE:\"), so"
                + " it is not counted as one: if it is, release with -Drelease.bump=major; see docs/release.md,"
                + " \"Commit messages\"";
        assertEquals(List.of(line), warnings);
        assertEquals(List.of(new ReleasePlan.WarningCount("breaking-footer-variant", 1)), plan.warnings());
        assertEquals("breaking-footer-variant: " + line + "\n",
                Files.readString(repo.dir().resolve(Warnings.FILE), StandardCharsets.UTF_8));

        repo.c("--allow-empty", "-m", "fix: clean");
        repo.ta("v1.0.0");
        repo.c("--allow-empty", "-m", "fix: clean again");
        warnings.clear();
        ReleasePlan clean = new ReleaseEngine(settings.build(), log).bump();
        assertEquals(List.of(), warnings);
        assertEquals(List.of(), clean.warnings());
        assertFalse(Files.exists(repo.dir().resolve(Warnings.FILE)));
    }
}
