package dev.llmproxy.release.notes;

import dev.llmproxy.release.commits.CommitParser;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** commits.md "Merge commits" (notes side) on a real repository made with the git command line. */
class MergeCommitsGitTest {

    @TempDir
    Path repo;

    @Test
    void aMergedBranchGivesOneEntryLinkedToItsPullRequest() throws Exception {
        requireGit();
        git("init", "-q", "-b", "main");
        git("config", "user.email", "dev@example.org");
        git("config", "user.name", "Dev");
        git("commit", "-q", "--allow-empty", "-m", "chore: init");
        git("tag", "v1.0.0");
        git("checkout", "-q", "-b", "feature/some-feature");
        git("commit", "-q", "--allow-empty", "-m", "feat: change smth");
        git("checkout", "-q", "main");
        git("commit", "-q", "--allow-empty", "-m", "docs: meanwhile on main");
        git("checkout", "-q", "feature/some-feature");
        git("merge", "-q", "--no-ff", "main", "-m", "Merge branch 'main' into feature/some-feature");
        git("checkout", "-q", "main");
        git("merge", "-q", "--no-ff", "feature/some-feature", "-m", "Merge pull request #178 from example-org/feature/some-feature",
                "-m", "feat: change smth");

        NotesBuilder builder = new NotesBuilder(NotesConfig.defaults());
        try (Repository repository = new FileRepositoryBuilder().setGitDir(repo.resolve(".git").toFile()).build();
                RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(repository.resolve("HEAD")));
            walk.markUninteresting(walk.parseCommit(repository.resolve("v1.0.0")));
            for (RevCommit c : walk) {
                builder.add(CommitParser.parse(c.name(), c.getFullMessage(), c.getParentCount()));
            }
        }
        ReleaseInfo release = new ReleaseInfo("example-org/app", "1.1.0", "v1.1.0", "v1.0.0", LocalDate.of(2026, 3, 1));
        ReleaseNotes notes = builder.build(release, Map.of());
        assertEquals(List.of("Features: change smth", "Documentation: meanwhile on main"), NotesBuilderTest.outline(notes));
        assertEquals(178, notes.sections().get(0).entries().get(0).pullRequest());
        String body = new MarkdownRenderer(NotesConfig.GITHUB_BODY_LIMIT).releaseBody(notes);
        assertEquals(1, MarkdownRendererTest.count(body, "change smth"), body);
        assertEquals(1, MarkdownRendererTest.count(body, "/pull/178"), body);
    }

    private void requireGit() {
        try {
            git("--version");
        } catch (IOException | IllegalStateException | InterruptedException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("the git command line is required for this test: install git", e);
            }
            Assumptions.abort("git command line not found: " + e.getMessage());
        }
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
