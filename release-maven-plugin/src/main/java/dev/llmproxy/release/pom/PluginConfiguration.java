package dev.llmproxy.release.pom;

import dev.llmproxy.release.ReleaseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The {@code release.*} values a goal of this plugin would see on a reactor, read without Maven
 * (for the CLI's in-process plan; issue 11 item 1), as Maven would inject them:
 * <ol>
 *   <li>the plugin's {@code <configuration>} (plugin level, and the {@code default-cli} execution)
 *       of {@code dev.llmproxy:release-maven-plugin} in the root pom's {@code <build><plugins>},
 *       over the same in {@code <pluginManagement>};
 *   <li>else the user property: the caller's (command line) over {@code .mvn/maven.config}'s
 *       {@code -Dname=value};
 *   <li>else the root pom's {@code <properties>}.
 * </ol>
 * {@code ${...}} in values is replaced from the user properties, the pom's properties and
 * {@code project.version}, {@code project.groupId}, {@code project.artifactId}, {@code
 * project.basedir}. Not read: profiles, {@code settings.xml}, parent poms, system properties and
 * environment ({@code ${env.X}}); the goal's own plan checks what these change
 * ({@code release.expect.*}). Configuration names map to property names through the plugin
 * descriptor ({@code META-INF/maven/plugin.xml}) shipped with this code.
 */
public final class PluginConfiguration {
    private static final String GROUP_ID = "dev.llmproxy";
    private static final String ARTIFACT_ID = "release-maven-plugin";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern CONFIGURATION_BLOCK = Pattern.compile("<configuration>(.*?)</configuration>", Pattern.DOTALL);
    /** {@code <tagPrefix implementation="java.lang.String" default-value="v">${release.tagPrefix}</tagPrefix>} */
    private static final Pattern PARAMETER_PROPERTY =
            Pattern.compile("<([A-Za-z_][\\w.-]*)(?:\\s[^>]*)?>\\s*\\$\\{(release\\.[^}]+)}\\s*</\\1>");

    private PluginConfiguration() {}

    /**
     * @param root the reactor root (holds {@code pom.xml})
     * @param userProperties the command line's {@code -D} values (the CLI's flags as properties)
     * @return property name ({@code release.tagPrefix}) to value, for every property given by the
     *     pom, {@code .mvn/maven.config} or {@code userProperties}; defaults are left to {@link
     *     dev.llmproxy.release.plan.SettingsResolver}
     * @throws ReleaseException when the root pom cannot be read or is not well-formed XML
     */
    public static Map<String, String> read(Path root, Map<String, String> userProperties) {
        Element project = parse(root.resolve("pom.xml")).getDocumentElement();
        Map<String, String> user = new LinkedHashMap<>(mavenConfig(root));
        user.putAll(userProperties);
        Map<String, String> pomProperties = new LinkedHashMap<>();
        child(project, "properties").ifPresent(p -> children(p).forEach(e -> pomProperties.put(e.getTagName(), text(e))));
        Map<String, String> scope = new LinkedHashMap<>(pomProperties);
        scope.putAll(user);
        Element parent = child(project, "parent").orElse(null);
        scope.put("project.version", childText(project, "version").or(() -> childText(parent, "version")).orElse(""));
        scope.put("project.groupId", childText(project, "groupId").or(() -> childText(parent, "groupId")).orElse(""));
        scope.put("project.artifactId", childText(project, "artifactId").orElse(""));
        scope.put("project.basedir", root.toString());
        scope.put("basedir", root.toString());

        Map<String, String> result = new LinkedHashMap<>();
        pomProperties.forEach((k, v) -> {
            if (k.startsWith("release.")) {
                result.put(k, interpolate(v, scope));
            }
        });
        user.forEach((k, v) -> {
            if (k.startsWith("release.")) {
                result.put(k, v);
            }
        });
        Map<String, String> parameters = parameterProperties();
        configuration(project).forEach((name, value) -> {
            String property = parameters.get(name);
            if (property != null) {
                result.put(property, interpolate(value, scope));
            }
        });
        return result;
    }

    /** @return {@code <configuration>} element name to text: pluginManagement first, plugins over it */
    private static Map<String, String> configuration(Element project) {
        Map<String, String> values = new LinkedHashMap<>();
        Optional<Element> build = child(project, "build");
        List<Element> declarations = new ArrayList<>();
        build.flatMap(b -> child(b, "pluginManagement")).flatMap(m -> child(m, "plugins"))
                .ifPresent(p -> declarations.addAll(children(p)));
        build.flatMap(b -> child(b, "plugins")).ifPresent(p -> declarations.addAll(children(p)));
        for (Element plugin : declarations) {
            if (!GROUP_ID.equals(childText(plugin, "groupId").orElse("org.apache.maven.plugins"))
                    || !ARTIFACT_ID.equals(childText(plugin, "artifactId").orElse(""))) {
                continue;
            }
            child(plugin, "configuration").ifPresent(c -> children(c).forEach(e -> values.put(e.getTagName(), text(e))));
            child(plugin, "executions").ifPresent(executions -> children(executions).stream()
                    .filter(execution -> childText(execution, "id").orElse("default").equals("default-cli"))
                    .forEach(execution -> child(execution, "configuration")
                            .ifPresent(c -> children(c).forEach(e -> values.put(e.getTagName(), text(e))))));
        }
        return values;
    }

    /**
     * @return parameter name to its user property ({@code tagPrefix} to {@code release.tagPrefix}),
     *     from this plugin's descriptor; the same for every goal. The descriptor (80 KB, written by
     *     maven-plugin-plugin) is scanned as text, not parsed into a DOM: that is a tenth of the CLI's
     *     start-up (docs/performance.md); {@code PluginConfigurationTest} checks it against a DOM parse.
     */
    static Map<String, String> parameterProperties() {
        String descriptor;
        try (InputStream in = PluginConfiguration.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            if (in == null) {
                throw new ReleaseException("the plugin descriptor META-INF/maven/plugin.xml is missing from the"
                        + " classpath: rebuild llm-proxy (./mvnw package)");
            }
            descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReleaseException("cannot read the plugin descriptor META-INF/maven/plugin.xml: " + e.getMessage(), e);
        }
        Map<String, String> result = new LinkedHashMap<>();
        Matcher configuration = CONFIGURATION_BLOCK.matcher(descriptor);
        while (configuration.find()) {
            Matcher parameter = PARAMETER_PROPERTY.matcher(configuration.group(1));
            while (parameter.find()) {
                result.put(parameter.group(1), parameter.group(2));
            }
        }
        return result;
    }

    private static Map<String, String> mavenConfig(Path root) {
        Path file = root.resolve(MavenConfig.RELATIVE_PATH);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return MavenConfig.parse(Files.readAllBytes(file)).properties();
        } catch (IOException e) {
            throw new ReleaseException("cannot read " + MavenConfig.RELATIVE_PATH + " (" + e + "): fix its permissions", e);
        }
    }

    /** Replaces {@code ${name}} from {@code scope} (nested references too); unknown ones stay. */
    static String interpolate(String value, Map<String, String> scope) {
        String current = value;
        for (int depth = 0; depth < 10 && current.contains("${"); depth++) {
            Matcher m = REFERENCE.matcher(current);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String replacement = scope.get(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(replacement != null ? replacement : m.group()));
            }
            m.appendTail(out);
            if (out.toString().equals(current)) {
                break;
            }
            current = out.toString();
        }
        return current;
    }

    private static Document parse(Path pom) {
        try {
            return builder().parse(pom.toFile());
        } catch (IOException | SAXException e) {
            throw new ReleaseException("cannot read " + pom + " (" + e.getMessage() + "): fix the pom", e);
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance(); // the JDK's: no service look-up
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                result.add(e);
            }
        }
        return result;
    }

    private static Optional<Element> child(Element parent, String name) {
        if (parent == null) {
            return Optional.empty();
        }
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst();
    }

    private static Optional<String> childText(Element parent, String name) {
        return child(parent, name).map(PluginConfiguration::text);
    }

    private static String text(Element e) {
        return e.getTextContent().trim();
    }
}
