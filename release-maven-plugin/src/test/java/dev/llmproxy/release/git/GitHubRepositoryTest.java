package dev.llmproxy.release.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link GitRepo#gitHubRepository}: "owner/name" from every remote URL form git accepts. */
class GitHubRepositoryTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "https://github.com/o/r,                                   o/r",
        "https://github.com/o/r.git,                               o/r",
        "https://github.com/o/r/,                                  o/r",
        "https://github.com/llm-proxy/llm.proxy.git,               llm-proxy/llm.proxy",
        "HTTPS://github.com/o/r.git,                               o/r",
        "https://x-access-token:secret@github.com/o/r.git,         o/r",
        "http://github.com/o/r,                                    o/r",
        "git@github.com:o/r.git,                                   o/r",
        "git@github.com:o/r,                                       o/r",
        "github.com:o/r.git,                                       o/r",
        "ssh://git@github.com/o/r,                                 o/r",
        "ssh://git@github.com:22/o/r.git,                          o/r",
        "ssh://git@ssh.github.com:443/o/r.git,                     o/r",
        "git://github.com/o/r.git,                                 o/r",
        "https://ghe.example.com/team/service.git,                 team/service",
        "git@ghe.example.com:team/service.git,                     team/service",
        "https://ghe.example.com:8443/team/service,                team/service",
        "'  https://github.com/o/r.git  ',                         o/r",
    })
    void readsOwnerAndName(String url, String expected) {
        assertEquals(Optional.of(expected), GitRepo.gitHubRepository(url));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @NullAndEmptySource
    @ValueSource(strings = {
        "/srv/git/r.git",
        "../r.git",
        "file:///srv/git/o/r.git",
        "C:/repos/o/r.git",
        "https://github.com/o",
        "https://github.com/o/r/extra",
        "https://github.com/o/r/tree/main",
        "git@github.com:o.git",
        "https://github.com/-o/r",
        "https://github.com/o/..",
        "https://github.com/o/r%20x",
        "origin",
    })
    void rejectsWhatIsNotAGitHubRepository(String url) {
        assertEquals(Optional.empty(), GitRepo.gitHubRepository(url));
    }
}
