package dev.llmproxy.release.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code release changelog --all} and {@code release replay}: in-process, git only, no Maven and no pom needed. */
@Timeout(60)
class HistoryCommandsTest {

    @TempDir
    Path dir;

    @TempDir
    Path noMaven;

    private int clock = 0;

    @Test
    void changelogAllWritesEveryReleaseWithoutMavenAndWriteReplacesTheChangelog() throws IOException {
        SampleProject.requireProgram("git");
        String one = twoReleases();

        InProcess run = InProcess.run(dir, SampleProject.envWithoutMaven(noMaven), null, false, false,
                "release", "changelog", "--all");

        assertEquals(0, run.exitCode, run::toString);
        assertEquals("Wrote 2 release sections to target/release/CHANGELOG.full.md\n", run.out.replace("\r\n", "\n"));
        String expected = """
                # Changelog

                All notable changes to this project will be documented in this file.

                The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
                and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

                ## 1.0.1 - 2024-01-01

                ### Bug fixes

                - two (%s)

                ## 1.0.0 - 2024-01-01

                ### Features

                - one (%s)
                """.formatted(git("rev-parse", "--short=7", "v1.0.1"), one.substring(0, 7));
        assertEquals(expected, Files.readString(dir.resolve("target/release/CHANGELOG.full.md")));
        assertEquals(false, Files.exists(dir.resolve("CHANGELOG.md")));

        InProcess write = InProcess.run(dir, SampleProject.envWithoutMaven(noMaven), null, false, false,
                "release", "changelog", "--all", "--write");

        assertEquals(0, write.exitCode, write::toString);
        assertEquals(expected, Files.readString(dir.resolve("CHANGELOG.md")));
    }

    @Test
    void replayPrintsTheTableAndTheTotalsAndChangesNothing() {
        SampleProject.requireProgram("git");
        twoReleases();
        String refs = git("for-each-ref");

        InProcess run = InProcess.run(dir, SampleProject.envWithoutMaven(noMaven), null, false, false,
                "release", "replay", "--last", "1", "--tag-prefix", "v");

        assertEquals(0, run.exitCode, run::toString);
        List<String> lines = run.out.lines().toList();
        assertEquals(4, lines.size(), run::toString);
        assertTrue(lines.get(0).startsWith("tag "), lines.get(0));
        assertEquals(List.of("v1.0.1", "1.0.1", "1.0.1", "yes", "-", "-"), List.of(lines.get(1).split("\\s+")));
        assertEquals("versions agreeing 1/1; entries found 0/0 (0.0 %), extra 0 (0.0 %) over 0 releases with a CHANGELOG.md section",
                lines.get(2));
        assertTrue(Files.exists(dir.resolve("target/release/replay.json")));
        assertEquals(refs, git("for-each-ref"));
        assertEquals("?? target/", git("status", "--porcelain"));
    }

    @Test
    void replayReadsAnOlderTagStyleWithTagPrefixes() {
        SampleProject.requireProgram("git");
        git("init", "-q", "-b", "main");
        commit("feat: one");
        git("tag", "1.0.0");
        commit("feat: two");
        git("tag", "v1.1.0");

        InProcess vOnly = InProcess.run(dir, SampleProject.envWithoutMaven(noMaven), null, false, false,
                "release", "replay");
        InProcess both = InProcess.run(dir, SampleProject.envWithoutMaven(noMaven), null, false, false,
                "release", "replay", "--tag-prefixes", "v,");

        assertEquals(0, both.exitCode, both::toString);
        assertEquals(List.of("v1.1.0", "1.1.0", "1.1.0", "yes", "-", "-"), List.of(both.out.lines().toList().get(1).split("\\s+")),
                both::toString);
        // 1.0.0 was a first release (its version came from outside the history); v1.1.0 now follows it
        assertEquals("versions agreeing 1/2; entries found 0/0 (0.0 %), extra 0 (0.0 %) over 0 releases with a CHANGELOG.md section",
                both.out.lines().toList().get(4), both::toString);
        assertEquals("    why: no release tag and no project version to start from: set release.initialVersion",
                both.out.lines().toList().get(3), both::toString);
        assertTrue(vOnly.out.contains("versions agreeing 0/1"), vOnly::toString);
    }

    @Test
    void replayWithoutReleaseTagsFailsNamingTheSetting() {
        SampleProject.requireProgram("git");
        git("init", "-q", "-b", "main");
        commit("feat: one");

        InProcess run = InProcess.run(dir, SampleProject.envWithoutMaven(noMaven), null, false, false, "release", "replay");

        assertEquals(CliException.FAILED, run.exitCode, run::toString);
        assertEquals("llm-proxy: no release tags (vX.Y.Z) to replay: set release.tagPrefix to the prefix of the project's tags,"
                + " or fetch tags (git fetch --tags)\n", run.err.replace("\r\n", "\n"));
    }

    /** v1.0.0 on {@code feat: one}, v1.0.1 on {@code fix: two}, then an unreleased {@code feat: three}; returns one's SHA. */
    private String twoReleases() {
        git("init", "-q", "-b", "main");
        String one = commit("feat: one");
        git("tag", "v1.0.0");
        commit("fix: two");
        git("tag", "v1.0.1");
        commit("feat: three");
        return one;
    }

    private String commit(String message) {
        clock++;
        git("commit", "-q", "--allow-empty", "-m", message);
        return git("rev-parse", "HEAD");
    }

    private String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Dev", "-c", "user.email=dev@example.com",
                "-c", "commit.gpgSign=false"));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            String date = "2024-01-01T00:" + String.format("%02d", clock) + ":00Z";
            builder.environment().put("GIT_AUTHOR_DATE", date);
            builder.environment().put("GIT_COMMITTER_DATE", date);
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor(60, TimeUnit.SECONDS);
            assertEquals(0, process.exitValue(), () -> command + " failed: " + output);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
