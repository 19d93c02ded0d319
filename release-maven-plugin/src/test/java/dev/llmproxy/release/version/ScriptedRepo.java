package dev.llmproxy.release.version;

import dev.llmproxy.release.commits.CommitParser;
import dev.llmproxy.release.commits.ConventionalCommit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A linear history as the case scripts build it ({@code c -m ...; ta v1.0.0}), without git: commits
 * get SHAs {@code 0000001000...}, {@code 0000002000...}; tags point at the last commit, or at a commit
 * HEAD cannot reach.
 */
final class ScriptedRepo {

    private final List<ConventionalCommit> oldestFirst = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Set<String> unreachable = new HashSet<>();

    static String sha(int n) {
        return String.format("%07d", n) + "0".repeat(33);
    }

    /** {@code c -m "subject" [-m "paragraph"]...}: paragraphs joined by a blank line, as git does. */
    ScriptedRepo c(String... paragraphs) {
        return commit(1, paragraphs);
    }

    ScriptedRepo merge(String... paragraphs) {
        return commit(2, paragraphs);
    }

    private ScriptedRepo commit(int parents, String... paragraphs) {
        String sha = sha(oldestFirst.size() + 1);
        oldestFirst.add(CommitParser.parse(sha, String.join("\n\n", paragraphs) + "\n", parents));
        return this;
    }

    /** A tag on the last commit (annotated or lightweight makes no difference here). */
    ScriptedRepo ta(String name) {
        tags.put(name, headSha());
        return this;
    }

    /** A tag on a commit of another branch. */
    ScriptedRepo tagElsewhere(String name) {
        String sha = "e" + String.format("%06d", unreachable.size()) + "0".repeat(33);
        unreachable.add(sha);
        tags.put(name, sha);
        return this;
    }

    String headSha() {
        return oldestFirst.get(oldestFirst.size() - 1).sha();
    }

    ReleaseHistory history() {
        return ReleaseHistory.of(tags, new TagNaming("v"), sha -> !unreachable.contains(sha));
    }

    /** The commits after the last release, newest first (all of them without a release). */
    List<ConventionalCommit> range() {
        String from = history().lastRelease().map(ReleaseTag::commitSha).orElse(null);
        List<ConventionalCommit> range = new ArrayList<>();
        for (int i = oldestFirst.size() - 1; i >= 0 && !oldestFirst.get(i).sha().equals(from); i--) {
            range.add(oldestFirst.get(i));
        }
        return Collections.unmodifiableList(range);
    }

    BumpDecision bump(BumpRequest request) {
        return bump(BumpPolicy.defaults(), request);
    }

    BumpDecision bump(BumpPolicy policy, BumpRequest request) {
        return new BumpDecider(policy).decide(request, history(), range());
    }
}
