package dev.llmproxy.release.github;

import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmproxy.release.standin.RecordedExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * GitHub's official OpenAPI 3.0 description of api.github.com (npm package {@code @octokit/openapi}, file
 * {@code generated/api.github.com.json}, installed by {@code .ci/setup-github-openapi}), cut down at load time to the
 * paths the stand-in serves plus the components they reference, and turned into a validator of recorded
 * request/response pairs (com.atlassian.oai swagger-request-validator).
 */
final class GitHubOpenApi {
    static final String SETUP_SCRIPT = ".ci/setup-github-openapi";
    private static final Path DESCRIPTION = Path.of(".tools", "github-openapi", "node_modules", "@octokit", "openapi",
            "generated", "api.github.com.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWNER_REPO = "/repos/{owner}/{repo}";
    private static final List<String> STAND_IN_PATHS = List.of("", "/releases", "/releases/latest",
            "/releases/tags/{tag}", "/releases/{release_id}", "/releases/{release_id}/assets",
            "/releases/assets/{asset_id}", "/pulls", "/commits/{commit_sha}/pulls", "/issues/{issue_number}",
            "/issues/{issue_number}/comments", "/issues/comments", "/git/ref/{ref}",
            "/git/tags/{tag_sha}");
    private static final Pattern UPLOAD = Pattern.compile("^/repos/[^/]+/[^/]+/releases/\\d+/assets$");
    /** Path parameters that GitHub documents to hold slashes ({@code tags/v1}, {@code release/v1}). */
    private static final Pattern SLASHED_PARAMETER =
            Pattern.compile("^(/repos/[^/]+/[^/]+/(?:git/ref|releases/tags)/)(.+)$");

    private final OpenApiInteractionValidator validator;

    private GitHubOpenApi(String spec) {
        // GitHub answers "Accept: application/vnd.github+json" with application/json, which its description cannot say.
        LevelResolver levels = LevelResolver.create()
                .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE).build();
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec).withLevelResolver(levels)
                .build();
    }

    /**
     * Loads the description from {@code .tools/} of the project root (found upwards from the working directory).
     * Missing: under {@code CI=true} the test fails naming {@link #SETUP_SCRIPT}; elsewhere it is skipped.
     *
     * @return a validator over the stand-in's paths
     */
    static GitHubOpenApi load() {
        Optional<Path> file = locate();
        if (file.isEmpty()) {
            String message = "GitHub's OpenAPI description " + DESCRIPTION + " is missing: run " + SETUP_SCRIPT;
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        try {
            return new GitHubOpenApi(JSON.writeValueAsString(subset(JSON.readTree(file.get().toFile()))));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.get() + ": rerun " + SETUP_SCRIPT, e);
        }
    }

    private static Optional<Path> locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(DESCRIPTION))) {
                return Optional.of(dir.resolve(DESCRIPTION));
            }
        }
        return Optional.empty();
    }

    /**
     * Keeps the stand-in's paths and every component they reference (transitively), with GitHub's error bodies added
     * where the description leaves them out (see {@link #errorBodies}): client errors it does not list for an
     * operation (401 on any call, 404 on a missing release) are still checked for their shape, and an unlisted success
     * status stays an error.
     */
    static ObjectNode subset(JsonNode full) {
        ObjectNode spec = JSON.createObjectNode();
        spec.set("openapi", full.get("openapi"));
        spec.set("info", full.get("info"));
        spec.set("servers", full.get("servers"));
        ObjectNode paths = spec.putObject("paths");
        for (String suffix : STAND_IN_PATHS) {
            String path = OWNER_REPO + suffix;
            JsonNode item = full.path("paths").get(path);
            if (item == null) {
                throw new IllegalStateException("GitHub's description has no path " + path);
            }
            ObjectNode copy = item.deepCopy();
            copy.forEach(operation -> {
                if (operation.has("responses")) {
                    errorBodies((ObjectNode) operation.get("responses"));
                }
            });
            paths.set(path, copy);
        }
        ObjectNode components = spec.putObject("components");
        Set<String> seen = new LinkedHashSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>(List.of(paths, JSON.createObjectNode()
                .put("$ref", "#/components/schemas/basic-error")));
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && seen.add(ref.asText())) {
                String[] parts = ref.asText().split("/");
                JsonNode target = full.path("components").path(parts[2]).get(parts[3]);
                if (target == null) {
                    throw new IllegalStateException("GitHub's description lacks " + ref.asText());
                }
                components.withObjectProperty(parts[2]).set(parts[3], target);
                todo.push(target);
            }
            node.forEach(todo::push);
        }
        return spec;
    }

    /**
     * Adds a {@code 4XX} response with {@code basic-error} when there is none, and gives 4xx responses that the
     * description lists without a body GitHub's error body ({@code validation-error} for 422, as the upload's duplicate
     * name answers, {@code basic-error} otherwise).
     */
    private static void errorBodies(ObjectNode responses) {
        if (!responses.has("4XX")) {
            responses.putObject("4XX").put("description", "GitHub's error body");
        }
        responses.fields().forEachRemaining(entry -> {
            if (entry.getKey().startsWith("4") && entry.getValue().isObject() && !entry.getValue().has("$ref")
                    && !entry.getValue().has("content")) {
                String schema = entry.getKey().equals("422") ? "validation-error" : "basic-error";
                ((ObjectNode) entry.getValue()).putObject("content").putObject("application/json")
                        .putObject("schema").put("$ref", "#/components/schemas/" + schema);
            }
        });
    }

    /**
     * Checks each exchange against the description: the request (path, method, query, headers, JSON body) and the
     * response (status, content type, headers, body schema); uploads must go to the upload server and nothing else may.
     *
     * @param exchanges recorded pairs, e.g. {@code GitHubStandIn.exchanges()}
     * @return one line per problem, {@code "METHOD /path?query -> status: message"}; empty when all conform
     */
    List<String> violations(List<RecordedExchange> exchanges) {
        List<String> problems = new ArrayList<>();
        for (RecordedExchange exchange : exchanges) {
            String where = exchange.method() + " " + exchange.path()
                    + (exchange.query().isEmpty() ? "" : "?" + exchange.query()) + " -> " + exchange.status() + ": ";
            boolean uploadCall = exchange.method().equals("POST") && UPLOAD.matcher(exchange.path()).matches();
            if (uploadCall != (exchange.server() == RecordedExchange.Server.UPLOADS)) {
                problems.add(where + (uploadCall ? "an upload went to the API server, not to the upload_url"
                        : "only asset uploads belong on the upload server"));
                continue;
            }
            if (exchange.status() == 0) {
                continue; // an injected connection reset: nothing was answered
            }
            ValidationReport report = validator.validate(request(exchange), response(exchange));
            for (ValidationReport.Message message : report.getMessages()) {
                if (message.getLevel() == ValidationReport.Level.ERROR) {
                    problems.add(where + message.getKey() + ": " + message.getMessage());
                }
            }
        }
        return problems;
    }

    private static SimpleRequest request(RecordedExchange exchange) {
        Matcher slashed = SLASHED_PARAMETER.matcher(exchange.path());
        String path = slashed.matches() ? slashed.group(1) + slashed.group(2).replace("/", "%2F") : exchange.path();
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), path);
        exchange.requestHeaders().forEach(request::withHeader);
        for (String pair : exchange.query().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                request.withQueryParam(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (exchange.requestBody() != null) {
            request.withBody(exchange.requestBody());
        }
        return request.build();
    }

    private static SimpleResponse response(RecordedExchange exchange) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach(response::withHeader);
        if (exchange.responseBody() != null) {
            response.withBody(exchange.responseBody());
        }
        return response.build();
    }
}
