package dev.llmproxy.release.version;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerTest {

    /** Valid examples of the regex test cases linked from the semver.org FAQ (all but the huge one). */
    @ParameterizedTest
    @ValueSource(strings = {
        "0.0.4", "1.2.3", "10.20.30", "1.1.2-prerelease+meta", "1.1.2+meta", "1.1.2+meta-valid",
        "1.0.0-alpha", "1.0.0-beta", "1.0.0-alpha.beta", "1.0.0-alpha.beta.1", "1.0.0-alpha.1",
        "1.0.0-alpha0.valid", "1.0.0-alpha.0valid", "1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay",
        "1.0.0-rc.1+build.1", "2.0.0-rc.1+build.123", "1.2.3-beta", "10.2.3-DEV-SNAPSHOT", "1.2.3-SNAPSHOT-123",
        "1.0.0", "2.0.0", "1.1.7", "2.0.0+build.1848", "2.0.1-alpha.1227", "1.0.0-alpha+beta",
        "1.2.3----RC-SNAPSHOT.12.9.1--.12+788", "1.2.3----R-S.12.9.1--.12+meta", "1.2.3----RC-SNAPSHOT.12.9.1--.12",
        "1.0.0+0.build.1-rc.10000aaa-kk-0.1", "1.0.0-0A.is.legal",
        // SemVer 2.0.0 §9 and §10 examples
        "1.0.0-0.3.7", "1.0.0-x.7.z.92", "1.0.0-x-y-z.--", "1.0.0-alpha+001", "1.0.0+20130313144700",
        "1.0.0-beta+exp.sha.5114f85", "1.0.0+21AF26D3----117B344092BD"
    })
    void acceptsValidVersionsAndKeepsTheirText(String text) {
        assertEquals(text, SemVer.parse(text).toString());
        assertEquals(Optional.of(SemVer.parse(text)), SemVer.tryParse(text));
    }

    /** Invalid examples of the same regex test cases, plus our own near misses. */
    @ParameterizedTest
    @ValueSource(strings = {
        "1", "1.2", "1.2.3-0123", "1.2.3-0123.0123", "1.1.2+.123", "+invalid", "-invalid", "-invalid+invalid",
        "-invalid.01", "alpha", "alpha.beta", "alpha.beta.1", "alpha.1", "alpha+beta", "alpha_beta", "alpha.",
        "alpha..", "beta", "1.0.0-alpha_beta", "-alpha.", "1.0.0-alpha..", "1.0.0-alpha..1", "1.0.0-alpha...1",
        "1.0.0-alpha....1", "1.0.0-alpha.....1", "1.0.0-alpha......1", "1.0.0-alpha.......1", "01.1.1", "1.01.1",
        "1.1.01", "1.2.3.DEV", "1.2-SNAPSHOT", "1.2.31.2.3----RC-SNAPSHOT.12.09.1--..12+788", "1.2-RC-SNAPSHOT",
        "-1.0.3-gamma+b7718", "+justmeta", "9.8.7+meta+meta", "9.8.7-whatever+meta+meta",
        "99999999999999999999999.999999999999999999.99999999999999999----RC-SNAPSHOT.12.09.1--------------------------------..12",
        // near misses of our own
        "", " 1.2.3", "1.2.3 ", "v1.2.3", "1.2.3-", "1.2.3+", "1.2.3-rc.01", "1.2.3-é", "1..3", "1.2.3.4", "1.2.x"
    })
    void rejectsInvalidVersionsWithOneLineNamingTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SemVer.parse(text));
        assertTrue(e.getMessage().startsWith("'" + text + "' is not a SemVer 2.0.0 version: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(Optional.empty(), SemVer.tryParse(text));
    }

    @Test
    void rejectsNumbersBeyondIntWithThatReason() {
        String huge = "99999999999999999999999.999999999999999999.99999999999999999";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SemVer.parse(huge));
        assertTrue(e.getMessage().contains("numbers above 2147483647 are not supported"), e.getMessage());
        assertEquals(2147483647, SemVer.parse("2147483647.0.0").major());
        assertThrows(IllegalArgumentException.class, () -> SemVer.parse("2147483648.0.0"));
    }

    @Test
    void missingTextAndLineBreaksStayOneLine() {
        assertThrows(IllegalArgumentException.class, () -> SemVer.parse(null));
        assertEquals(Optional.empty(), SemVer.tryParse(null));
        String message = assertThrows(IllegalArgumentException.class, () -> SemVer.parse("1.2\n3")).getMessage();
        assertTrue(message.startsWith("'1.2\\n3' is not"), message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.9.0                         | 1 | 9  | 0 | ''           | ''",
        "1.0.0-alpha.1                 | 1 | 0  | 0 | alpha.1      | ''",
        "1.0.0-x.7.z.92                | 1 | 0  | 0 | x.7.z.92     | ''",
        "1.0.0-alpha+001               | 1 | 0  | 0 | alpha        | 001",
        "1.0.0-beta+exp.sha.5114f85    | 1 | 0  | 0 | beta         | exp.sha.5114f85",
        "1.0.0+21AF26D3----117B344092BD| 1 | 0  | 0 | ''           | 21AF26D3----117B344092BD",
        "10.20.30                      | 10| 20 | 30| ''           | ''"
    })
    void exposesParts(String text, int major, int minor, int patch, String pre, String build) {
        SemVer v = SemVer.parse(text);
        assertAll(
                () -> assertEquals(major, v.major()),
                () -> assertEquals(minor, v.minor()),
                () -> assertEquals(patch, v.patch()),
                () -> assertEquals(split(pre), v.preRelease()),
                () -> assertEquals(split(build), v.buildMetadata()),
                () -> assertEquals(!pre.isEmpty(), v.isPreRelease()));
    }

    private static List<String> split(String dotted) {
        return dotted.isEmpty() ? List.of() : Arrays.asList(dotted.split("\\."));
    }

    /** Each row is a chain in strictly increasing precedence (SemVer 2.0.0 §2, §11; case V1). */
    @ParameterizedTest
    @ValueSource(strings = {
        "1.0.0 < 2.0.0 < 2.1.0 < 2.1.1",
        "1.9.0 < 1.10.0 < 1.11.0",
        "1.0.0-alpha < 1.0.0",
        "1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-alpha.beta < 1.0.0-beta < 1.0.0-beta.2 < 1.0.0-beta.11"
                + " < 1.0.0-rc.1 < 1.0.0",
        "0.9.0 < 0.10.0 < 1.0.0-rc.2 < 1.0.0-rc.9 < 1.0.0-rc.10 < 1.0.0",
        "1.0.0-2 < 1.0.0-10 < 1.0.0-99999999999999999999 < 1.0.0-100000000000000000000 < 1.0.0-a",
        "1.0.0-A < 1.0.0-Z < 1.0.0-a < 1.0.0-a.0 < 1.0.0-a-",
        "2.0.0-rc.1 < 2.0.0 < 2.0.1-alpha < 2.0.1"
    })
    void ordersByPrecedence(String chain) {
        List<SemVer> expected = Arrays.stream(chain.split(" < ")).map(SemVer::parse).toList();
        for (int i = 0; i < expected.size(); i++) {
            for (int j = 0; j < expected.size(); j++) {
                assertEquals(Integer.signum(Integer.compare(i, j)),
                        Integer.signum(expected.get(i).compareTo(expected.get(j))),
                        expected.get(i) + " vs " + expected.get(j));
            }
        }
        List<SemVer> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(42));
        Collections.sort(shuffled);
        assertEquals(expected, shuffled);
    }

    @ParameterizedTest
    @CsvSource({
        "1.0.0+a, 1.0.0+b",
        "1.0.0-alpha+001, 1.0.0-alpha",
        "1.0.0+20130313144700, 1.0.0"
    })
    void buildMetadataIsIgnoredForPrecedenceButNotForEquality(String a, String b) {
        SemVer x = SemVer.parse(a);
        SemVer y = SemVer.parse(b);
        assertEquals(0, x.compareTo(y));
        assertNotEquals(x, y);
        assertEquals(x.withoutBuildMetadata(), y.withoutBuildMetadata());
        assertEquals(x.withoutBuildMetadata().hashCode(), y.withoutBuildMetadata().hashCode());
    }

    @ParameterizedTest
    @CsvSource({
        "1.4.2, MAJOR, 2.0.0",
        "1.4.2, MINOR, 1.5.0",
        "1.4.2, PATCH, 1.4.3",
        "0.9.9, MINOR, 0.10.0",
        "1.5.0-rc.1+b, MAJOR, 2.0.0",
        "1.5.0-rc.1, PATCH, 1.5.1"
    })
    void incrementsResetLowerParts(String from, BumpLevel level, String expected) {
        assertEquals(SemVer.parse(expected), SemVer.parse(from).next(level));
    }

    @Test
    void incrementBeyondIntIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SemVer.parse("2147483647.0.0").next(BumpLevel.MAJOR));
    }

    @Test
    void buildsVersions() {
        assertEquals("1.2.3", SemVer.of(1, 2, 3).toString());
        assertEquals("1.2.3-rc.4", SemVer.parse("1.2.3+b").withPreRelease(List.of("rc", "4")).toString());
        assertEquals("1.2.3", SemVer.parse("1.2.3-rc.1+b").core().toString());
        assertThrows(IllegalArgumentException.class, () -> SemVer.of(1, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> SemVer.of(1, 0, 0).withPreRelease(List.of("01")));
    }

    @ParameterizedTest
    @CsvSource({"2.0.0, MAJOR", "0.0.0, MAJOR", "1.5.0, MINOR", "0.5.0-rc.1, MINOR", "1.4.1, PATCH"})
    void coreVersionImpliesTheIncrementThatReachedIt(String core, BumpLevel expected) {
        assertEquals(expected, BumpLevel.impliedBy(SemVer.parse(core)));
    }
}
