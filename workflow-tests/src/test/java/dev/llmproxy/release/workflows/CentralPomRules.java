package dev.llmproxy.release.workflows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The POM rules that Maven Central publishes for a release ("Requirements" of the Central Portal
 * documentation: project coordinates, no SNAPSHOT version, name, description, url, licenses,
 * developers, and scm with connection, developerConnection and url). Inherited elements count: the
 * parent's POM, found in the same repository, fills in groupId, version, url, licenses, developers
 * and scm, as Maven's inheritance does; {@code name} and {@code description} must be in each POM.
 */
final class CentralPomRules {
    private CentralPomRules() {
    }

    /**
     * @param pom a deployed POM
     * @param repository the repository it lies in (Maven layout), where its parent's POM is looked up
     * @return every rule it breaks, one line each; empty when it passes
     */
    static List<String> violations(Path pom, Path repository) throws Exception {
        Element project = read(pom);
        Optional<Element> parent = child(project, "parent").map(p -> {
            String path = text(p, "groupId").replace('.', '/') + "/" + text(p, "artifactId") + "/" + text(p, "version")
                    + "/" + text(p, "artifactId") + "-" + text(p, "version") + ".pom";
            try {
                return read(repository.resolve(path));
            } catch (Exception e) {
                throw new IllegalStateException("the parent POM " + path + " is not in " + repository, e);
            }
        });
        Function<String, Optional<Element>> inherited = name -> child(project, name).or(() -> parent.flatMap(p -> child(p, name)));
        List<String> broken = new ArrayList<>();
        String groupId = child(project, "groupId").or(() -> child(project, "parent").flatMap(p -> child(p, "groupId")))
                .map(Node::getTextContent).orElse("");
        String version = child(project, "version").or(() -> child(project, "parent").flatMap(p -> child(p, "version")))
                .map(Node::getTextContent).orElse("");
        require(broken, !groupId.isBlank(), "groupId");
        require(broken, !text(project, "artifactId").isBlank(), "artifactId");
        require(broken, !version.isBlank() && !version.endsWith("-SNAPSHOT"), "a release version (not -SNAPSHOT)");
        require(broken, !text(project, "name").isBlank(), "name");
        require(broken, !text(project, "description").isBlank(), "description");
        require(broken, inherited.apply("url").filter(url -> url.getTextContent().startsWith("https://")).isPresent(), "url");
        Optional<Element> license = inherited.apply("licenses").flatMap(l -> child(l, "license"));
        require(broken, license.filter(l -> !text(l, "name").isBlank() && !text(l, "url").isBlank()).isPresent(),
                "licenses/license with name and url");
        Optional<Element> developer = inherited.apply("developers").flatMap(d -> child(d, "developer"));
        require(broken, developer.filter(d -> !text(d, "name").isBlank()).isPresent(), "developers/developer with a name");
        Optional<Element> scm = inherited.apply("scm");
        for (String element : List.of("connection", "developerConnection", "url")) {
            require(broken, scm.filter(s -> !text(s, element).isBlank()).isPresent(), "scm/" + element);
        }
        return broken;
    }

    private static void require(List<String> broken, boolean met, String what) {
        if (!met) {
            broken.add("missing " + what);
        }
    }

    private static Element read(Path pom) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getTagName())) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    private static String text(Element parent, String name) {
        return child(parent, name).map(Node::getTextContent).map(String::strip).orElse("");
    }
}
