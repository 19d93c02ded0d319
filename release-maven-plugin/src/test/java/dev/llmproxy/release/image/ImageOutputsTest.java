package dev.llmproxy.release.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.git.GitRepo;
import dev.llmproxy.release.git.TestRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageOutputsTest {
    private static final Map<String, String> RUNNER_ENV =
            Map.of("GITHUB_REPOSITORY_OWNER", "Example-Org", "GITHUB_REPOSITORY", "Example-Org/app");

    @TempDir
    Path dir;

    @Test
    void caseW1ValuesForGitHubOutput() {
        ImageRequest request = ImageRequest.resolve("1.4.0", null, null, null, null, RUNNER_ENV, null);

        ImageOutputs outputs = ImageOutputs.of(request, List.of("v1.3.0", "v1.5.0-rc.1", "v1.02.0", "not-a-tag", "1.9.0", "x2.0.0"));

        assertEquals("""
                image=ghcr.io/example-org/app
                reference=ghcr.io/example-org/app:1.4.0
                additional-tags=1.4,1,latest
                tags=1.4.0,1.4,1,latest
                source=https://github.com/example-org/app
                """, outputs.lines());
    }

    @Test
    void aPreReleaseGetsNoAdditionalTag() {
        ImageRequest request = ImageRequest.resolve("1.5.0-rc.1", "", "Example-Org/app", "", "v", Map.of(), null);

        ImageOutputs outputs = ImageOutputs.of(request, List.of("v1.4.0"));

        assertEquals(new ImageOutputs("ghcr.io/example-org/app", "ghcr.io/example-org/app:1.5.0-rc.1", List.of(),
                List.of("1.5.0-rc.1"), "https://github.com/example-org/app"), outputs);
    }

    @Test
    void anOlderStableReleaseBehindANewerTagGetsOnlyItsVersionTag() {
        ImageRequest request = ImageRequest.resolve("1.3.2", "127.0.0.1:5000", null, "Proxy", "rel-", RUNNER_ENV, null);

        ImageOutputs outputs = ImageOutputs.of(request, List.of("rel-1.4.0", "v9.0.0"));

        assertEquals(new ImageOutputs("127.0.0.1:5000/example-org/proxy", "127.0.0.1:5000/example-org/proxy:1.3.2",
                List.of(), List.of("1.3.2"), "https://github.com/example-org/app"), outputs);
    }

    @Test
    void theTagsAreReadFromTheRepositoryAndTheOriginNamesIt() {
        TestRepos repo = TestRepos.nr(dir);
        repo.c("--allow-empty", "-m", "feat: one");
        repo.ta("v1.3.0");
        repo.c("--allow-empty", "-m", "feat: two");
        repo.tl("v2.0.0-rc.1");
        repo.tl("unrelated");
        repo.git("remote", "add", "origin", "https://github.com/Octo-Cat/Tool.git");

        try (GitRepo git = GitRepo.open(dir)) {
            ImageOutputs outputs = ImageOutputs.of(ImageRequest.resolve("1.4.0", null, null, null, null, Map.of(), git), git);

            assertEquals(new ImageOutputs("ghcr.io/octo-cat/tool", "ghcr.io/octo-cat/tool:1.4.0", List.of("1.4", "1", "latest"),
                    List.of("1.4.0", "1.4", "1", "latest"), "https://github.com/octo-cat/tool"), outputs);
        }
    }

    @Test
    void aShallowCloneIsRefusedSinceItsTagsMayBeMissing() {
        TestRepos repo = TestRepos.nr(dir.resolve("full"));
        repo.c("--allow-empty", "-m", "feat: one");
        repo.ta("v1.3.0");
        repo.c("--allow-empty", "-m", "feat: two");
        TestRepos.cloneOf(repo, dir.resolve("shallow"), "--depth", "1");

        try (GitRepo git = GitRepo.open(dir.resolve("shallow"))) {
            ImageRequest request = ImageRequest.resolve("1.4.0", null, "o/app", null, null, Map.of(), git);

            ReleaseException e = assertThrows(ReleaseException.class, () -> ImageOutputs.of(request, git));

            assertTrue(e.getMessage().startsWith("shallow clone: "), e.getMessage());
        }
    }

    @Test
    void theOutputsAreAppendedToTheFile() throws Exception {
        Path file = dir.resolve("github-output");
        Files.writeString(file, "earlier=1\n");
        ImageOutputs outputs = new ImageOutputs("r/o/n", "r/o/n:1.0.0", List.of(), List.of("1.0.0"), "https://github.com/o/n");

        outputs.appendTo(file);

        assertEquals("earlier=1\n" + outputs.lines(), Files.readString(file));
    }

    @Test
    void anUnwritableOutputIsNamed() {
        ImageOutputs outputs = new ImageOutputs("r/o/n", "r/o/n:1.0.0", List.of(), List.of("1.0.0"), "https://github.com/o/n");
        Path file = dir.resolve("missing-directory/out");

        ReleaseException e = assertThrows(ReleaseException.class, () -> outputs.appendTo(file));

        assertEquals("cannot write the image outputs to " + file + ": " + file
                + " (check release.image.output names a writable file)", e.getMessage());
    }

    @Test
    void whatIsMissingIsNamedWithTheFix() {
        IllegalArgumentException noVersion = assertThrows(IllegalArgumentException.class,
                () -> ImageRequest.resolve(" ", null, "o/r", null, null, Map.of(), null));
        IllegalArgumentException noRepository = assertThrows(IllegalArgumentException.class,
                () -> ImageRequest.resolve("1.0.0", null, null, null, null, Map.of("GITHUB_REPOSITORY", "no-slash"), null));

        assertEquals("release.image.version is missing: pass the released version, e.g. -Drelease.image.version=1.4.0",
                noVersion.getMessage());
        assertEquals("repository unknown: set GITHUB_REPOSITORY=owner/name or pass -Drelease.image.repository=owner/name",
                noRepository.getMessage());
    }

    @Test
    void anExplicitRepositoryWinsOverTheRunnersOwner() {
        ImageRequest request = ImageRequest.resolve("1.0.0", null, "Other/thing", null, null, RUNNER_ENV, null);

        assertEquals(new ImageRequest("1.0.0", "ghcr.io", "Other", "thing", "thing", "v"), request);
    }
}
