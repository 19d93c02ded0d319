package dev.llmproxy.release.notes;

import dev.llmproxy.release.commits.CommitParser;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenario fixtures in the style of git-cliff: each directory under
 * {@code src/test/resources/notes/scenarios/} holds the input ({@code commits.txt}: commits newest
 * first, each starting with a line {@code --- <sha> <parent count>}; {@code release.properties};
 * optional {@code prs.json} (sha to pull request), {@code release.yml} and
 * {@code CHANGELOG.before.md}) and the expected output ({@code notes.md}, {@code CHANGELOG.md}),
 * compared byte for byte. Run with {@code -Dnotes.fixtures.write=true} to rewrite the expected
 * files after an intended change, then review the diff.
 */
class ScenarioTest {

    static Stream<String> scenarios() throws IOException, URISyntaxException {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    static Path root() throws URISyntaxException {
        return Path.of(ScenarioTest.class.getResource("/notes/scenarios").toURI());
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void rendersExactlyTheExpectedFiles(String name) throws Exception {
        Path dir = root().resolve(name);
        Properties props = new Properties();
        props.load(new StringReader(read(dir.resolve("release.properties"))));
        ReleaseInfo release = new ReleaseInfo(props.getProperty("repository"), props.getProperty("version"),
                props.getProperty("tag"), props.getProperty("previousTag"), LocalDate.parse(props.getProperty("date")));
        NotesConfig config = NotesConfig.defaults()
                .withGroupByScope(Boolean.parseBoolean(props.getProperty("groupByScope", "false")))
                .withPullRequestTitles(Boolean.parseBoolean(props.getProperty("pullRequestTitles", "true")))
                .withBodyLimit(Integer.parseInt(props.getProperty("bodyLimit", String.valueOf(NotesConfig.GITHUB_BODY_LIMIT))));
        if (Files.exists(dir.resolve("release.yml"))) {
            config = GitHubReleaseYaml.apply(config, read(dir.resolve("release.yml")), "release.yml");
        }
        Map<String, PullRequestInfo> prs = Files.exists(dir.resolve("prs.json"))
                ? new ObjectMapper().readValue(read(dir.resolve("prs.json")), new TypeReference<Map<String, PullRequestInfo>>() {})
                : Map.of();
        NotesBuilder builder = new NotesBuilder(config);
        commits(read(dir.resolve("commits.txt"))).forEach(builder::add);
        ReleaseNotes notes = prs.isEmpty() ? builder.build(release, (PullRequestSource) null) : builder.build(release, prs);
        MarkdownRenderer renderer = new MarkdownRenderer(config.bodyLimit());
        String before = Files.exists(dir.resolve("CHANGELOG.before.md")) ? read(dir.resolve("CHANGELOG.before.md")) : null;
        check(dir, name, "notes.md", renderer.releaseBody(notes));
        check(dir, name, "CHANGELOG.md", new ChangelogUpdater(renderer).update(before, notes));
    }

    static List<dev.llmproxy.release.commits.ConventionalCommit> commits(String text) {
        List<dev.llmproxy.release.commits.ConventionalCommit> commits = new ArrayList<>();
        for (String chunk : text.split("(?m)^--- ")) {
            if (chunk.isBlank()) {
                continue;
            }
            int newline = chunk.indexOf('\n');
            String[] head = chunk.substring(0, newline).trim().split(" ");
            commits.add(CommitParser.parse(head[0], chunk.substring(newline + 1), Integer.parseInt(head[1])));
        }
        return commits;
    }

    private static void check(Path dir, String name, String file, String actual) throws IOException {
        if (Boolean.getBoolean("notes.fixtures.write")) {
            Path source = Path.of("src/test/resources/notes/scenarios", name, file);
            Files.writeString(source, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.exists(dir.resolve(file)) ? read(dir.resolve(file)) : "(missing " + file + ")", actual, name + "/" + file);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
