package dev.llmproxy.release.version;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.commits.ConventionalCommit;
import dev.llmproxy.release.commits.ConventionalCommit.Footer;
import dev.llmproxy.release.commits.ConventionalCommit.Kind;
import dev.llmproxy.release.commits.RevertCanceller;
import dev.llmproxy.release.version.BumpDecision.Counts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides the next version from the last release, the commits since, and the request (issue #2,
 * items 5-6). Pure: no I/O.
 *
 * <p>Which commits count: merges never count themselves (their branch commits, also in the range,
 * do; so a merge body that repeats a branch message is not counted twice); a revert and its target
 * both in the range cancel out ({@link RevertCanceller}); the rest are weighed by {@link BumpPolicy}.
 *
 * <p>Order of rules:
 *
 * <ol>
 *   <li>{@code release.version}, else the newest {@code Release-As: X.Y.Z} footer (token any case)
 *       of a counted commit, is used as is ({@code explicit}). It must be after the last release and
 *       not an existing tag; it may be below a higher tag that HEAD cannot reach (a maintenance
 *       release is a deliberate choice).
 *   <li>No release tag reachable: the first version is {@code release.initialVersion}, else the pom's
 *       version without {@code -SNAPSHOT}; it needs a releasable commit or a forced {@code
 *       release.bump}. All commits count.
 *   <li>Level: {@code release.bump} when not {@code auto}, else the largest level of the commits,
 *       adjusted below 1.0.0 by the policy. No level → {@code none}, "nothing to release since vX".
 *   <li>From a stable last release: the level's increment (SemVer 2.0.0 §6-§8).
 *   <li>From a pre-release last release {@code C-id.n}: the train keeps its core {@code C} unless the
 *       level is larger than the one {@code C} implies ({@code 1.5.0} implies minor), then it
 *       escalates ({@code 1.5.0-rc.1} + breaking → {@code 2.0.0}). If a stable release at or above
 *       {@code C} already exists, the bump starts from that stable release instead.
 *   <li>With {@code release.preRelease=id}: {@code core-id.N} where N is one more than the highest N
 *       of any tag {@code core-id.N}; without it a pre-release last release graduates to its core,
 *       even when no commit releases.
 *   <li>Refusals ({@link ReleaseException}, one line): a result not after the last release; a
 *       result equal to an existing tag, also one of a tag style not read
 *       ({@link ReleaseHistory#lookalikes()}); a computed result at or below a stable release tag
 *       that is not reachable from HEAD (named; a higher pre-release there does not refuse), or at
 *       or below a stable tag of a style not read (named, with the setting to change).
 * </ol>
 */
public final class BumpDecider {

    private static final String SNAPSHOT = "-SNAPSHOT";
    private static final String READ_SETTINGS = "release.tagPrefix and release.tagPrefixes";

    private final BumpPolicy policy;

    /** @param policy which commits release and how much */
    public BumpDecider(BumpPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param request the {@code release.*} parameters
     * @param history the release tags as seen from HEAD
     * @param newestFirst the commits after the last release up to HEAD (all commits when there is no
     *     last release), in git log order, newest first
     * @return the decision; {@code kind == NONE} when nothing releases
     * @throws ReleaseException on an invalid parameter or {@code Release-As} value, or a refusal
     *     listed in the class description
     */
    public BumpDecision decide(BumpRequest request, ReleaseHistory history, List<ConventionalCommit> newestFirst) {
        List<ConventionalCommit> counted = counted(newestFirst);
        Counts counts = count(newestFirst.size(), counted);
        String preReleaseId = preReleaseId(request.preReleaseId());
        Optional<ReleaseTag> last = history.lastRelease();

        Optional<BumpDecision> explicit = explicit(request, counted, counts, last, history);
        if (explicit.isPresent()) {
            return explicit.get();
        }

        BumpLevel forced = request.mode().forcedLevel();
        if (last.isEmpty()) {
            return firstRelease(request, preReleaseId, history, counted, counts);
        }
        SemVer lastVersion = last.get().version();
        SemVer base = lastVersion;
        Optional<ReleaseTag> stable = history.highestStable();
        if (lastVersion.isPreRelease() && stable.isPresent()
                && stable.get().version().compareTo(lastVersion.core()) >= 0) {
            base = stable.get().version();
        }
        Weighed weighed = weigh(counted, base.major());
        BumpLevel level = forced != null ? forced : weighed.level;
        String why = forced != null ? "release.bump=" + request.mode().label() : weighed.summary();

        SemVer core;
        BumpLevel kindLevel;
        if (!base.isPreRelease()) {
            if (level == null) {
                return none("nothing to release since " + last.get().name() + " (" + commits(newestFirst.size())
                        + ", none releasable)", counts);
            }
            core = base.next(level);
            kindLevel = level;
        } else {
            SemVer trainCore = base.core();
            BumpLevel implied = BumpLevel.impliedBy(trainCore);
            boolean escalates = level != null && level.compareTo(implied) > 0;
            core = escalates ? trainCore.next(level) : trainCore;
            kindLevel = escalates ? level : implied;
            if (level == null && preReleaseId != null) {
                return none("nothing to release since " + last.get().name() + " (" + commits(newestFirst.size())
                        + ", none releasable)", counts);
            }
        }

        BumpDecision decision;
        if (preReleaseId != null) {
            SemVer version = nextInTrain(core, preReleaseId, history);
            boolean newCore = !core.equals(lastVersion.core());
            decision = new BumpDecision(BumpDecision.Kind.PRERELEASE, version,
                    "prerelease: " + preReleaseId + "." + version.preRelease().get(1) + " towards " + core
                            + (newCore ? " (" + kindLevel.label() + ")" : "") + " after " + last.get().name()
                            + "; " + why,
                    counts);
        } else if (base.isPreRelease()) {
            decision = new BumpDecision(BumpDecision.Kind.of(kindLevel), core,
                    kindLevel.label() + ": " + last.get().name() + " graduates to " + core + "; " + why, counts);
        } else {
            decision = new BumpDecision(BumpDecision.Kind.of(kindLevel), core, kindLevel.label() + ": " + why, counts);
        }
        refuseBelowUnreachable(decision.version(), history);
        refuseAtOrBelowLookalike(decision.version(), history, "set release.version");
        refuseBackwardsOrExisting(decision.version(), "", last, history, "set release.version");
        return decision;
    }

    private BumpDecision firstRelease(BumpRequest request, String preReleaseId, ReleaseHistory history,
            List<ConventionalCommit> counted, Counts counts) {
        SemVer first = initialVersion(request);
        BumpLevel forced = request.mode().forcedLevel();
        Weighed weighed = weigh(counted, first.major());
        BumpLevel level = forced != null ? forced : weighed.level;
        if (level == null) {
            return none("nothing to release: none of the " + commits(counts.total())
                    + " is releasable and there is no release tag yet", counts);
        }
        String why = forced != null ? "release.bump=" + request.mode().label() : weighed.summary();
        String source = present(request.initialVersion())
                ? "release.initialVersion"
                : "the pom version " + request.pomVersion();
        SemVer version = preReleaseId != null && !first.isPreRelease()
                ? nextInTrain(first, preReleaseId, history)
                : first;
        BumpDecision.Kind kind = version.isPreRelease() ? BumpDecision.Kind.PRERELEASE : BumpDecision.Kind.of(level);
        BumpDecision decision = new BumpDecision(kind, version,
                "first release " + version + " from " + source + "; " + why, counts); // not bumped: no level to name
        refuseBelowUnreachable(version, history);
        refuseAtOrBelowLookalike(version, history, "set release.initialVersion");
        refuseBackwardsOrExisting(version, "", Optional.empty(), history, "set release.initialVersion");
        return decision;
    }

    private Optional<BumpDecision> explicit(BumpRequest request, List<ConventionalCommit> counted, Counts counts,
            Optional<ReleaseTag> last, ReleaseHistory history) {
        if (present(request.explicitVersion())) {
            SemVer version = parseParameter("release.version", request.explicitVersion());
            refuseBackwardsOrExisting(version, "", last, history, "set release.version");
            return Optional.of(new BumpDecision(BumpDecision.Kind.EXPLICIT, version,
                    "explicit: release.version=" + version, counts));
        }
        for (ConventionalCommit commit : counted) {
            for (Footer footer : commit.footers()) {
                if (footer.token().equalsIgnoreCase("Release-As")) {
                    String where = "Release-As footer of commit " + commit.shortSha();
                    SemVer version = parseParameter(where, footer.value());
                    refuseBackwardsOrExisting(version, " from the " + where, last, history,
                            "set release.version (it wins over Release-As)");
                    return Optional.of(new BumpDecision(BumpDecision.Kind.EXPLICIT, version,
                            "explicit: Release-As: " + version + " in " + describe(commit), counts));
                }
            }
        }
        return Optional.empty();
    }

    private static SemVer initialVersion(BumpRequest request) {
        if (present(request.initialVersion())) {
            return parseParameter("release.initialVersion", request.initialVersion());
        }
        String pom = request.pomVersion();
        if (!present(pom)) {
            throw new ReleaseException("no release tag and no project version to start from: set release.initialVersion");
        }
        String stripped = pom.endsWith(SNAPSHOT) ? pom.substring(0, pom.length() - SNAPSHOT.length()) : pom;
        return SemVer.tryParse(stripped).orElseThrow(() -> new ReleaseException("the pom version '" + pom
                + "' is not MAJOR.MINOR.PATCH[-SNAPSHOT], so no first version follows from it: set release.initialVersion"));
    }

    private static SemVer parseParameter(String what, String text) {
        String value = text.strip();
        try {
            return SemVer.parse(value);
        } catch (IllegalArgumentException e) {
            if (value.startsWith("v") && SemVer.tryParse(value.substring(1)).isPresent()) {
                throw new ReleaseException(what + " '" + value + "' must be a version, not a tag: use "
                        + value.substring(1));
            }
            throw new ReleaseException(what + " " + e.getMessage());
        }
    }

    private static String preReleaseId(String id) {
        if (!present(id)) {
            return null;
        }
        String value = id.strip();
        boolean valid = value.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-')
                && !value.chars().allMatch(Character::isDigit);
        if (!valid) {
            throw new ReleaseException("release.preRelease '" + id
                    + "' must be one SemVer identifier of [0-9A-Za-z-] that is not a number, like rc or beta");
        }
        return value;
    }

    private static SemVer nextInTrain(SemVer core, String id, ReleaseHistory history) {
        long highest = history.releases().stream()
                .map(ReleaseTag::version)
                .filter(v -> v.core().equals(core) && v.preRelease().size() == 2 && v.preRelease().get(0).equals(id))
                .map(v -> v.preRelease().get(1))
                .filter(n -> n.chars().allMatch(Character::isDigit) && n.length() < 18)
                .mapToLong(Long::parseLong)
                .max()
                .orElse(0);
        return core.withPreRelease(List.of(id, Long.toString(highest + 1)));
    }

    /**
     * @param source where the version comes from, e.g. {@code " from the Release-As footer of commit
     *     a1b2c3d"}, or empty
     * @param fix the parameter to set, completed by the message with "to a higher version"
     */
    private static void refuseBackwardsOrExisting(
            SemVer version, String source, Optional<ReleaseTag> last, ReleaseHistory history, String fix) {
        if (last.isPresent() && version.compareTo(last.get().version()) <= 0) {
            throw new ReleaseException("version " + version + source + " is not after the last release " + last.get().name()
                    + ": versions never go backwards; " + fix + " to a higher version");
        }
        history.tagWithSameVersion(version).ifPresent(tag -> {
            throw new ReleaseException("version " + version + source + " is already released as tag " + tag.name()
                    + " on commit " + shortSha(tag.commitSha()) + ": " + fix + " to another version");
        });
        history.lookalikes().stream().filter(t -> t.version().compareTo(version) == 0).findFirst().ifPresent(tag -> {
            throw new ReleaseException("version " + version + source + " is already released as tag " + tag.name()
                    + " on commit " + shortSha(tag.commitSha()) + ", a tag style " + READ_SETTINGS + " do not read: add "
                    + describePrefix(tag) + " to release.tagPrefixes, or " + fix + " to another version");
        });
    }

    /**
     * A computed version must be after every stable tag that looks like a release of the project in
     * another style (issue #10 item 10): otherwise a change of tag style restarts the versions.
     */
    private static void refuseAtOrBelowLookalike(SemVer version, ReleaseHistory history, String fix) {
        history.lookalikes().stream()
                .filter(tag -> !tag.version().isPreRelease() && version.compareTo(tag.version()) <= 0)
                .findFirst()
                .ifPresent(tag -> {
                    throw new ReleaseException("tag " + tag.name() + " on commit " + shortSha(tag.commitSha())
                            + " looks like a release of this project but " + READ_SETTINGS + " do not read it, and the"
                            + " next version " + version + " would not be after it: add " + describePrefix(tag)
                            + " to release.tagPrefixes, or " + fix + " to a higher version");
                });
    }

    /** "its prefix 'release-'", or for {@code 1.0.0} the empty prefix and how to write it. */
    private static String describePrefix(ReleaseTag tag) {
        String prefix = tag.name().substring(0, tag.name().length() - tag.version().toString().length());
        return prefix.isEmpty()
                ? "the empty prefix (a leading or trailing comma, e.g. release.tagPrefixes=v,)"
                : "its prefix '" + prefix + "'";
    }

    private static void refuseBelowUnreachable(SemVer version, ReleaseHistory history) {
        history.higherUnreachable().filter(tag -> version.compareTo(tag.version()) <= 0).ifPresent(tag -> {
            throw new ReleaseException("tag " + tag.name() + " on commit " + shortSha(tag.commitSha())
                    + " is not reachable from HEAD and the next version " + version + " would not be after it: "
                    + "merge or rebase onto it, or set release.version for a maintenance release");
        });
    }

    private record Weighed(BumpLevel level, List<ConventionalCommit> deciding) {
        /** "3 feat commits, first a1b2c3d feat(proxy): stream responses" (first = oldest). */
        String summary() {
            if (deciding.isEmpty()) {
                return "no new releasable commits";
            }
            Map<String, Long> byCategory = new LinkedHashMap<>();
            for (int i = deciding.size() - 1; i >= 0; i--) {
                byCategory.merge(category(deciding.get(i)), 1L, Long::sum);
            }
            String parts = byCategory.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey() + (e.getValue() == 1 ? " commit" : " commits"))
                    .collect(Collectors.joining(", "));
            return parts + ", first " + describe(deciding.get(deciding.size() - 1));
        }
    }

    private Weighed weigh(List<ConventionalCommit> counted, int baseMajor) {
        BumpLevel max = null;
        for (ConventionalCommit c : counted) {
            max = BumpLevel.max(max, policy.levelOf(c, baseMajor).orElse(null));
        }
        List<ConventionalCommit> deciding = new ArrayList<>();
        for (ConventionalCommit c : counted) {
            if (max != null && policy.levelOf(c, baseMajor).orElse(null) == max) {
                deciding.add(c);
            }
        }
        return new Weighed(max, deciding);
    }

    private static String category(ConventionalCommit c) {
        if (c.breaking()) {
            return "breaking";
        }
        return c.kind() == Kind.REVERT ? "revert" : c.type();
    }

    /**
     * Counts the commits of a range the way the bump counts them: reverts cancel the commit they
     * revert, merges are counted in the total only.
     *
     * @param newestFirst the commits of the range in git log order
     * @return the counts for plan.json
     */
    public static Counts count(List<ConventionalCommit> newestFirst) {
        return count(newestFirst.size(), counted(newestFirst));
    }

    private static List<ConventionalCommit> counted(List<ConventionalCommit> newestFirst) {
        return RevertCanceller.cancel(newestFirst).stream()
                .filter(c -> c.kind() != Kind.MERGE)
                .toList();
    }

    private static Counts count(int total, List<ConventionalCommit> counted) {
        int breaking = (int) counted.stream().filter(ConventionalCommit::breaking).count();
        int feat = (int) counted.stream().filter(c -> !c.breaking() && "feat".equals(c.type())).count();
        int fix = (int) counted.stream().filter(c -> !c.breaking() && "fix".equals(c.type())).count();
        return new Counts(total, breaking, feat, fix, total - breaking - feat - fix);
    }

    private static BumpDecision none(String reason, Counts counts) {
        return new BumpDecision(BumpDecision.Kind.NONE, null, reason, counts);
    }

    private static boolean present(String parameter) {
        return parameter != null && !parameter.isBlank();
    }

    private static String commits(int n) {
        return n + (n == 1 ? " commit" : " commits");
    }

    private static String describe(ConventionalCommit c) {
        return c.shortSha() + " " + c.subject();
    }

    private static String shortSha(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
}
