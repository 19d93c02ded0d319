package dev.llmproxy.release.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@code .github/dependabot.yml} keeps the pinned actions and the Maven build current. */
class DependabotTest {

    @Test
    void actionsAndMavenAreUpdatedWeeklyFromTheRoot() {
        JsonNode config = Project.load(Project.root().resolve(".github/dependabot.yml"));

        Map<String, String> ecosystems = new TreeMap<>();
        for (JsonNode update : config.path("updates")) {
            assertEquals("/", update.path("directory").asText(), update.toString());
            ecosystems.put(update.path("package-ecosystem").asText(), update.path("schedule").path("interval").asText());
        }
        assertEquals(2, config.path("version").asInt());
        assertEquals(Map.of("github-actions", "weekly", "maven", "weekly"), ecosystems);
    }
}
