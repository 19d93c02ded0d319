package dev.llmproxy.release.pom;

import dev.llmproxy.release.ReleaseException;
import eu.maveniverse.domtrip.Document;
import eu.maveniverse.domtrip.Element;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versions of a Maven reactor and their format-preserving rewrite (issue #2, item 7), done
 * with DomTrip so that every byte outside the rewritten values stays as it was: comments,
 * whitespace, attribute order and quotes, CRLF, the encoding declaration and a byte order mark.
 *
 * <p><b>Reactor.</b> The root {@code pom.xml} and, recursively, every module listed in
 * {@code <modules>} or Maven 4 {@code <subprojects>} (the default reactor, what Maven builds; a
 * missing module there is refused, as Maven refuses it), and every module listed only inside a
 * {@code <profile>} <em>when its pom exists</em>: a release moves every module some build of the
 * tagged commit can include, so a profile-only module never points at a parent version that does
 * not exist. A profile-only module whose pom does not exist (and a missing module of such a
 * module) is no refusal: Maven builds the project without it; it is reported by
 * {@link #skippedPoms()} (issue #12 item 4). A project's groupId is its own or its parent's.
 * Coordinates are matched as {@code groupId:artifactId}; a plugin without groupId is
 * {@code org.apache.maven.plugins}.
 *
 * <p><b>Current version.</b> The effective version of the root project: its literal
 * {@code <version>}, or the CI-friendly expression ({@code ${revision}}, {@code ${sha1}},
 * {@code ${changelist}} and combinations) resolved from the {@code <properties>} of the pom and
 * its reactor parents, where a {@code -Dname=value} in {@code .mvn/maven.config} wins over the
 * pom, as it does in Maven. A project without {@code <version>} has its parent's.
 *
 * <p><b>Rewrite.</b> Projects whose effective version equals the root's move to the new version;
 * projects with another version are independently versioned, left alone and reported by
 * {@link #independentlyVersioned()}. Changed are only:
 * <ul>
 *   <li>a moving project's literal {@code <version>}; for an expression, the property it uses
 *       (revision; sha1/changelist are kept, or emptied when the new version cannot keep them)
 *       where it is defined: the winning {@code .mvn/maven.config} entry, else the nearest
 *       reactor pom's {@code <properties>};</li>
 *   <li>{@code <parent><version>} when the parent is a reactor project and the value is the
 *       literal old version of that parent;</li>
 *   <li>versions of reactor coordinates in {@code dependencies}, {@code dependencyManagement},
 *       {@code build/plugins}, {@code build/pluginManagement}, plugin dependencies,
 *       {@code build/extensions} and {@code reporting/plugins}, also inside profiles, when the
 *       value is the literal old version of that project.</li>
 * </ul>
 * Property references such as {@code ${project.version}} stay references, modules gain no
 * {@code <version>}, external coordinates and other properties stay even when their text equals
 * the old version, and plugin {@code <configuration>} is never touched.
 *
 * <p><b>Safety.</b> A file that DomTrip cannot reproduce byte for byte unedited is refused at
 * {@link #load}. {@link #apply} computes every new content first, re-parses each, and then
 * replaces the files through temporary files and atomic moves, restoring the originals if a
 * move fails. A reactor already at the new version yields no change (idempotent rerun).
 *
 * <p>Instances hold the bytes read by {@link #load}; {@link #apply} refuses when a file changed
 * on disk since then. Not thread-safe.
 */
public final class ReactorVersions implements VersionFiles {
    private static final Pattern PROPERTY_REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern MAVEN_VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final Set<String> OPTIONAL_CI_PROPERTIES = Set.of("sha1", "changelist");
    private static final Set<String> CI_FRIENDLY_PROPERTIES = Set.of("revision", "sha1", "changelist");
    private static final String DEFAULT_PLUGIN_GROUP = "org.apache.maven.plugins";

    private final Path root;
    private final List<PomFile> poms;
    private final Map<String, PomFile> byCoordinates = new HashMap<>();
    private final byte[] mavenConfigBytes;
    private final MavenConfig mavenConfig;
    private final Map<PomFile, Map<String, String>> effectiveProperties = new HashMap<>();
    private final Map<PomFile, String> versions = new LinkedHashMap<>();
    private final Map<String, String> missingProfileModules;

    private ReactorVersions(Path root, List<PomFile> poms, byte[] mavenConfigBytes, Map<String, String> missingProfileModules) {
        this.root = root;
        this.poms = poms;
        this.missingProfileModules = missingProfileModules;
        this.mavenConfigBytes = mavenConfigBytes;
        this.mavenConfig = MavenConfig.parse(mavenConfigBytes == null ? new byte[0] : mavenConfigBytes);
        for (PomFile pom : poms) {
            PomFile clash = byCoordinates.put(pom.groupId + ":" + pom.artifactId, pom);
            if (clash != null) {
                throw new ReleaseException(clash.relativePath + " and " + pom.relativePath + " are both "
                        + pom.groupId + ":" + pom.artifactId + ": give each module its own artifactId");
            }
        }
        poms.forEach(pom -> versionOf(pom, new HashSet<>()));
    }

    /**
     * Reads the reactor rooted at {@code reactorRootDir/pom.xml} and its {@code .mvn/maven.config}.
     *
     * @param reactorRootDir the directory holding the root {@code pom.xml}
     * @return the reactor, every pom parsed and its effective version resolved
     * @throws ReleaseException (one line naming the file) when a pom is missing, unreadable, not
     *     well-formed, not a POM, not reproducible byte for byte, or has an unresolvable version
     */
    public static ReactorVersions load(Path reactorRootDir) {
        Path root = reactorRootDir.toAbsolutePath().normalize();
        Path rootPom = root.resolve("pom.xml");
        if (!Files.isRegularFile(rootPom)) {
            throw new ReleaseException("no pom.xml in " + root + ": run from the Maven reactor root");
        }
        List<PomFile> poms = new ArrayList<>();
        Map<String, String> missing = new LinkedHashMap<>();
        collect(root, rootPom, null, new HashSet<>(), poms, missing);
        Path config = root.resolve(MavenConfig.RELATIVE_PATH);
        byte[] configBytes = null;
        if (Files.isRegularFile(config)) {
            try {
                configBytes = Files.readAllBytes(config);
            } catch (IOException e) {
                throw new ReleaseException("cannot read " + MavenConfig.RELATIVE_PATH + " (" + e + "): fix its permissions", e);
            }
        }
        return new ReactorVersions(root, poms, configBytes, missing);
    }

    /**
     * @param profile the profile through which this pom is reached, or null in the default reactor
     * @param missing receives relative path → reason of each profile module whose pom does not exist
     */
    private static void collect(Path root, Path pomPath, String profile, Set<Path> seen, List<PomFile> poms,
            Map<String, String> missing) {
        if (!seen.add(pomPath)) {
            return;
        }
        PomFile pom = PomFile.read(pomPath, relative(root, pomPath));
        poms.add(pom);
        for (String module : pom.modules) {
            Path target = modulePom(pomPath, module);
            if (!Files.isRegularFile(target) && profile == null) {
                throw new ReleaseException(pom.relativePath + " lists module '" + module + "' but "
                        + relative(root, target) + " does not exist: fix the <module> entry");
            }
            collectOrSkip(root, pom, target, profile, seen, poms, missing);
        }
        pom.profileModules.forEach((module, id) ->
                collectOrSkip(root, pom, modulePom(pomPath, module), profile == null ? id : profile, seen, poms, missing));
    }

    private static void collectOrSkip(Path root, PomFile lister, Path target, String profile, Set<Path> seen,
            List<PomFile> poms, Map<String, String> missing) {
        if (Files.isRegularFile(target)) {
            collect(root, target, profile, seen, poms, missing);
        } else {
            Path pom = target.getFileName().toString().endsWith(".xml") ? target : target.resolve("pom.xml");
            missing.putIfAbsent(relative(root, pom), "listed by " + lister.relativePath + " for profile '" + profile
                    + "' only, and does not exist; Maven builds the default reactor without it");
        }
    }

    private static Path modulePom(Path listingPom, String module) {
        Path target = listingPom.getParent().resolve(module).normalize();
        return Files.isDirectory(target) ? target.resolve("pom.xml") : target;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /**
     * @return the relative paths (forward slashes) of every file a version change may edit: the
     *     poms in reactor order, then {@code .mvn/maven.config} when it exists
     */
    @Override
    public List<String> files() {
        List<String> files = new ArrayList<>(poms.stream().map(pom -> pom.relativePath).toList());
        if (mavenConfigBytes != null) {
            files.add(MavenConfig.RELATIVE_PATH);
        }
        return List.copyOf(files);
    }

    /** @return the root project's artifactId */
    @Override
    public String artifactId() {
        return poms.get(0).artifactId;
    }

    /**
     * The poms a version change leaves alone, and why: profile-only modules whose pom does not
     * exist, then independently versioned projects ({@link #independentlyVersioned()}), whose own
     * version is kept (their references to reactor modules still move).
     *
     * @return relative path (forward slashes) → one-line reason, in that order
     */
    @Override
    public Map<String, String> skippedPoms() {
        Map<String, String> result = new LinkedHashMap<>(missingProfileModules);
        independentlyVersioned().forEach((path, version) -> result.put(path, "own version " + version
                + " differs from the reactor's " + version() + ": independently versioned, its version is kept"));
        return result;
    }

    /**
     * CI-friendly versions ({@code ${revision}}, {@code ${sha1}}, {@code ${changelist}}) need the
     * flatten-maven-plugin on Maven 3, or installed and deployed poms keep the expression (issue #10
     * item 11). Maven 4 (model version 4.1.0) resolves them itself.
     *
     * @return a warning with the fix when a reactor pom uses a CI-friendly version, no reactor pom
     *     declares the flatten-maven-plugin in {@code build/plugins} or
     *     {@code build/pluginManagement/plugins}, and the root pom is not model version 4.1.0;
     *     empty otherwise, and also when the root pom's parent is outside the reactor: that parent (often
     *     an organisation's, in a profile it activates) may declare the plugin, and it is not read here
     */
    @Override
    public Optional<String> ciFriendlyWarning() {
        Optional<PomFile> user = poms.stream().filter(ReactorVersions::usesCiFriendlyVersion).findFirst();
        boolean flattened = poms.stream().anyMatch(p -> p.buildPlugins.contains("flatten-maven-plugin"));
        PomFile root = poms.get(0);
        boolean parentUnread = root.parentArtifactId != null && reactorParent(root) == null;
        if (user.isEmpty() || flattened || parentUnread || "4.1.0".equals(root.modelVersion)) {
            return Optional.empty();
        }
        PomFile pom = user.get();
        return Optional.of(pom.relativePath + " uses the CI-friendly version "
                + Optional.ofNullable(pom.declaredVersion).filter(ReactorVersions::isCiFriendly).orElse(pom.parentVersion)
                + " but no reactor pom declares the flatten-maven-plugin, so installed and deployed poms would keep"
                + " the expression: add org.codehaus.mojo:flatten-maven-plugin with <updatePomFile>true</updatePomFile>"
                + " and <flattenMode>resolveCiFriendliesOnly</flattenMode> (Maven's \"Maven CI Friendly Versions\""
                + " page), or move to Maven 4 (modelVersion 4.1.0)");
    }

    private static boolean usesCiFriendlyVersion(PomFile pom) {
        return isCiFriendly(pom.declaredVersion) || isCiFriendly(pom.parentVersion);
    }

    private static boolean isCiFriendly(String version) {
        return version != null && PROPERTY_REFERENCE.matcher(version).results()
                .anyMatch(r -> CI_FRIENDLY_PROPERTIES.contains(r.group(1)));
    }

    /** @return {@link VersionFiles#MAVEN} */
    @Override
    public String mode() {
        return MAVEN;
    }

    /** @return the effective version of the root project, CI-friendly properties resolved */
    @Override
    public String version() {
        return versions.get(poms.get(0));
    }

    /**
     * @return relative path (forward slashes) to version of each reactor project whose effective
     *     version differs from the root's; these are left unchanged by {@link #apply}
     */
    public Map<String, String> independentlyVersioned() {
        Map<String, String> result = new LinkedHashMap<>();
        versions.forEach((pom, version) -> {
            if (!moves(pom)) {
                result.put(pom.relativePath, version);
            }
        });
        return result;
    }

    /**
     * @param newVersion the version the reactor moves to, e.g. {@code 1.5.0}
     * @return the relative paths (forward slashes; poms in reactor order, then
     *     {@code .mvn/maven.config}) that {@link #apply} would change; empty when already there
     * @throws ReleaseException when the new version is not a plain Maven version or cannot be
     *     written (e.g. a CI-friendly template that cannot express it)
     */
    @Override
    public List<String> changesFor(String newVersion) {
        return List.copyOf(plan(newVersion).keySet());
    }

    /**
     * Rewrites the reactor to {@code newVersion}: all files or none.
     *
     * @param newVersion the version the reactor moves to, e.g. {@code 1.5.0}
     * @return the relative paths written, as {@link #changesFor} returns them
     * @throws ReleaseException naming the file when a file changed on disk since {@link #load} or
     *     cannot be written; no file is left changed
     */
    @Override
    public List<String> apply(String newVersion) {
        return apply(newVersion, AtomicFiles.ATOMIC_MOVE);
    }

    List<String> apply(String newVersion, AtomicFiles.Mover mover) {
        Map<String, byte[]> plan = plan(newVersion);
        Map<Path, byte[]> newContents = new LinkedHashMap<>();
        Map<Path, byte[]> originals = new HashMap<>();
        plan.forEach((relativePath, content) -> {
            Path file = root.resolve(relativePath);
            byte[] original = originalBytes(relativePath);
            requireUnchangedOnDisk(file, relativePath, original);
            newContents.put(file, content);
            originals.put(file, original);
        });
        AtomicFiles.replaceAll(newContents, originals, file -> relative(root, file), mover);
        return List.copyOf(plan.keySet());
    }

    private byte[] originalBytes(String relativePath) {
        return MavenConfig.RELATIVE_PATH.equals(relativePath)
                ? mavenConfigBytes
                : poms.stream().filter(p -> p.relativePath.equals(relativePath)).findFirst().orElseThrow().bytes;
    }

    private static void requireUnchangedOnDisk(Path file, String relativePath, byte[] original) {
        try {
            if (!Arrays.equals(Files.readAllBytes(file), original)) {
                throw new ReleaseException(relativePath + " changed since the reactor was read: rerun");
            }
        } catch (IOException e) {
            throw new ReleaseException("cannot read " + relativePath + " (" + e + "): check the file, then rerun", e);
        }
    }

    /** @return relative path to new content, only for files whose bytes change */
    private Map<String, byte[]> plan(String newVersion) {
        if (newVersion == null || !MAVEN_VERSION.matcher(newVersion).matches()) {
            throw new ReleaseException("new version '" + newVersion
                    + "' is not a plain Maven version (letters, digits, . _ + -): give a version such as 1.5.0");
        }
        Map<PomFile, Map<String, String>> pomPropertyEdits = new LinkedHashMap<>();
        Map<String, String> configEdits = new LinkedHashMap<>();
        collectPropertyEdits(newVersion, pomPropertyEdits, configEdits);

        Map<String, byte[]> result = new LinkedHashMap<>();
        for (PomFile pom : poms) {
            Document document = pom.document();
            Element project = document.root();
            editVersions(pom, project, newVersion);
            pomPropertyEdits.getOrDefault(pom, Map.of()).forEach((name, value) ->
                    project.path("properties", name).ifPresent(e -> replaceValue(e, value)));
            byte[] updated = PomFile.serialize(document, pom.relativePath);
            if (!Arrays.equals(updated, pom.bytes)) {
                validate(pom, updated);
                result.put(pom.relativePath, updated);
            }
        }
        if (!configEdits.isEmpty()) {
            byte[] updated = mavenConfig.withValues(configEdits);
            if (!Arrays.equals(updated, mavenConfigBytes)) {
                result.put(MavenConfig.RELATIVE_PATH, updated);
            }
        }
        return result;
    }

    private void editVersions(PomFile pom, Element project, String newVersion) {
        if (moves(pom) && pom.declaredVersion != null) {
            project.childElement("version").ifPresent(e -> replaceLiteral(e, versionOf(pom), newVersion));
        }
        if (moves(pom) && pom.declaredVersion == null && reactorParent(pom) == null && !newVersion.equals(version())) {
            throw new ReleaseException(pom.relativePath + " takes its version from " + pom.parentGroupId + ":"
                    + pom.parentArtifactId + " outside the reactor: declare <version> in it, then rerun");
        }
        PomFile parent = reactorParent(pom);
        if (parent != null) {
            project.path("parent", "version").ifPresent(e -> replaceLiteral(e, versionOf(parent), newVersionOf(parent, newVersion)));
        }
        coordinateElements(project).forEach(coordinate -> {
            String defaultGroup = "dependency".equals(coordinate.name()) ? null : DEFAULT_PLUGIN_GROUP;
            String groupId = Optional.ofNullable(PomFile.text(coordinate, "groupId"))
                    .map(g -> resolve(g, name -> groupIdLookup(pom, name)))
                    .orElse(defaultGroup);
            PomFile sibling = byCoordinates.get(groupId + ":" + PomFile.text(coordinate, "artifactId"));
            if (sibling != null) {
                coordinate.childElement("version")
                        .ifPresent(e -> replaceLiteral(e, versionOf(sibling), newVersionOf(sibling, newVersion)));
            }
        });
    }

    private String groupIdLookup(PomFile pom, String name) {
        switch (name) {
            case "project.groupId":
            case "pom.groupId":
                return pom.groupId;
            case "project.parent.groupId":
                return pom.parentGroupId;
            default:
                return effectiveProperties.get(pom).get(name);
        }
    }

    /** dependency, plugin and extension elements of the project and of each profile */
    private static Stream<Element> coordinateElements(Element project) {
        return Stream.concat(Stream.of(project), PomFile.profiles(project)).flatMap(scope -> {
            Stream<Element> plugins = Stream.of(
                            scope.path("build", "plugins"),
                            scope.path("build", "pluginManagement", "plugins"),
                            scope.path("reporting", "plugins"))
                    .flatMap(Optional::stream)
                    .flatMap(p -> p.childElements("plugin"));
            return Stream.of(
                            scope.path("dependencies").stream().flatMap(d -> d.childElements("dependency")),
                            scope.path("dependencyManagement", "dependencies").stream().flatMap(d -> d.childElements("dependency")),
                            scope.path("build", "extensions").stream().flatMap(d -> d.childElements("extension")),
                            plugins.flatMap(p -> Stream.concat(Stream.of(p),
                                    p.path("dependencies").stream().flatMap(d -> d.childElements("dependency")))))
                    .flatMap(s -> s);
        });
    }

    /** Replaces the text when it is exactly {@code oldValue} (surrounding whitespace kept). */
    private static void replaceLiteral(Element element, String oldValue, String newValue) {
        if (element.textContentTrimmed().equals(oldValue) && !oldValue.equals(newValue)) {
            replaceValue(element, newValue);
        }
    }

    private static void replaceValue(Element element, String newValue) {
        // textPreservingWhitespace keeps the whitespace around the value byte for byte (CRLF too);
        // Text.content(..) would normalise CRLF inside the text node to LF.
        element.textPreservingWhitespace(newValue);
    }

    private static void validate(PomFile pom, byte[] updated) {
        try {
            PomFile.parse(updated, pom.relativePath);
        } catch (ReleaseException e) {
            throw new ReleaseException("rewriting " + pom.relativePath + " produced a file that does not parse ("
                    + e.getMessage() + "): change the version by hand and report this file", e);
        }
    }

    private void collectPropertyEdits(
            String newVersion, Map<PomFile, Map<String, String>> pomEdits, Map<String, String> configEdits) {
        for (PomFile pom : poms) {
            if (!moves(pom) || pom.declaredVersion == null || !pom.declaredVersion.contains("${")) {
                continue;
            }
            Map<String, String> current = effectiveProperties.get(pom);
            solveTemplate(pom, newVersion).forEach((name, value) -> {
                if (value.equals(current.get(name))) {
                    return;
                }
                if (mavenConfig.defines(name)) {
                    putOnce(configEdits, name, value, MavenConfig.RELATIVE_PATH);
                } else {
                    PomFile owner = declaringPom(pom, name);
                    if (owner.properties.get(name).contains("${")) {
                        throw new ReleaseException(owner.relativePath + ": property " + name + " is itself an expression ("
                                + owner.properties.get(name) + "): make it a literal or change the version by hand");
                    }
                    putOnce(pomEdits.computeIfAbsent(owner, k -> new LinkedHashMap<>()), name, value, owner.relativePath);
                }
            });
        }
    }

    private static void putOnce(Map<String, String> edits, String name, String value, String file) {
        String previous = edits.putIfAbsent(name, value);
        if (previous != null && !previous.equals(value)) {
            throw new ReleaseException(file + ": property " + name + " would need both " + previous + " and " + value
                    + ": give the modules one version expression");
        }
    }

    private PomFile declaringPom(PomFile pom, String property) {
        for (PomFile p = pom; p != null; p = reactorParent(p)) {
            if (p.properties.containsKey(property)) {
                return p;
            }
        }
        throw new IllegalStateException(property + " resolved but declared nowhere in " + pom.relativePath);
    }

    /**
     * Values for the properties of a CI-friendly version template such that it yields
     * {@code newVersion}: the main property (revision, else the first one) takes the variable
     * part; the others keep their value, or, for sha1/changelist, become empty when keeping them
     * cannot yield the new version ({@code ${revision}${changelist}} with changelist
     * {@code -SNAPSHOT} and new version 1.4.0 gives revision 1.4.0 and an empty changelist).
     */
    private Map<String, String> solveTemplate(PomFile pom, String newVersion) {
        String template = pom.declaredVersion;
        List<String> names = new ArrayList<>();
        PROPERTY_REFERENCE.matcher(template).results().forEach(r -> names.add(r.group(1)));
        String main = names.contains("revision") ? "revision" : names.get(0);
        Map<String, String> current = effectiveProperties.get(pom);
        for (boolean keepOptional : new boolean[] {true, false}) {
            Map<String, String> fixed = new HashMap<>();
            for (String name : names) {
                if (!name.equals(main)) {
                    fixed.put(name, !keepOptional && OPTIONAL_CI_PROPERTIES.contains(name) ? "" : current.get(name));
                }
            }
            Matcher matcher = templatePattern(template, main, fixed).matcher(newVersion);
            if (matcher.matches()) {
                Map<String, String> values = new LinkedHashMap<>(fixed);
                values.put(main, matcher.group(1));
                return values;
            }
        }
        throw new ReleaseException(pom.relativePath + ": version " + template + " cannot express " + newVersion
                + " by changing " + main + ": set the properties by hand or use a literal <version>");
    }

    private static Pattern templatePattern(String template, String main, Map<String, String> fixed) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PROPERTY_REFERENCE.matcher(template);
        int last = 0;
        boolean mainSeen = false;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            String name = m.group(1);
            if (name.equals(main)) {
                regex.append(mainSeen ? "\\1" : "(.+)");
                mainSeen = true;
            } else {
                regex.append(Pattern.quote(fixed.get(name)));
            }
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }

    private boolean moves(PomFile pom) {
        return versions.get(pom).equals(version());
    }

    private String newVersionOf(PomFile pom, String newVersion) {
        return moves(pom) ? newVersion : versions.get(pom);
    }

    private PomFile reactorParent(PomFile pom) {
        return pom.parentArtifactId == null ? null : byCoordinates.get(pom.parentGroupId + ":" + pom.parentArtifactId);
    }

    private String versionOf(PomFile pom) {
        return versions.get(pom);
    }

    private String versionOf(PomFile pom, Set<PomFile> visiting) {
        String known = versions.get(pom);
        if (known != null) {
            return known;
        }
        if (!visiting.add(pom)) {
            throw new ReleaseException(pom.relativePath + " is its own ancestor through <parent>: fix the parent chain");
        }
        PomFile parent = reactorParent(pom);
        if (parent != null) {
            versionOf(parent, visiting);
        }
        Map<String, String> properties = new HashMap<>(parent == null ? Map.of() : effectiveProperties.get(parent));
        properties.putAll(pom.properties);
        properties.putAll(mavenConfig.properties());
        effectiveProperties.put(pom, properties);

        String version;
        if (pom.declaredVersion != null) {
            version = resolve(pom.declaredVersion, properties::get);
        } else if (parent != null) {
            version = versions.get(parent);
        } else if (pom.parentVersion != null) {
            version = resolve(pom.parentVersion, properties::get);
        } else {
            throw new ReleaseException(pom.relativePath + " has neither <version> nor <parent>: add <version>");
        }
        if (version.contains("${")) {
            throw new ReleaseException(pom.relativePath + ": version " + Optional.ofNullable(pom.declaredVersion).orElse(pom.parentVersion)
                    + " uses a property defined neither in <properties> nor in " + MavenConfig.RELATIVE_PATH
                    + ": define it there, then rerun");
        }
        versions.put(pom, version);
        return version;
    }

    /** Replaces {@code ${name}} references (nested ones too, up to 10 levels); unknown ones stay. */
    private static String resolve(String text, Function<String, String> lookup) {
        String current = text;
        for (int depth = 0; depth < 10 && current.contains("${"); depth++) {
            Matcher m = PROPERTY_REFERENCE.matcher(current);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = lookup.apply(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
            }
            m.appendTail(out);
            if (out.toString().equals(current)) {
                break;
            }
            current = out.toString();
        }
        return current;
    }
}
