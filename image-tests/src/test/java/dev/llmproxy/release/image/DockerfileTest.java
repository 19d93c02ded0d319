package dev.llmproxy.release.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The root Dockerfile gives the image Jib gives: checked by parsing, and by buildah where it can run. */
class DockerfileTest {
    private static final Pattern LABEL = Pattern.compile("(\\S+)=\"([^\"]*)\"");
    /** Jib's dynamic label properties and the Dockerfile build arguments that carry them. */
    private static final Map<String, String> JIB_PROPERTY_TO_ARG = Map.of(
            "${image.source}", "${SOURCE}", "${image.version}", "${VERSION}",
            "${image.revision}", "${REVISION}", "${image.created}", "${CREATED}");

    record Instruction(String keyword, String arguments) {}

    private static List<Instruction> dockerfile;
    private static Element jibContainer;
    private static String projectDescription;

    @BeforeAll
    static void parse() throws Exception {
        dockerfile = instructions(Files.readString(MavenRun.ROOT.resolve("Dockerfile")));
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(MavenRun.ROOT.resolve("llm-proxy-cli/pom.xml").toFile());
        projectDescription = child(pom.getDocumentElement(), "description").getTextContent();
        var artifactIds = pom.getElementsByTagName("artifactId");
        for (int i = 0; i < artifactIds.getLength(); i++) {
            Element configuration = child((Element) artifactIds.item(i).getParentNode(), "configuration");
            if ("jib-maven-plugin".equals(artifactIds.item(i).getTextContent()) && configuration != null
                    && child(configuration, "container") != null) {
                jibContainer = child(configuration, "container");
            }
        }
        assertTrue(jibContainer != null, "llm-proxy-cli/pom.xml has no jib-maven-plugin <container> configuration");
    }

    /** Splits a Dockerfile into instructions: continuation lines joined, comments dropped. */
    static List<Instruction> instructions(String text) {
        List<Instruction> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.strip().startsWith("#") || (line.isBlank() && current.length() == 0)) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                String joined = current.toString().strip();
                int space = joined.indexOf(' ');
                result.add(new Instruction(joined.substring(0, space).toUpperCase(), joined.substring(space + 1).strip()));
                current.setLength(0);
            }
        }
        return result;
    }

    private static List<String> all(String keyword) {
        return dockerfile.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** Instructions of the last (runtime) stage. */
    private static List<String> runtime(String keyword) {
        int lastFrom = 0;
        for (int i = 0; i < dockerfile.size(); i++) {
            if (dockerfile.get(i).keyword().equals("FROM")) {
                lastFrom = i;
            }
        }
        return dockerfile.subList(lastFrom, dockerfile.size()).stream()
                .filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** Default values of the ARG instructions before the first FROM, which FROM lines may use. */
    private static Map<String, String> globalArgs() {
        Map<String, String> args = new LinkedHashMap<>();
        for (Instruction instruction : dockerfile) {
            if (instruction.keyword().equals("FROM")) {
                break;
            }
            if (instruction.keyword().equals("ARG")) {
                String[] nameAndDefault = instruction.arguments().split("=", 2);
                args.put(nameAndDefault[0], nameAndDefault.length == 2 ? nameAndDefault[1] : "");
            }
        }
        return args;
    }

    @Test
    void baseImagesAreBuildArgumentsDefaultingToPinnedDigests() {
        Map<String, String> args = globalArgs();

        assertEquals(List.of("${BUILD_IMAGE} AS build", "${RUNTIME_IMAGE}"), all("FROM"));
        assertTrue(args.getOrDefault("BUILD_IMAGE", "").matches("maven:[^ @]+-eclipse-temurin-17@sha256:[0-9a-f]{64}"), args.toString());
        assertTrue(args.getOrDefault("RUNTIME_IMAGE", "").matches("eclipse-temurin:17-jre@sha256:[0-9a-f]{64}"), args.toString());
        assertTrue(all("RUN").get(0).startsWith("mvn -B -ntp -pl llm-proxy-cli -am package"), all("RUN").toString());
    }

    @Test
    void jreStageMatchesJibBaseImage() throws Exception {
        String pom = Files.readString(MavenRun.ROOT.resolve("llm-proxy-cli/pom.xml"));

        assertTrue(pom.contains("<image.base>" + globalArgs().get("RUNTIME_IMAGE") + "</image.base>"), "Jib and Dockerfile use different JRE bases");
    }

    @Test
    void sameEntrypointUserAndWorkingDirectoryAsJib() {
        assertEquals(List.of("[\"" + text("entrypoint") + "\"]"), runtime("ENTRYPOINT"));
        assertEquals(List.of(text("user")), runtime("USER"));
        assertEquals(List.of(text("workingDirectory")), runtime("WORKDIR"));
        assertFalse(text("user").startsWith("0") || text("user").startsWith("root"), "the image must not run as root");
        assertTrue(runtime("COPY").contains("llm-proxy-cli/src/main/jib" + text("entrypoint") + " " + text("entrypoint")), runtime("COPY").toString());
    }

    @Test
    void sameLabelsAsJib() {
        Map<String, String> dockerLabels = new LinkedHashMap<>();
        for (String label : runtime("LABEL")) {
            Matcher m = LABEL.matcher(label);
            while (m.find()) {
                dockerLabels.put(m.group(1), m.group(2));
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        Element labels = child(jibContainer, "labels");
        for (Node n = labels.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element label) {
                String value = label.getTextContent().replace("${project.description}", projectDescription);
                expected.put(label.getTagName(), JIB_PROPERTY_TO_ARG.getOrDefault(value, value));
            }
        }

        assertEquals(8, expected.size(), expected.toString());
        assertEquals(expected, dockerLabels);
    }

    @Test
    void realBuildWithBuildah(@TempDir Path dir) throws Exception {
        Path buildah = Programs.require("buildah", "run .ci/setup-image-tools (apt-get install -y buildah)");
        List<String> storage = List.of(buildah.toString(), "--root", dir.resolve("root").toString(),
                "--runroot", dir.resolve("runroot").toString(), "--storage-driver", "vfs");
        for (String from : List.of(globalArgs().get("BUILD_IMAGE"), globalArgs().get("RUNTIME_IMAGE"))) {
            String image = "docker.io/library/" + from;
            List<String> pull = new ArrayList<>(storage);
            pull.addAll(List.of("pull", "-q", image));
            Result result = run(pull, dir.resolve("pull.log"), 120);
            // Nothing here reaches Docker Hub (CI included), so this skip is the outcome on this workplace.
            Assumptions.assumeTrue(result.exitCode() == 0,
                    "real Dockerfile build skipped: base image " + image + " cannot be pulled here: " + result.lastLine());
        }
        List<String> bud = new ArrayList<>(storage);
        bud.addAll(List.of("bud", "--isolation", "chroot", "--build-arg", "VERSION=1.4.0",
                "--build-arg", "SOURCE=https://github.com/example-org/app", "-t", "localhost/llm-proxy:test", MavenRun.ROOT.toString()));
        Result built = run(bud, dir.resolve("bud.log"), 600);
        assertEquals(0, built.exitCode(), built.output());

        List<String> inspect = new ArrayList<>(storage);
        inspect.addAll(List.of("inspect", "--type", "image", "--format",
                "{{.OCIv1.Config.User}}|{{.OCIv1.Config.Entrypoint}}|{{index .OCIv1.Config.Labels \"org.opencontainers.image.source\"}}",
                "localhost/llm-proxy:test"));
        assertEquals(text("user") + "|[" + text("entrypoint") + "]|https://github.com/example-org/app",
                run(inspect, dir.resolve("inspect.log"), 60).output().strip());
    }

    private record Result(int exitCode, String output) {
        String lastLine() {
            return output.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
        }
    }

    private static Result run(List<String> command, Path log, int timeoutSeconds) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return new Result(-1, "timed out after " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

    private static String text(String jibContainerChild) {
        return child(jibContainer, jibContainerChild).getTextContent().strip();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
