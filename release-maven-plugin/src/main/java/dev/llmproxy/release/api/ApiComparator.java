package dev.llmproxy.release.api;

import dev.llmproxy.release.ReleaseException;
import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.filter.AnnotationBehaviorFilter;
import japicmp.filter.AnnotationClassFilter;
import japicmp.filter.AnnotationFieldFilter;
import japicmp.filter.JavaDocLikeClassFilter;
import japicmp.filter.JavadocLikePackageFilter;
import japicmp.model.AccessModifier;
import japicmp.model.JApiBehavior;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibility;
import japicmp.model.JApiCompatibilityChange;
import japicmp.model.JApiParameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares two jars of one module with japicmp and keeps the incompatible changes of the public and protected API:
 * binary incompatible ones (code compiled against the old jar fails to link) and, as a separate class, source
 * incompatible ones (code written against the old jar no longer compiles).
 */
public final class ApiComparator {
    /** Class-level changes that take the whole class out of the API. */
    private static final Set<String> GONE = Set.of("class removed", "class no longer public", "class less accessible");

    private final List<String> excludes;

    /**
     * @param excludes what not to check: packages and classes as javadoc-like patterns ({@code *.internal.*},
     *     {@code com.example.Impl}), and classes, methods or fields carrying an annotation, written with {@code @}
     *     ({@code @com.example.Internal})
     */
    public ApiComparator(List<String> excludes) {
        this.excludes = List.copyOf(excludes);
    }

    /**
     * @param oldJar the previous release's jar
     * @param newJar this build's jar
     * @return the incompatible changes, in japicmp's order (by class, then class-level, constructors, methods,
     *     fields)
     * @throws ReleaseException when a jar cannot be read, naming it
     */
    public List<ApiChange> incompatibleChanges(Path oldJar, Path newJar) {
        JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
        options.setAccessModifier(AccessModifier.PROTECTED);
        options.getIgnoreMissingClasses().setIgnoreAllMissingClasses(true);
        for (String exclude : excludes) {
            if (exclude.startsWith("@")) {
                options.getFilters().getExcludes().add(new AnnotationClassFilter(exclude));
                options.getFilters().getExcludes().add(new AnnotationBehaviorFilter(exclude));
                options.getFilters().getExcludes().add(new AnnotationFieldFilter(exclude));
            } else {
                options.getFilters().getExcludes().add(new JavadocLikePackageFilter(exclude, false));
                options.getFilters().getExcludes().add(new JavaDocLikeClassFilter(exclude));
            }
        }
        List<JApiClass> classes;
        try {
            classes = new JarArchiveComparator(options).compare(
                    new JApiCmpArchive(oldJar.toFile(), "old"), new JApiCmpArchive(newJar.toFile(), "new"));
        } catch (RuntimeException e) {
            throw new ReleaseException("API check: cannot compare " + oldJar + " with " + newJar + ": " + e.getMessage()
                    + " (set release.apiCheck=off to release without the check)", e);
        }
        List<ApiChange> changes = new ArrayList<>();
        for (JApiClass type : classes) {
            String name = type.getFullyQualifiedName();
            int before = changes.size();
            collect(changes, name, null, type);
            if (changes.subList(before, changes.size()).stream().anyMatch(c -> GONE.contains(c.kind()))) {
                continue; // the members of a class that left the API are not listed one by one
            }
            collect(changes, name, null, type.getSuperclass());
            type.getInterfaces().forEach(i -> collect(changes, name, null, i));
            type.getConstructors().forEach(c -> collect(changes, name, signature(simpleName(name), c), c));
            type.getMethods().forEach(m -> collect(changes, name, signature(m.getName(), m), m));
            type.getFields().forEach(f -> collect(changes, name, f.getName(), f));
        }
        return changes;
    }

    private static void collect(List<ApiChange> changes, String className, String member, JApiCompatibility element) {
        for (JApiCompatibilityChange change : element.getCompatibilityChanges()) {
            if (!change.isBinaryCompatible() || !change.isSourceCompatible()) {
                changes.add(new ApiChange(
                        className, member, ApiChange.kindOf(change.getType().name()), !change.isBinaryCompatible()));
            }
        }
    }

    private static String signature(String name, JApiBehavior behavior) {
        return name + behavior.getParameters().stream()
                .map(JApiParameter::getType)
                .map(ApiComparator::simpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
