package dev.llmproxy.release.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure parts of {@link GitPush}: token header, masking, error line, where a token may go. */
class GitPushTest {

    private static final String TOKEN = "ghp_secret123";

    @Test
    void theHeaderIsAppendedAfterConfigurationTheEnvironmentAlreadyHas() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "GIT_CONFIG_COUNT", "2",
                "GIT_CONFIG_KEY_0", "a.b", "GIT_CONFIG_VALUE_0", "1",
                "GIT_CONFIG_KEY_1", "c.d", "GIT_CONFIG_VALUE_1", "2"));

        GitPush.addTokenHeader(environment, TOKEN);

        assertEquals("3", environment.get("GIT_CONFIG_COUNT"));
        assertEquals("http.extraheader", environment.get("GIT_CONFIG_KEY_2"));
        assertEquals("AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hwX3NlY3JldDEyMw==", environment.get("GIT_CONFIG_VALUE_2"));
        assertEquals("a.b", environment.get("GIT_CONFIG_KEY_0"));
    }

    @Test
    void masksTheTokenItsBasicFormAndUrlCredentials() {
        String output = "fatal: unable to access 'https://user:pw@h/o/r.git/': " + TOKEN
                + " eC1hY2Nlc3MtdG9rZW46Z2hwX3NlY3JldDEyMw== ssh://git@github.com/o/r";

        assertEquals("fatal: unable to access 'https://***@h/o/r.git/': *** *** ssh://***@github.com/o/r",
                GitPush.mask(output, Optional.of(TOKEN)));
        assertEquals("", GitPush.mask(null, Optional.empty()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "To /o.git\\n ! [rejected]        main -> main (fetch first)\\nerror: failed to push some refs to '/o.git'"
                + "| ! [rejected]        main -> main (fetch first)",
        "fatal: unable to access 'https://h/': Failed to connect\\n| fatal: unable to access 'https://h/': Failed to connect",
        "hint: something\\nerror: src refspec v1 does not match any\\nfatal: last| error: src refspec v1 does not match any",
        "remote: something odd\\nlast words\\n| last words",
        "''| git exited with code 128",
    })
    void picksTheLineThatSaysWhatWentWrong(String output, String expected) {
        assertEquals(expected.strip(), GitPush.firstErrorLine(output.replace("\\n", "\n"), 128));
    }

    @ParameterizedTest
    @CsvSource({
        "https://github.com/o/r.git,    true",
        "https://ghe.example.com/o/r,   true",
        "http://127.0.0.1:8080/o/r.git, true",
        "http://localhost/o/r.git,      true",
        "http://[::1]:8080/o/r.git,     true",
        "http://github.com/o/r.git,     false",
        "http://10.0.0.1/o/r.git,       false",
        "ssh://git@github.com/o/r.git,  false",
        "git@github.com:o/r.git,        false",
        "file:///srv/o/r.git,           false",
        "/srv/o/r.git,                  false",
    })
    void aTokenGoesOnlyOverTlsOrToThisMachine(String url, boolean allowed) throws Exception {
        assertEquals(allowed, GitPush.mayCarryToken(new URIish(url)));
    }
}
