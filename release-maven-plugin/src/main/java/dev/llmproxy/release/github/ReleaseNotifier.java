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
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Tells people about a published release: one comment "Released in vX.Y.Z" with the release link on each pull request
 * and issue of the release, and one Slack-compatible webhook message {@code {"text": "..."}}. Every failure is a
 * warning; notifying never fails a release. Call it when the release is published (also on a rerun: it finishes
 * what an earlier run left).
 *
 * <p>Requests: one listing of the repository's comments since the release was created
 * ({@code GET /repos/{o}/{r}/issues/comments?since=}, 100 per page; comments with the hidden marker of this tag are
 * never posted twice), then one POST per item. The POSTs are paced to GitHub's documented limits for
 * content-creating requests ({@link ContentPacer}: 80 a minute, 500 an hour) and retried only on rate limits (with
 * the wait logged), never on other failures, which could have posted already. What cannot be posted within the retry
 * policy's total time ({@link RetryPolicy#totalLimit()}) is listed in one warning; a rerun posts it.
 */
public final class ReleaseNotifier {
    private final GitHubApi api;
    private final ReleaseLog log;
    private final RetryPolicy retry;
    private final Duration timeout;

    /**
     * What was done.
     *
     * @param commented numbers that got the comment now
     * @param alreadyCommented numbers that had it from an earlier run
     * @param failed numbers without the comment (a failure, or the time budget ran out), listed in one warning
     * @param webhookSent whether the webhook answered 2xx
     */
    public record Result(List<Integer> commented, List<Integer> alreadyCommented, List<Integer> failed,
            boolean webhookSent) {
    }

    /**
     * @param config API URL, repository and token
     * @param retry retry policy for the GitHub calls (its request timeout also bounds the webhook call, its total
     *     limit the time spent on comments)
     * @param log progress and warnings
     */
    public ReleaseNotifier(GitHubConfig config, RetryPolicy retry, ReleaseLog log) {
        this.api = new GitHubApi(config, retry, log);
        this.log = log;
        this.retry = retry;
        this.timeout = retry.requestTimeout();
    }

    /**
     * Notifies without knowing when the release was created: the marker check lists every comment of the repository.
     *
     * @see #notify(String, String, Collection, Optional, String)
     */
    public Result notify(String tag, String releaseUrl, Collection<Integer> numbers, Optional<URI> webhook) {
        return notify(tag, releaseUrl, numbers, webhook, null);
    }

    /**
     * @param tag release tag, e.g. {@code v1.4.0}
     * @param releaseUrl the release page
     * @param numbers pull request and issue numbers of the release; empty to comment nowhere
     * @param webhook the {@code release.notify.webhook} URL, if any (it receives no token)
     * @param since GitHub's {@code created_at} of the release (ISO-8601), or null: earlier comments cannot be this
     *     release's, so the marker check lists only comments since then
     * @return what was done
     */
    public Result notify(String tag, String releaseUrl, Collection<Integer> numbers, Optional<URI> webhook,
            String since) {
        String marker = "<!-- llm-proxy-release: " + tag + " -->";
        String comment = "Released in [" + tag + "](" + releaseUrl + ")\n\n" + marker;
        List<Integer> done = new ArrayList<>();
        List<Integer> already = new ArrayList<>();
        List<Integer> failed = new ArrayList<>();
        Set<Integer> wanted = new TreeSet<>(numbers);
        String reason = "";
        Set<Integer> marked = Set.of();
        try {
            marked = wanted.isEmpty() ? Set.of() : marked(marker, since);
        } catch (ReleaseException e) {
            failed.addAll(wanted);
            reason = e.getMessage();
        }
        ContentPacer pacer = new ContentPacer(retry, log);
        long start = retry.nanoClock().getAsLong();
        for (int number : wanted) {
            if (failed.contains(number)) {
                continue;
            }
            if (marked.contains(number)) {
                already.add(number);
                continue;
            }
            Duration wait = pacer.nextWait();
            Duration spent = Duration.ofNanos(retry.nanoClock().getAsLong() - start);
            if (spent.plus(wait).compareTo(retry.totalLimit()) > 0) {
                failed.add(number);
                reason = "GitHub's limit of " + ContentPacer.PER_MINUTE + " comments a minute and "
                        + ContentPacer.PER_HOUR + " an hour left no time within " + retry.totalLimit().toMinutes()
                        + " minutes";
                continue;
            }
            try {
                pacer.await(wait, "comments");
                String what = "comment on #" + number;
                api.retrying(what, attempt -> api.once(what, "POST",
                        api.repoPath() + "/issues/" + number + "/comments",
                        GitHubApi.JSON.createObjectNode().put("body", comment)), TransientFailure::rateLimited);
                pacer.sent();
                done.add(number);
            } catch (ReleaseException e) {
                pacer.sent();
                failed.add(number);
                reason = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(number);
                reason = "interrupted";
            }
        }
        if (!failed.isEmpty()) {
            log.warn("GitHub: " + failed.size() + " item(s) not commented on with " + tag + ": "
                    + failed.stream().map(n -> "#" + n).collect(Collectors.joining(", ")) + " (last cause: " + reason
                    + "); the release stands, rerun it to comment on them");
        }
        boolean sent = webhook.map(url -> sendWebhook(url, tag, releaseUrl)).orElse(false);
        log.info("GitHub: commented " + tag + " on " + done.size() + " item(s), " + already.size() + " already had it");
        return new Result(done, already, failed, sent);
    }

    /**
     * @return the numbers that have a comment with {@code marker}
     * @throws ReleaseException when the comments cannot be read
     */
    private Set<Integer> marked(String marker, String since) {
        String what = "list comments since the release was created";
        String query = "?per_page=100" + (since == null ? ""
                : "&since=" + URLEncoder.encode(since, StandardCharsets.UTF_8));
        Set<Integer> marked = new TreeSet<>();
        for (JsonNode comment : api.listAll(what, api.repoPath() + "/issues/comments" + query, all -> false)) {
            if (comment.path("body").asText("").contains(marker)) {
                String issueUrl = GitHubApi.text(comment, "issue_url", what);
                String number = issueUrl.substring(issueUrl.lastIndexOf('/') + 1);
                if (number.matches("\\d{1,9}")) {
                    marked.add(Integer.parseInt(number));
                }
            }
        }
        return marked;
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
