package dev.llmproxy.release.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The source label of an image built from a git checkout (issue 13 item 5): the replacements that
 * {@code llm-proxy-cli/pom.xml} (profile {@code image-labels-from-git}) gives git-commit-id-maven-plugin,
 * applied in order as the plugin does (Java regular expressions, {@code String.replaceAll}), turn
 * every form of origin URL into the https form without {@code .git}, and a missing or local origin
 * into the pom's {@code <scm><url>}.
 */
class ImageLabelsFromGitTest {
    /** The pom's {@code <scm><url>} (inherited from the parent pom). */
    static final String SCM_URL = "https://github.com/llm-proxy/llm-proxy";

    @ParameterizedTest
    @CsvSource({
            "git@github.com:Example-Org/App.git, https://github.com/Example-Org/App",
            "https://github.com/example-org/app.git, https://github.com/example-org/app",
            "https://github.com/example-org/app, https://github.com/example-org/app",
            "https://github.com/example-org/app/, https://github.com/example-org/app",
            "https://x-access-token:secret@github.com/example-org/app.git, https://github.com/example-org/app",
            "ssh://git@ghe.example.com:2222/team/tool.git, https://ghe.example.com/team/tool",
            "git://github.com/example-org/app.git, https://github.com/example-org/app",
            "Unknown, " + SCM_URL,
            "/srv/git/app.git, " + SCM_URL,
            "file:///srv/git/app.git, " + SCM_URL,
    })
    void everyOriginFormBecomesTheHttpsSourceUrl(String origin, String source) throws Exception {
        assertEquals(source, expectedSource(origin));
    }

    /**
     * @param origin the origin remote's URL as git-commit-id-maven-plugin reads it ({@code Unknown} when there is none)
     * @return the source label: the pom's replacements applied in order, {@code ${project.scm.url}} resolved
     */
    static String expectedSource(String origin) throws Exception {
        String value = origin;
        for (String[] replacement : replacements()) {
            value = Pattern.compile(replacement[0]).matcher(value)
                    .replaceAll(replacement[1].replace("${project.scm.url}", SCM_URL));
        }
        return value;
    }

    private static List<String[]> replacements() throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(MavenRun.ROOT.resolve(Path.of("llm-proxy-cli", "pom.xml")).toFile()).getDocumentElement();
        NodeList nodes = root.getElementsByTagName("replacementProperty");
        List<String[]> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element replacement = (Element) nodes.item(i);
            assertEquals("git.remote.origin.url", text(replacement, "property"));
            assertEquals("true", text(replacement, "regex"));
            result.add(new String[] {text(replacement, "token"), text(replacement, "value")});
        }
        assertEquals(2, result.size());
        return result;
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagName(name).item(0).getTextContent().strip();
    }
}
