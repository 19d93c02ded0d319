package dev.llmproxy.release.plan;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.ReleaseLog;
import dev.llmproxy.release.commits.CommitLint;
import dev.llmproxy.release.commits.CommitParser;
import dev.llmproxy.release.commits.ConventionalCommit;
import dev.llmproxy.release.git.GitRepo;
import dev.llmproxy.release.git.TagRef;
import dev.llmproxy.release.notes.NotesBuilder;
import dev.llmproxy.release.pom.VersionFiles;
import dev.llmproxy.release.version.BumpDecider;
import dev.llmproxy.release.version.BumpDecision;
import dev.llmproxy.release.version.BumpPolicy;
import dev.llmproxy.release.version.BumpRequest;
import dev.llmproxy.release.version.ReleaseHistory;
import dev.llmproxy.release.version.ReleaseTag;
import dev.llmproxy.release.version.SemVer;
import dev.llmproxy.release.version.TagNaming;
import dev.llmproxy.release.version.TagWarnings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides what to release from git history and configuration, without changing anything: the
 * pure half of every goal (docs/architecture.md "Data flow").
 *
 * <p>Three situations: a release tag already points at the target commit (CI after a tag push, or
 * a rerun after the tag was made: {@code alreadyReleased}); {@code release.tag} names an existing
 * tag (notes for that tag); otherwise the next version is decided by {@link BumpDecider} over the
 * commits since the last release reachable from HEAD (SemVer 2.0.0 §11 precedence).
 */
final class ReleasePlanner {
    /** Footers the bump reads; every other word of a message goes to the notes only. */
    private static final Set<String> BUMP_FOOTERS = Set.of("Release-As");
    /** How often reading the history reports progress, in commits. */
    private static final int PROGRESS_EVERY = 500;

    private final ReleaseSettings settings;
    private final ReleaseLog log;
    private final TagNaming naming;
    private final Supplier<NotesBuilder> notes;
    private final PullRequestOverrides overrides;

    /**
     * @param settings the goal's parameters
     * @param log where warnings go
     * @param notes makes the notes builder that receives every parsed commit of the range, newest
     *     first, whole, so that the decision itself keeps commits without their bodies (one per
     *     range read: see {@link Decision#notes()})
     */
    ReleasePlanner(ReleaseSettings settings, ReleaseLog log, Supplier<NotesBuilder> notes) {
        this(settings, log, notes, PullRequestOverrides.none());
    }

    /**
     * @param settings the goal's parameters
     * @param log where warnings go
     * @param notes makes the notes builder of each range read
     * @param overrides release-please overrides in pull request bodies: read for the decision when
     *     GitHub is, else named in one warning (issue #12, item 1)
     */
    ReleasePlanner(ReleaseSettings settings, ReleaseLog log, Supplier<NotesBuilder> notes, PullRequestOverrides overrides) {
        this.settings = settings;
        this.log = log;
        this.naming = naming(settings);
        this.notes = notes;
        this.overrides = overrides;
    }

    /**
     * @param settings the goal's parameters
     * @return the tag naming they describe: writes {@code release.tagPrefix}, reads it and every
     *     prefix of {@code release.tagPrefixes}
     */
    static TagNaming naming(ReleaseSettings settings) {
        return TagNaming.of(settings.tagPrefix(), settings.tagPrefixes());
    }

    /**
     * The decision: which release, which range of commits, why.
     *
     * @param targetSha the commit released (HEAD, or the commit of {@code release.tag})
     * @param previous the last release before it, or null on a first release
     * @param version the version released, or null when there is nothing to release
     * @param tag the tag name, or null when there is nothing to release
     * @param bump plan.json {@code bump}
     * @param reason one line
     * @param alreadyReleased the tag exists and points at {@code targetSha}
     * @param commits the commits of the range, newest first, without bodies
     * @param counts the commits counted by kind
     * @param knownReleases every release version tagged in the repository
     * @param notes the notes builder that received the commits of the range
     */
    record Decision(
            String targetSha,
            ReleaseTag previous,
            SemVer version,
            String tag,
            String bump,
            String reason,
            boolean alreadyReleased,
            List<ConventionalCommit> commits,
            BumpDecision.Counts counts,
            List<SemVer> knownReleases,
            NotesBuilder notes) {

        boolean releases() {
            return version != null;
        }
    }

    /**
     * @param git the repository, already checked for complete history
     * @param reactor the reactor's poms (for a first version taken from the pom)
     * @return the decision
     * @throws ReleaseException on a refusal (tag missing, version going backwards, ...)
     */
    Decision decide(GitRepo git, VersionFiles reactor) {
        String head = git.headSha();
        Map<String, String> tagCommits = new LinkedHashMap<>();
        for (TagRef ref : git.tags()) {
            tagCommits.put(ref.name(), ref.commitSha());
        }
        BumpPolicy policy = new BumpPolicy(
                BumpPolicy.parseTypes(settings.releaseTypes()), !settings.breakingBumpsMajorBefore1(),
                settings.featureBumpsPatchBefore1());
        new ReactorReport(log).report(reactor);
        Range fromHighest = readFromHighestRelease(git, tagCommits, head, policy);
        TagNaming withLookalikes = naming.withProjectName(reactor.artifactId());
        ReleaseHistory read = fromHighest != null
                ? ReleaseHistory.of(tagCommits, withLookalikes, fromHighest.fromSha()::equals)
                : ReleaseHistory.of(tagCommits, withLookalikes, sha -> git.isAncestor(sha, head));
        List<SemVer> known = read.releases().stream().map(ReleaseTag::version).toList();

        Optional<ReleaseTag> existing = existingTag(read, head);
        if (existing.isPresent()) {
            TagWarnings.of(read, withLookalikes).forEach(log::warn);
            return released(git, tagCommits, existing.get(), known);
        }
        PreviousRelease previousRelease = PreviousRelease.resolve(settings.previousTag(), read, tagCommits, git, head, log);
        ReleaseHistory all = previousRelease.history();
        TagWarnings.of(all, withLookalikes).forEach(log::warn);
        BumpRequest request = new BumpRequest(
                BumpRequest.Mode.parse(settings.bump()),
                settings.explicitVersion(),
                settings.preRelease(),
                reactor.version(),
                settings.initialVersion());
        Range range = fromHighest != null ? fromHighest : read(
                git, previousRelease.rangeStart(), head, bumpView(policy));
        range.commitWarnings().forEach(w -> log.warn(w.kind(), w.message()));
        PullRequestOverrides.Applied overridden = overrides.apply(range.commits(), range.notes(),
                c -> c.withoutBody(BUMP_FOOTERS), range.pullRequests(),
                all.lastRelease().map(ReleaseTag::name).orElse(null));
        if (request.mode() == BumpRequest.Mode.AUTO && request.explicitVersion() == null) {
            overridden.warning().ifPresent(log::warn);
        }
        List<ConventionalCommit> commits = overridden.commits();
        BumpDecision decision = new BumpDecider(policy).decide(request, all, commits);
        SemVer version = decision.version();
        return new Decision(
                head,
                all.lastRelease().orElse(null),
                version,
                version == null ? null : naming.tagName(version),
                decision.kind().label(),
                decision.reason() + previousRelease.reasonSuffix() + overridden.reasonSuffix(),
                false,
                commits,
                decision.counts(),
                known,
                range.notes());
    }

    /**
     * Most often the highest release tag is the last release. Its range is read first, and that walk
     * tells whether the tag is reachable from HEAD, so that history is walked once instead of once to
     * find the last release and again to read it.
     *
     * @return the range from the highest release tag, or null when that tag is not reachable from
     *     HEAD (the range read is dropped), when there is no release tag, or when a tag is on HEAD or
     *     release.tag is set (other decisions, see {@link #existingTag})
     */
    private Range readFromHighestRelease(GitRepo git, Map<String, String> tagCommits, String head, BumpPolicy policy) {
        if (settings.existingTag() != null || tagCommits.containsValue(head)) {
            return null;
        }
        Optional<ReleaseTag> highest = ReleaseHistory.of(tagCommits, naming, sha -> false).releases().stream().findFirst();
        if (highest.isEmpty()) {
            return null;
        }
        Range range = read(git, highest.get().commitSha(), head, bumpView(policy));
        return range.fromReachable() ? range : null;
    }

    /** The release tag to describe instead of deciding a new version: release.tag, or one on HEAD. */
    private Optional<ReleaseTag> existingTag(ReleaseHistory all, String head) {
        if (settings.existingTag() != null) {
            return Optional.of(all.releases().stream()
                    .filter(t -> t.name().equals(settings.existingTag()))
                    .findFirst()
                    .orElseThrow(() -> new ReleaseException("release.tag " + settings.existingTag()
                            + " is not a release tag of this repository: fetch tags (git fetch --tags) or pass a tag like "
                            + settings.tagPrefix() + "1.2.3")));
        }
        if (settings.explicitVersion() != null) {
            return Optional.empty();
        }
        // a stable tag beats a pre-release tag of the same commit: releases() is highest first.
        // Without release.preRelease a pre-release on HEAD is graduated, not described again.
        return all.releases().stream().filter(t -> t.commitSha().equals(head)).findFirst()
                .filter(t -> !t.version().isPreRelease() || settings.preRelease() != null);
    }

    private Decision released(GitRepo git, Map<String, String> tagCommits, ReleaseTag tag, List<SemVer> known) {
        Map<String, String> earlier = new LinkedHashMap<>();
        tagCommits.forEach((name, sha) -> {
            boolean lower = naming.versionOf(name).map(v -> v.compareTo(tag.version()) < 0).orElse(false);
            if (lower && !sha.equals(tag.commitSha())) {
                earlier.put(name, sha);
            }
        });
        ReleaseHistory before = ReleaseHistory.of(earlier, naming, sha -> git.isAncestor(sha, tag.commitSha()));
        // release.previousTag also starts the notes of the tag it preceded (CI on that tag's push)
        PreviousRelease start = PreviousRelease.resolve(settings.previousTag(), before, tagCommits, git, tag.commitSha(), log);
        ReleaseTag previous = start.history().lastRelease().orElse(null);
        Range range = read(git, start.rangeStart(), tag.commitSha(), new BumpView(Set.of(), false));
        range.commitWarnings().forEach(w -> log.warn(w.kind(), w.message()));
        List<ConventionalCommit> commits = range.commits();
        boolean atHead = tag.commitSha().equals(git.headSha());
        String reason = atHead
                ? tag.name() + " already points at HEAD"
                : "notes for the existing tag " + tag.name();
        return new Decision(
                tag.commitSha(),
                previous,
                tag.version(),
                tag.name(),
                "none",
                reason,
                atHead,
                commits,
                BumpDecider.count(commits),
                known,
                range.notes());
    }

    /**
     * One range read from history.
     *
     * @param fromSha the release commit the range starts after, or null for the whole history
     * @param fromReachable {@code fromSha} is reachable from the range's end (always true for null)
     * @param commits the commits as the decision keeps them ({@link BumpView}), newest first
     * @param notes the notes builder that received every commit whole
     * @param commitWarnings the {@link CommitLint} warnings of the range's commits, for the log
     * @param pullRequests the pull requests the range's squash-merged commits name
     */
    private record Range(
            String fromSha, boolean fromReachable, List<ConventionalCommit> commits, NotesBuilder notes,
            List<CommitLint.Warning> commitWarnings, PullRequestOverrides.References pullRequests) {}

    /** The decision's view of a new version's range: online it keeps every SHA, for the overrides. */
    private BumpView bumpView(BumpPolicy policy) {
        return new BumpView(policy.typeLevels().keySet(), overrides.online());
    }

    /**
     * Walks the range once: every parsed commit goes whole to a new notes builder, and to the
     * decision only what it reads, so that the heap grows with the releasing commits, not with the
     * history.
     */
    private Range read(GitRepo git, String fromExclusive, String to, BumpView view) {
        List<ConventionalCommit> commits = new ArrayList<>();
        NotesBuilder builder = notes.get();
        List<CommitLint.Warning> warnings = new ArrayList<>();
        PullRequestOverrides.References pullRequests = new PullRequestOverrides.References();
        CommitFeed feed = new CommitFeed(git, fromExclusive, to);
        boolean reachable = git.walk(fromExclusive, to, raw -> {
            if ((commits.size() + 1) % PROGRESS_EVERY == 0) {
                log.progress("Reading the history", commits.size() + 1);
            }
            feed.feed(raw, builder, commit -> {
                warnings.addAll(CommitLint.check(commit, raw.message()));
                pullRequests.add(commit);
                commits.add(view.keep(commit));
            });
        });
        return new Range(fromExclusive, reachable, commits, builder, warnings, pullRequests);
    }

    /**
     * What the bump decision needs of a commit. Commits that can change the version (a releasing
     * type, a breaking change, a {@code Release-As} footer, a revert, or the target of a revert seen
     * earlier in newest-first order) are kept without their bodies; every other commit becomes a
     * shared stub of its kind and type, which is all the counting reads, or, when pull requests are
     * read, a stub of its own that keeps its SHA (an override in its pull request may replace it).
     */
    private static final class BumpView {
        private final Set<String> releasingTypes;
        private final Set<String> revertTargets = new HashSet<>();
        private final Set<Integer> targetLengths = new TreeSet<>();
        private final Map<String, ConventionalCommit> stubs = new HashMap<>();
        private final boolean keepShas;

        BumpView(Set<String> releasingTypes, boolean keepShas) {
            this.releasingTypes = releasingTypes;
            this.keepShas = keepShas;
        }

        ConventionalCommit keep(ConventionalCommit c) {
            boolean revert = c.kind() == ConventionalCommit.Kind.REVERT || "revert".equals(c.type());
            if (revert && c.revertedSha() != null) {
                String target = c.revertedSha().toLowerCase(Locale.ROOT);
                revertTargets.add(target);
                targetLengths.add(target.length());
            }
            boolean needed = revert || c.breaking() || (c.type() != null && releasingTypes.contains(c.type())) || isRevertTarget(c.sha())
                    || c.footers().stream().anyMatch(f -> BUMP_FOOTERS.stream().anyMatch(t -> t.equalsIgnoreCase(f.token())));
            if (needed) {
                return c.withoutBody(BUMP_FOOTERS);
            }
            if (keepShas) {
                return stub(c.sha(), c);
            }
            return stubs.computeIfAbsent(c.kind() + ":" + c.type(), k -> stub("", c));
        }

        private static ConventionalCommit stub(String sha, ConventionalCommit c) {
            return new ConventionalCommit(sha, c.kind(), c.type(), null, false, "", "", "", List.of(), List.of(), null);
        }

        private boolean isRevertTarget(String sha) {
            String lower = sha.toLowerCase(Locale.ROOT);
            for (int length : targetLengths) {
                if (lower.length() >= length && revertTargets.contains(lower.substring(0, length))) {
                    return true;
                }
            }
            return false;
        }
    }
}
