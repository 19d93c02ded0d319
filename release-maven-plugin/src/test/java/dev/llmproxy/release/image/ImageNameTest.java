package dev.llmproxy.release.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
