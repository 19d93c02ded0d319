package dev.llmproxy.release.image;

import dev.llmproxy.release.testsupport.Programs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The root Dockerfile gives the image Jib gives: checked by parsing, and built and run with buildah. */
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
    private static String projectVersion;

    @BeforeAll
    static void parse() throws Exception {
        dockerfile = instructions(Files.readString(MavenRun.ROOT.resolve("Dockerfile")));
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(MavenRun.ROOT.resolve("llm-proxy-cli/pom.xml").toFile());
        projectDescription = child(pom.getDocumentElement(), "description").getTextContent();
        projectVersion = child(child(pom.getDocumentElement(), "parent"), "version").getTextContent().strip();
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

    /** The labels Jib sets, with its dynamic label properties replaced by the Dockerfile's {@code ${ARG}} references. */
    private static Map<String, String> jibLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Node n = child(jibContainer, "labels").getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element label) {
                String value = label.getTextContent().replace("${project.description}", projectDescription);
                labels.put(label.getTagName(), JIB_PROPERTY_TO_ARG.getOrDefault(value, value));
            }
        }
        return labels;
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
        Map<String, String> expected = jibLabels();

        assertEquals(8, expected.size(), expected.toString());
        assertEquals(expected, dockerLabels);
    }

    /**
     * Builds the Dockerfile for real with buildah on local stand-ins for its base images (see
     * {@link HostBaseImages}), then checks the image's configuration and runs its entrypoint. The
     * build stage's Maven reads this machine's local repository through an overlay mount, so it
     * downloads nothing already there and its writes are discarded.
     */
    @Test
    void realBuildWithBuildah(@TempDir Path dir) throws Exception {
        Map<String, String> buildArgs = Map.of("VERSION", "1.4.0", "REVISION", JibTarTest.REVISION,
                "CREATED", JibTarTest.CREATED, "SOURCE", "https://github.com/example-org/app");
        String image = "localhost/image-tests/llm-proxy:dockerfile";
        try (Buildah buildah = Buildah.start(Files.createDirectories(dir.resolve("buildah")))) {
            HostBaseImages.build(buildah, Files.createDirectories(dir.resolve("bases")));
            List<String> bud = new ArrayList<>(List.of("bud", "--isolation", "chroot",
                    "--build-arg", "BUILD_IMAGE=" + HostBaseImages.BUILD, "--build-arg", "RUNTIME_IMAGE=" + HostBaseImages.RUNTIME,
                    "--volume", localRepository() + ":/root/.m2/repository:O", "-t", image));
            buildArgs.forEach((name, value) -> bud.addAll(List.of("--build-arg", name + "=" + value)));
            bud.add(MavenRun.ROOT.toString());
            buildah.output(bud.toArray(String[]::new));

            JsonNode config = new ObjectMapper().readTree(buildah.output("inspect", "--type", "image", image)).at("/OCIv1/config");
            assertEquals(text("user"), config.path("User").asText());
            assertEquals("[\"" + text("entrypoint") + "\"]", config.path("Entrypoint").toString());
            assertEquals(text("workingDirectory"), config.path("WorkingDir").asText());
            Map<String, String> expectedLabels = new LinkedHashMap<>();
            jibLabels().forEach((name, value) -> expectedLabels.put(name,
                    value.startsWith("${") ? buildArgs.get(value.substring(2, value.length() - 1)) : value));
            Map<String, String> labels = new LinkedHashMap<>();
            config.path("Labels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
            labels.remove("io.buildah.version");
            assertEquals(expectedLabels, labels);

            String container = buildah.output("from", "--quiet", image).strip();
            String version = buildah.output("run", "--isolation", "chroot", container, "--", text("entrypoint"), "--version");
            assertEquals("llm-proxy " + projectVersion, version.strip());
        }
    }

    /** The Maven local repository this test run uses. */
    private static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Path.of(configured).toAbsolutePath()
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
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
