package dev.llmproxy.release.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The JBang catalog (issue 13 item 6): {@code jbang llm-proxy@<owner>/<repo>} reads {@code
 * jbang-catalog.json} at the repository root and runs the alias's {@code script-ref}, which must be
 * a release asset that this repository's release really uploads: the name in the URL is the file
 * that the CLI's build writes (assembly {@code src/assembly/jbang.xml}) and that a glob of
 * {@code asset-globs} in {@code .github/workflows/release.yml} matches; the URL is the pom's
 * repository URL.
 */
class JbangCatalogTest {
    private static final Pattern LATEST_ASSET = Pattern.compile("^(https://github\\.com/[^/]+/[^/]+)/releases/latest/download/([^/]+)$");

    @Test
    void theCatalogRunsTheJarThatTheReleaseUploads() throws Exception {
        JsonNode catalog = Project.JSON.readTree(Project.root().resolve("jbang-catalog.json").toFile());
        JsonNode alias = catalog.path("aliases").path("llm-proxy");
        assertTrue(alias.isObject(), "alias llm-proxy in " + catalog);
        assertEquals("17+", alias.path("java").asText());
        Matcher url = LATEST_ASSET.matcher(alias.path("script-ref").asText());
        assertTrue(url.matches(), alias.toString());

        assertEquals(scmUrl(), url.group(1), "the repository of the pom's <scm><url>");
        String asset = url.group(2);
        String built = "llm-proxy-cli/target/jbang/" + jbangJarName();
        assertEquals(asset, Path.of(built).getFileName().toString(), "the file the CLI's build writes");
        String globs = Project.load(Project.root().resolve(".github/workflows/release.yml"))
                .path("jobs").path("release").path("with").path("asset-globs").asText();
        List<String> matching = Arrays.stream(globs.split(",")).map(String::strip)
                .filter(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(built))).toList();
        assertEquals(1, matching.size(), "exactly one asset glob uploads " + built + ": " + globs);
    }

    private static String scmUrl() throws Exception {
        Element project = xml(Project.root().resolve("pom.xml"));
        Element scm = (Element) project.getElementsByTagName("scm").item(0);
        return scm.getElementsByTagName("url").item(0).getTextContent().strip();
    }

    /** @return the one file name in src/assembly/jbang.xml ({@code destName}), checked to be the shaded jar */
    private static String jbangJarName() throws Exception {
        Element assembly = xml(Project.root().resolve("llm-proxy-cli/src/assembly/jbang.xml"));
        assertEquals("dir", assembly.getElementsByTagName("format").item(0).getTextContent().strip());
        assertEquals(1, assembly.getElementsByTagName("file").getLength());
        assertEquals("${project.build.directory}/${cli.name}.jar",
                assembly.getElementsByTagName("source").item(0).getTextContent().strip());
        return assembly.getElementsByTagName("destName").item(0).getTextContent().strip();
    }

    private static Element xml(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }
}
