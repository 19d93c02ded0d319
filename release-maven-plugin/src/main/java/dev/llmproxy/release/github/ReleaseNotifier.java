package dev.llmproxy.release.github;

import dev.llmproxy.release.ReleaseLog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmproxy.release.ReleaseException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Tells people about a published release: one comment "Released in vX.Y.Z" with the release link on each pull request
 * and issue of the release (never twice: existing comments are checked for a hidden marker first), and one
 * Slack-compatible webhook message {@code {"text": "..."}}. Every failure is a warning; notifying never fails a
 * release. Call it when {@link ReleaseOutcome#publishedNow()} is true.
 */
public final class ReleaseNotifier {
    private final GitHubApi api;
    private final ReleaseLog log;
    private final Duration timeout;

    /**
     * What was done.
     *
     * @param commented numbers that got the comment now
     * @param alreadyCommented numbers that had it from an earlier run
     * @param failed numbers whose comment failed (warned)
     * @param webhookSent whether the webhook answered 2xx
     */
    public record Result(List<Integer> commented, List<Integer> alreadyCommented, List<Integer> failed,
            boolean webhookSent) {
    }

    /**
     * @param config API URL, repository and token
     * @param retry retry policy for the GitHub calls (its request timeout also bounds the webhook call)
     * @param log progress and warnings
     */
    public ReleaseNotifier(GitHubConfig config, RetryPolicy retry, ReleaseLog log) {
        this.api = new GitHubApi(config, retry, log);
        this.log = log;
        this.timeout = retry.requestTimeout();
    }

    /**
     * @param tag release tag, e.g. {@code v1.4.0}
     * @param releaseUrl the release page
     * @param numbers pull request and issue numbers of the release; empty to comment nowhere
     * @param webhook the {@code release.notify.webhook} URL, if any (it receives no token)
     * @return what was done
     */
    public Result notify(String tag, String releaseUrl, Collection<Integer> numbers, Optional<URI> webhook) {
        String marker = "<!-- llm-proxy-release: " + tag + " -->";
        String comment = "Released in [" + tag + "](" + releaseUrl + ")\n\n" + marker;
        List<Integer> done = new java.util.ArrayList<>();
        List<Integer> already = new java.util.ArrayList<>();
        List<Integer> failed = new java.util.ArrayList<>();
        for (int number : new TreeSet<>(numbers)) {
            try {
                String path = api.repoPath() + "/issues/" + number + "/comments";
                boolean present = api.listAll("list comments of #" + number, path + "?per_page=100",
                        all -> all.stream().anyMatch(c -> c.path("body").asText("").contains(marker)))
                        .stream().anyMatch(c -> c.path("body").asText("").contains(marker));
                if (present) {
                    already.add(number);
                    continue;
                }
                api.once("comment on #" + number, "POST", path,
                        GitHubApi.JSON.createObjectNode().put("body", comment));
                done.add(number);
            } catch (ReleaseException | TransientFailure e) {
                failed.add(number);
                log.warn("GitHub: could not comment on #" + number + " (" + e.getMessage() + "); the release stands");
            }
        }
        boolean sent = webhook.map(url -> sendWebhook(url, tag, releaseUrl)).orElse(false);
        log.info("GitHub: commented " + tag + " on " + done.size() + " item(s), " + already.size() + " already had it");
        return new Result(done, already, failed, sent);
    }

    private boolean sendWebhook(URI url, String tag, String releaseUrl) {
        ObjectNode message = GitHubApi.JSON.createObjectNode()
                .put("text", api.config().repository() + " " + tag + " released: " + releaseUrl);
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(timeout).build().send(
                    HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(message.toString())).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return true;
            }
            log.warn("release webhook answered " + response.statusCode() + "; the release stands");
        } catch (IOException | IllegalArgumentException e) {
            log.warn("release webhook failed (" + e.getMessage() + "); the release stands");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

}
