package dev.llmproxy.release.notes;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.llmproxy.release.ReleaseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads GitHub's release-notes configuration ({@code .github/release.yml} or {@code .yaml}, format
 * of "Automatically generated release notes": {@code changelog.exclude.labels},
 * {@code changelog.exclude.authors}, {@code changelog.categories[].title}, {@code .labels},
 * {@code .exclude.labels}, {@code .exclude.authors}; {@code "*"} is a wildcard) into label
 * categories of a {@link NotesConfig}.
 */
public final class GitHubReleaseYaml {

    private GitHubReleaseYaml() {}

    /** Databind and the YAML parser, loaded only when a release.yml exists (docs/performance.md). */
    private static final class Parser {
        static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    }

    /**
     * @param base the configuration to extend
     * @param repositoryRoot the work tree root; {@code .github/release.yml} then {@code .yaml} is read
     * @return {@code base} with the file's categories and exclusions, or {@code base} when neither file exists
     * @throws ReleaseException when the file cannot be read or is not valid (names the file and the fix)
     */
    public static NotesConfig applyFrom(NotesConfig base, Path repositoryRoot) {
        for (String name : List.of(".github/release.yml", ".github/release.yaml")) {
            Path file = repositoryRoot.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    return apply(base, Files.readString(file, StandardCharsets.UTF_8), name);
                } catch (IOException e) {
                    throw new ReleaseException("cannot read " + name + ": " + e.getMessage() + "; fix the file's permissions or encoding (UTF-8)", e);
                }
            }
        }
        return base;
    }

    /**
     * @param base the configuration to extend
     * @param yaml the file's text
     * @param fileName the name shown in messages
     * @return {@code base} with the categories and global exclusions of {@code changelog}
     * @throws ReleaseException when the YAML is malformed or a field has the wrong shape
     */
    public static NotesConfig apply(NotesConfig base, String yaml, String fileName) {
        JsonNode root;
        try {
            root = Parser.YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new ReleaseException(fileName + " is not valid YAML (line " + e.getLocation().getLineNr()
                    + "): fix it as GitHub's release.yml format describes", e);
        }
        JsonNode changelog = root == null ? null : root.path("changelog");
        if (changelog == null || changelog.isMissingNode() || changelog.isNull()) {
            return base;
        }
        List<NotesConfig.LabelCategory> categories = new ArrayList<>();
        JsonNode list = changelog.path("categories");
        if (!list.isMissingNode() && !list.isArray()) {
            throw new ReleaseException(fileName + ": changelog.categories must be a list of {title, labels}");
        }
        for (JsonNode category : list) {
            String title = category.path("title").asText("");
            if (title.isBlank()) {
                throw new ReleaseException(fileName + ": a changelog category has no title; give each category a title");
            }
            categories.add(new NotesConfig.LabelCategory(title,
                    strings(category.path("labels"), fileName, "labels"),
                    strings(category.path("exclude").path("labels"), fileName, "exclude.labels"),
                    strings(category.path("exclude").path("authors"), fileName, "exclude.authors")));
        }
        return base.withLabelCategories(categories,
                strings(changelog.path("exclude").path("labels"), fileName, "changelog.exclude.labels"),
                strings(changelog.path("exclude").path("authors"), fileName, "changelog.exclude.authors"));
    }

    private static List<String> strings(JsonNode node, String fileName, String field) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isValueNode()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw new ReleaseException(fileName + ": " + field + " must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asText()));
        return values;
    }
}
