package dev.llmproxy.release.api;

import dev.llmproxy.release.ReleaseLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the API check adds to a goal, on a two-module library (not a test; docs/performance.md "API check"): both
 * modules' jars of the previous release and of this build are compiled here ({@code classes} public classes of
 * {@code methods} public methods each, one method removed in the new core), then {@link ApiCheck#run} is timed: the
 * first run in this JVM (japicmp and javassist loaded cold, as in a Maven run) and the median of the warm runs.
 *
 * <p>Arguments: {@code classes methods warmRuns}, e.g. {@code 200 10 10}.
 */
public final class ApiCheckBench {
    private ApiCheckBench() {}

    public static void main(String[] args) throws Exception {
        int classes = Integer.parseInt(args[0]);
        int methods = Integer.parseInt(args[1]);
        int warmRuns = Integer.parseInt(args[2]);
        Path dir = Files.createTempDirectory("api-bench");
        Map<String, Path> previous = new LinkedHashMap<>();
        List<ModuleJar> modules = new ArrayList<>();
        for (String module : List.of("core", "util")) {
            previous.put(module, TestJars.jar(dir, module + "-1.0.0.jar", sources(module, classes, methods, false)));
            Path now = TestJars.jar(dir, module + "-1.0.1-SNAPSHOT.jar", sources(module, classes, methods, module.equals("core")));
            modules.add(new ModuleJar("org.example", module, module + "/pom.xml", now));
        }
        ApiCheck check = new ApiCheck((g, a, v) -> Optional.of(previous.get(a)), new ApiComparator(List.of()),
                ReleaseLog.SILENT, false);
        long start = System.nanoTime();
        ApiReport report = check.run(modules, "v1.0.0", "1.0.0", m -> true);
        double cold = (System.nanoTime() - start) / 1e6;
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < warmRuns; i++) {
            long t = System.nanoTime();
            check.run(modules, "v1.0.0", "1.0.0", m -> true);
            warm.add((System.nanoTime() - t) / 1e6);
        }
        warm.sort(Double::compare);
        System.out.printf("API check, 2 modules x %d classes x %d methods (%d incompatible): first run %.0f ms,"
                + " warm median %.0f ms over %d runs%n", classes, methods, report.incompatible(), cold,
                warm.get(warm.size() / 2), warmRuns);
    }

    private static Map<String, String> sources(String module, int classes, int methods, boolean removeOne) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int c = 0; c < classes; c++) {
            StringBuilder body = new StringBuilder("package com.example." + module + ";\npublic class C" + c + " {\n");
            for (int m = 0; m < methods; m++) {
                if (!(removeOne && c == 0 && m == 0)) {
                    body.append("    public int m").append(m).append("(int x, String y) { return x; }\n");
                }
            }
            sources.put("com.example." + module + ".C" + c, body.append("}\n").toString());
        }
        return sources;
    }
}
