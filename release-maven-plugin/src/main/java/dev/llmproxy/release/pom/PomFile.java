package dev.llmproxy.release.pom;

import dev.llmproxy.release.ReleaseException;
import eu.maveniverse.domtrip.Document;
import eu.maveniverse.domtrip.DomTripException;
import eu.maveniverse.domtrip.Element;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One {@code pom.xml} of the reactor as read from disk: its original bytes and the coordinates
 * the version rewrite needs. Text values are trimmed; expressions are kept unresolved.
 */
final class PomFile {
    final Path path;
    final String relativePath;
    final byte[] bytes;
    final String artifactId;
    /** own {@code <groupId>}, else the parent's; null when neither is given */
    final String groupId;
    /** own {@code <version>} text, null when inherited from the parent */
    final String declaredVersion;
    final String parentGroupId;
    final String parentArtifactId;
    final String parentVersion;
    /** project-level {@code <properties>}, in file order */
    final Map<String, String> properties;
    /** {@code <modules>} and {@code <subprojects>} of the project itself (the default reactor), as written */
    final List<String> modules;
    /**
     * module → id of the first profile listing it, for modules listed only inside profiles (Maven
     * builds them only when the profile is active)
     */
    final Map<String, String> profileModules;
    /** {@code <modelVersion>}, e.g. {@code 4.0.0}; Maven 4 POMs say {@code 4.1.0}; null when absent */
    final String modelVersion;
    /** artifactIds of the plugins in {@code build/plugins} and {@code build/pluginManagement/plugins} */
    final List<String> buildPlugins;

    private PomFile(Path path, String relativePath, byte[] bytes, Element project) {
        this.path = path;
        this.relativePath = relativePath;
        this.bytes = bytes;
        Optional<Element> parent = project.childElement("parent");
        this.parentGroupId = parent.map(p -> text(p, "groupId")).orElse(null);
        this.parentArtifactId = parent.map(p -> text(p, "artifactId")).orElse(null);
        this.parentVersion = parent.map(p -> text(p, "version")).orElse(null);
        String ownGroupId = text(project, "groupId");
        this.groupId = ownGroupId != null ? ownGroupId : parentGroupId;
        this.artifactId = text(project, "artifactId");
        this.declaredVersion = text(project, "version");
        this.properties = new LinkedHashMap<>();
        project.childElement("properties").ifPresent(props -> props.childElements()
                .forEach(p -> properties.put(p.name(), p.textContentTrimmed())));
        this.modules = modulesOf(project);
        this.profileModules = new LinkedHashMap<>();
        profiles(project).forEach(profile -> modulesOf(profile).stream()
                .filter(module -> !modules.contains(module))
                .forEach(module -> profileModules.putIfAbsent(module, Optional.ofNullable(text(profile, "id")).orElse("(no id)"))));
        this.modelVersion = text(project, "modelVersion");
        this.buildPlugins = Stream.of(project.path("build", "plugins"), project.path("build", "pluginManagement", "plugins"))
                .flatMap(Optional::stream)
                .flatMap(p -> p.childElements("plugin"))
                .map(p -> text(p, "artifactId"))
                .filter(java.util.Objects::nonNull)
                .toList();
        if (artifactId == null) {
            throw new ReleaseException(relativePath + " has no <artifactId>: add it, then rerun");
        }
    }

    /**
     * @throws ReleaseException naming the file when it cannot be read, is not XML, is not a POM,
     *     or is not reproduced byte for byte by DomTrip (so it could not be edited safely)
     */
    static PomFile read(Path path, String relativePath) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ReleaseException("cannot read " + relativePath + " (" + e + "): check the <modules> entry", e);
        }
        Element project = parse(bytes, relativePath).root();
        PomFile pom = new PomFile(path, relativePath, bytes, project);
        if (!Arrays.equals(serialize(parse(bytes, relativePath), relativePath), bytes)) {
            throw new ReleaseException(relativePath
                    + " is not reproduced byte for byte by the XML editor, so its version cannot be rewritten safely:"
                    + " change the version by hand or report this file");
        }
        return pom;
    }

    /** @return a fresh, editable document of the original bytes */
    Document document() {
        return parse(bytes, relativePath);
    }

    static Document parse(byte[] bytes, String relativePath) {
        Document document;
        try {
            document = Document.of(new ByteArrayInputStream(bytes));
        } catch (DomTripException e) {
            throw new ReleaseException(relativePath + " is not well-formed XML (" + firstLine(e.getMessage())
                    + "): fix the file, then rerun", e);
        }
        Element root = document.root();
        if (root == null || !"project".equals(root.localName())) {
            throw new ReleaseException(relativePath + " is not a Maven POM (root element "
                    + (root == null ? "missing" : "<" + root.name() + ">")
                    + ", expected <project>): fix the file or its <modules> entry, then rerun");
        }
        return document;
    }

    /** @return the document in its own encoding, with a byte order mark when it had one */
    static byte[] serialize(Document document, String relativePath) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            document.toXml(out);
        } catch (DomTripException e) {
            throw new ReleaseException("cannot write " + relativePath + " (" + firstLine(e.getMessage())
                    + "): change the version by hand", e);
        }
        return out.toByteArray();
    }

    private static List<String> modulesOf(Element scope) {
        List<String> result = new ArrayList<>();
        scope.path("modules").ifPresent(m -> m.childElements("module").forEach(e -> result.add(e.textContentTrimmed())));
        scope.path("subprojects").ifPresent(m -> m.childElements("subproject").forEach(e -> result.add(e.textContentTrimmed())));
        return result;
    }

    static Stream<Element> profiles(Element project) {
        return project.path("profiles").stream().flatMap(p -> p.childElements("profile"));
    }

    static String text(Element parent, String child) {
        return parent.childElement(child).map(Element::textContentTrimmed).orElse(null);
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse("no detail");
    }

    @Override
    public String toString() {
        return relativePath;
    }
}
