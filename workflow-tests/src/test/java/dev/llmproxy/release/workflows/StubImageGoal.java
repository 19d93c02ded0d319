package dev.llmproxy.release.workflows;

import dev.llmproxy.release.git.GitRepo;
import dev.llmproxy.release.image.ImageOutputs;
import dev.llmproxy.release.image.ImageRequest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the stub {@code ./mvnw} runs for {@code release:image}: the goal's engine calls, with its {@code -D}
 * parameters, in the current directory; on a refusal one {@code [ERROR]} line and exit code 1, as Maven does.
 */
final class StubImageGoal {
    private StubImageGoal() {}

    public static void main(String[] args) {
        Map<String, String> properties = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("-D") && arg.contains("=")) {
                properties.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        try (GitRepo git = GitRepo.open(Path.of(""))) {
            ImageOutputs outputs = ImageOutputs.of(ImageRequest.resolve(properties.get("release.image.version"),
                    properties.get("release.image.registry"), properties.get("release.image.repository"),
                    properties.get("release.image.name"), properties.get("release.tagPrefix"), System.getenv(), git), git);
            outputs.lines().lines().forEach(line -> System.out.println("[INFO] " + line));
            outputs.appendTo(Path.of(properties.get("release.image.output")));
        } catch (RuntimeException e) {
            System.out.println("[ERROR] " + e.getMessage());
            System.exit(1);
        }
    }
}
