package dev.llmproxy.release.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageNameTest {
    @Test
    void ownerIsLowerCasedForGhcr() {
        ImageName image = ImageName.of(ImageName.GHCR, "Example-Org", "app");

        assertEquals("ghcr.io/example-org/app", image.repository());
        assertEquals("ghcr.io/example-org/app:1.4.0", image.reference("1.4.0"));
    }

    @ParameterizedTest
    @CsvSource({
        "Example-Org, app,     https://github.com/example-org/app",
        "Example-Org, app.git, https://github.com/example-org/app",
        "octo,        My.Repo, https://github.com/octo/my.repo",
    })
    void sourceUrlIsLowerCaseWithoutGitSuffix(String owner, String repo, String expected) {
        assertEquals(expected, ImageName.sourceUrl(owner, repo));
    }

    @ParameterizedTest
    @CsvSource({"-lead, app", "org, app/", "org, a__b-", "'', app"})
    void namesThatCannotBeImageNamesAreRejected(String owner, String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageName.of("ghcr.io", owner, name));

        assertTrue(e.getMessage().contains("cannot be part of an image name"), e.getMessage());
    }

    @Test
    void mainPrintsTheCaseW1ValuesForGitHubOutput() {
        String out = ImageMain.run(
                new String[] {"--version", "1.4.0", "v1.3.0", "v1.5.0-rc.1", "v1.02.0", "not-a-tag"},
                Map.of("GITHUB_REPOSITORY_OWNER", "Example-Org", "GITHUB_REPOSITORY", "Example-Org/app"));

        assertEquals("""
                image=ghcr.io/example-org/app
                reference=ghcr.io/example-org/app:1.4.0
                additional-tags=1.4,1,latest
                tags=1.4.0,1.4,1,latest
                source=https://github.com/example-org/app
                """, out);
    }

    @Test
    void mainGivesAPreReleaseNoAdditionalTag() {
        String out = ImageMain.run(
                new String[] {"--version", "1.5.0-rc.1", "--repository", "Example-Org/app", "v1.4.0"}, Map.of());

        assertTrue(out.contains("reference=ghcr.io/example-org/app:1.5.0-rc.1\nadditional-tags=\n"), out);
    }

    @Test
    void mainNamesWhatIsMissing() {
        IllegalArgumentException noVersion = assertThrows(IllegalArgumentException.class,
                () -> ImageMain.run(new String[] {"--repository", "o/r"}, Map.of()));
        IllegalArgumentException noRepo = assertThrows(IllegalArgumentException.class,
                () -> ImageMain.run(new String[] {"--version", "1.0.0"}, Map.of()));

        assertTrue(noVersion.getMessage().startsWith("--version is missing"), noVersion.getMessage());
        assertTrue(noRepo.getMessage().contains("GITHUB_REPOSITORY"), noRepo.getMessage());
    }
}
