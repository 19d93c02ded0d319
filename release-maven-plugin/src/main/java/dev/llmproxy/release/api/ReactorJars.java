package dev.llmproxy.release.api;

import dev.llmproxy.release.ReleaseException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The modules of a reactor that package a jar, read from the poms themselves, for callers without Maven's own
 * model (the CLI's in-process plan, tests). The Maven goals pass Maven's resolved projects instead. Reads
 * {@code groupId} (or the parent's), {@code artifactId}, {@code packaging}, {@code build/directory} and
 * {@code build/finalName} with {@code ${project.artifactId}} and {@code ${project.version}} replaced;
 * other properties and profiles are not read.
 */
public final class ReactorJars {
    /** Packagings whose main artifact is a jar of classes. */
    private static final Set<String> JAR_PACKAGINGS = Set.of("jar", "maven-plugin", "bundle", "ejb");

    private ReactorJars() {}

    /**
     * @param root the reactor root directory
     * @param poms the reactor's poms relative to the root, {@code /} separators (other files are ignored)
     * @param version the reactor's current version ({@code 1.1.0-SNAPSHOT}): the version in the jars' names
     * @return the modules packaging a jar, in the order given
     * @throws ReleaseException when a pom cannot be read
     */
    public static List<ModuleJar> of(Path root, List<String> poms, String version) {
        List<ModuleJar> modules = new ArrayList<>();
        for (String pom : poms) {
            if (!pom.endsWith("pom.xml")) {
                continue;
            }
            Element project = read(root.resolve(pom));
            String packaging = text(project, "packaging", "jar");
            if (!JAR_PACKAGINGS.contains(packaging)) {
                continue;
            }
            String artifactId = text(project, "artifactId", null);
            Element parent = child(project, "parent");
            String groupId = text(project, "groupId", parent == null ? null : text(parent, "groupId", null));
            Element build = child(project, "build");
            Path moduleDir = root.resolve(pom).getParent();
            String directory = build == null ? "target" : text(build, "directory", "target")
                    .replace("${project.basedir}/", "").replace("${basedir}/", "");
            String finalName = build == null ? null : text(build, "finalName", null);
            String name = (finalName == null ? artifactId + "-" + version : finalName)
                    .replace("${project.artifactId}", artifactId)
                    .replace("${project.version}", version);
            modules.add(new ModuleJar(groupId, artifactId, pom, moduleDir.resolve(directory).resolve(name + ".jar")));
        }
        return modules;
    }

    private static Element read(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance(); // the JDK's: no service look-up
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new ReleaseException("cannot read " + pom + " for the API check: " + e.getMessage()
                    + " (fix the pom or set release.apiCheck=off)", e);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name, String fallback) {
        Element e = child(parent, name);
        return e == null ? fallback : e.getTextContent().trim();
    }
}
