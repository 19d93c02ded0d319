package dev.llmproxy.release.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview shows the API check of plan.json: one line per module, with the first change. */
class ApiCheckPreviewTest {
    @TempDir
    Path root;

    private static final String PLAN = """
            {"schemaVersion":1,"version":"1.0.1","tag":"v1.0.1","previousVersion":"1.0.0","previousTag":"v1.0.0",
             "bump":"patch","reason":"patch: 1 fix commit","files":["pom.xml"],
             "apiCheck":{
               "core":{"against":"1.0.0","binaryIncompatible":1,"sourceIncompatible":0,"first":["method removed Foo.bar(int)"]},
               "util":{"against":"1.0.0","binaryIncompatible":0,"sourceIncompatible":0,"first":[]},
               "extra":{"against":"1.0.0","binaryIncompatible":0,"sourceIncompatible":0,"first":[],"skipped":"new since v1.0.0"}}}
            """;

    @Test
    void oneLinePerModuleWithTheFirstChange() throws IOException {
        Path planFile = Files.createDirectories(root.resolve("target/release")).resolve("plan.json");
        Files.writeString(planFile, PLAN);

        PlanView plan = PlanView.read(planFile);
        assertEquals(List.of(
                "core: against 1.0.0, 1 binary and 0 source incompatible, first: method removed Foo.bar(int)",
                "util: against 1.0.0, 0 binary and 0 source incompatible",
                "extra: skipped, new since v1.0.0"), plan.apiCheck());

        StringWriter out = new StringWriter();
        Terminal terminal = new Terminal(Map.of(), root, new BufferedReader(new StringReader("")),
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false, false, false);
        new Preview(new Workspace(root, true), terminal, new Style(false), false, null).show(plan);
        assertTrue(out.toString().contains(
                "  API      core: against 1.0.0, 1 binary and 0 source incompatible, first: method removed Foo.bar(int)\n"
                        + "           util: against 1.0.0, 0 binary and 0 source incompatible\n"
                        + "           extra: skipped, new since v1.0.0\n"), out::toString);
    }

    @Test
    void aPlanWithoutTheCheckShowsNoApiLine() throws IOException {
        Path planFile = Files.createDirectories(root.resolve("target/release")).resolve("plan.json");
        Files.writeString(planFile, "{\"version\":\"1.0.1\",\"tag\":\"v1.0.1\",\"apiCheck\":null}");
        assertEquals(List.of(), PlanView.read(planFile).apiCheck());
    }
}
