package dev.llmproxy.release.version;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatestRuleTest {

    /** Case G4 in publishing order, then edge cases. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2.1.0-rc.1 | 2.0.0                        | false",
        "1.9.5      | 2.0.0 2.1.0-rc.1             | false",
        "2.1.0      | 2.0.0 2.1.0-rc.1 1.9.5       | true",
        "1.0.0      | ''                           | true",
        "2.1.0      | 2.1.0 2.0.0                  | true",
        "2.1.0+b    | 2.1.0                        | true",
        "2.1.0      | 3.0.0-rc.1                   | true",
        "0.10.0     | 0.9.0                        | true"
    })
    void makeLatestOnlyForTheHighestStable(String version, String known, String expected) {
        List<SemVer> releases = known.isBlank()
                ? List.of()
                : Arrays.stream(known.split(" ")).map(SemVer::parse).toList();
        assertEquals(expected, LatestRule.makeLatest(SemVer.parse(version), releases));
    }
}
