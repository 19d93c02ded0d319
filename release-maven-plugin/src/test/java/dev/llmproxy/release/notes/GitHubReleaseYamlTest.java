package dev.llmproxy.release.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.ReleaseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubReleaseYamlTest {

    @Test
    void readsCategoriesAndExclusionsFromTheRepository(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve(".github"));
        Files.writeString(root.resolve(".github/release.yaml"), """
                changelog:
                  exclude:
                    labels: ignore-for-release
                    authors: [octocat]
                  categories:
                    - title: Breaking Changes 🛠
                      labels: [Semver-Major, breaking-change]
                    - title: Other Changes
                      labels: ["*"]
                      exclude:
                        labels: [wontfix]
                        authors: [bot]
                """);
        NotesConfig config = GitHubReleaseYaml.applyFrom(NotesConfig.defaults(), root);
        assertEquals(List.of(
                new NotesConfig.LabelCategory("Breaking Changes 🛠", List.of("Semver-Major", "breaking-change"), List.of(), List.of()),
                new NotesConfig.LabelCategory("Other Changes", List.of("*"), List.of("wontfix"), List.of("bot"))), config.labelCategories());
        assertEquals(List.of("ignore-for-release"), config.excludeLabels());
        assertEquals(List.of("octocat"), config.excludeAuthors());
    }

    @Test
    void noFileLeavesTheConfigurationAlone(@TempDir Path root) {
        NotesConfig base = NotesConfig.defaults();
        assertSame(base, GitHubReleaseYaml.applyFrom(base, root));
    }

    @Test
    void malformedFilesAreRefusedWithTheFileName() {
        ReleaseException bad = assertThrows(ReleaseException.class,
                () -> GitHubReleaseYaml.apply(NotesConfig.defaults(), "changelog: [unclosed", ".github/release.yml"));
        assertTrue(bad.getMessage().startsWith(".github/release.yml is not valid YAML"), bad.getMessage());
        ReleaseException noTitle = assertThrows(ReleaseException.class,
                () -> GitHubReleaseYaml.apply(NotesConfig.defaults(), "changelog:\n  categories:\n    - labels: [x]\n", "release.yml"));
        assertEquals("release.yml: a changelog category has no title; give each category a title", noTitle.getMessage());
    }
}
