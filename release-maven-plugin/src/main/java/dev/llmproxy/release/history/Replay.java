package dev.llmproxy.release.history;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.commits.ConventionalCommit;
import dev.llmproxy.release.git.HistoryGraph;
import dev.llmproxy.release.notes.NotesBuilder;
import dev.llmproxy.release.notes.NotesConfig;
import dev.llmproxy.release.notes.ReleaseInfo;
import dev.llmproxy.release.notes.ReleaseNotes;
import dev.llmproxy.release.version.BumpDecider;
import dev.llmproxy.release.version.BumpDecision;
import dev.llmproxy.release.version.BumpPolicy;
import dev.llmproxy.release.version.BumpRequest;
import dev.llmproxy.release.version.ReleaseTag;
import dev.llmproxy.release.version.SemVer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Replays past releases (issue #12, item 6): for each release tag, the repository as it was just
 * before the release (the tagged commit's first parent when the tagged commit is a release commit
 * ({@link ReleaseCommits}), else the tagged commit; only tags made before this one), the version
 * and the notes decided as the goals decide them ({@link BumpDecider}, {@link NotesBuilder}, {@link
 * dev.llmproxy.release.version.ReleaseHistory}), side by side with the tag's version and the
 * entries of that version's section of {@code CHANGELOG.md} as it was at the tag. Reads git objects
 * only; changes nothing.
 *
 * <p>Choices where the issue is silent: a pre-release tag is replayed as a run with {@code
 * release.preRelease} set to its first identifier ({@code rc} for {@code 1.2.0-rc.2}), as its
 * maintainer would have run it; when we would release nothing (or refuse), our entries are the notes
 * of the same range under the released version, so that the entry figures measure the notes and
 * the version figures the decision.
 */
public final class Replay {

    /**
     * One release replayed.
     *
     * @param tag the release tag
     * @param releasedVersion the tag's version
     * @param ourVersion the version we decide, or null when we release nothing or refuse
     * @param agree whether the versions are equal (SemVer precedence and build metadata)
     * @param bump our bump kind ({@code minor}, ..., {@code none}, or {@code refused})
     * @param reason our one-line reason, or the refusal
     * @param entriesExpected entries of the released section, or null when CHANGELOG.md had none
     * @param entriesFound released entries our notes list
     * @param entriesOurs entries our notes list
     * @param extra our entries not released (0 when there is no released section)
     * @param missing released entries we do not list, as written
     * @param extraEntries our entries not released, {@code scope: text}
     */
    public record Outcome(String tag, String releasedVersion, String ourVersion, boolean agree, String bump, String reason,
            Integer entriesExpected, int entriesFound, int entriesOurs, int extra, List<String> missing,
            List<String> extraEntries) {
        public Outcome {
            missing = List.copyOf(missing);
            extraEntries = List.copyOf(extraEntries);
        }
    }

    /**
     * The figures over all replayed releases.
     *
     * @param releases releases replayed
     * @param versionsAgreeing releases where our version is the released one
     * @param withChangelog releases whose version had a section in CHANGELOG.md
     * @param entriesExpected released entries over those sections
     * @param entriesFound released entries our notes list
     * @param extra our entries not released, over those releases
     */
    public record Totals(int releases, int versionsAgreeing, int withChangelog, int entriesExpected, int entriesFound, int extra) {
        /** @return found / expected in percent, one decimal; 0 when nothing was expected */
        public double foundPercent() {
            return percent(entriesFound);
        }

        /** @return extra / expected in percent, one decimal; 0 when nothing was expected */
        public double extraPercent() {
            return percent(extra);
        }

        private double percent(int count) {
            return entriesExpected == 0 ? 0 : Math.round(count * 1000.0 / entriesExpected) / 10.0;
        }
    }

    private final BumpPolicy policy;
    private final String bump;
    private final String initialVersion;
    private final NotesConfig notesConfig;
    private final String pomPath;
    private final String changelogPath;
    private final String repository;

    /**
     * @param policy which commits release what ({@code release.releaseTypes},
     *     {@code release.breakingBumpsMajorBefore1})
     * @param bump {@code release.bump}
     * @param initialVersion {@code release.initialVersion}, or null
     * @param notesConfig the notes configuration of the goals
     * @param pomPath the reactor root pom, relative to the repository root ({@code pom.xml})
     * @param changelogPath the changelog, relative to the repository root ({@code CHANGELOG.md})
     * @param repository {@code owner/name} for links, or null
     */
    public Replay(BumpPolicy policy, String bump, String initialVersion, NotesConfig notesConfig, String pomPath,
            String changelogPath, String repository) {
        this.policy = policy;
        this.bump = bump;
        this.initialVersion = initialVersion;
        this.notesConfig = notesConfig;
        this.pomPath = pomPath;
        this.changelogPath = changelogPath;
        this.repository = repository;
    }

    /**
     * @param history the repository's history
     * @param last how many of the newest releases to replay; 0 or less for all
     * @return one outcome per release, newest first
     */
    public List<Outcome> run(RepositoryHistory history, int last) {
        List<RepositoryHistory.Release> releases = history.releases();
        if (last > 0 && releases.size() > last) {
            releases = releases.subList(0, last);
        }
        return releases.stream().map(r -> replay(history, r)).toList();
    }

    /** @return the totals of {@code outcomes} */
    public static Totals totals(List<Outcome> outcomes) {
        int agreeing = 0;
        int withChangelog = 0;
        int expected = 0;
        int found = 0;
        int extra = 0;
        for (Outcome o : outcomes) {
            agreeing += o.agree() ? 1 : 0;
            if (o.entriesExpected() != null) {
                withChangelog++;
                expected += o.entriesExpected();
                found += o.entriesFound();
                extra += o.extra();
            }
        }
        return new Totals(outcomes.size(), agreeing, withChangelog, expected, found, extra);
    }

    private Outcome replay(RepositoryHistory history, RepositoryHistory.Release release) {
        ReleaseTag tag = release.tag();
        int tagged = release.commit();
        HistoryGraph graph = history.graph();
        int[] parents = graph.parents(tagged);
        int before = parents.length > 0 && ReleaseCommits.isReleaseCommit(history.commit(tagged).subject()) ? parents[0] : tagged;
        RepositoryHistory.HistoryView view = history.asOf(before, t -> isOlder(t, release, history));
        Optional<ReleaseTag> last = view.history().lastRelease();
        List<ConventionalCommit> commits = history.commitsSince(view, last);

        SemVer ours = null;
        String kind;
        String reason;
        try {
            String preRelease = tag.version().isPreRelease() ? tag.version().preRelease().get(0) : null;
            String pomVersion = last.isEmpty() ? pomVersion(graph, before) : null;
            BumpDecision decision = new BumpDecider(policy).decide(
                    new BumpRequest(BumpRequest.Mode.parse(bump), null, preRelease, pomVersion, initialVersion),
                    view.history(), commits);
            ours = decision.version();
            kind = decision.kind().label();
            reason = decision.reason();
        } catch (ReleaseException e) {
            kind = "refused";
            reason = e.getMessage();
        }
        SemVer notesVersion = ours != null ? ours : tag.version();
        Optional<ReleaseTag> since = history.notesSince(view, notesVersion);
        List<ConventionalCommit> notesCommits = since.equals(last) ? commits : history.commitsSince(view, since);
        ReleaseNotes notes = NotesBuilder.build(notesConfig,
                new ReleaseInfo(repository, notesVersion.toString(), tag.name(), since.map(ReleaseTag::name).orElse(null),
                        LocalDate.of(1970, 1, 1)),
                notesCommits, null);

        Optional<List<ReleasedEntries.Entry>> released = graph.bytesAt(tagged, changelogPath)
                .flatMap(text -> ReleasedEntries.of(text, tag.version().toString()));
        boolean agree = ours != null && ours.equals(tag.version());
        if (released.isEmpty()) {
            return new Outcome(tag.name(), tag.version().toString(), ours == null ? null : ours.toString(), agree, kind,
                    reason, null, 0, notes.entryCount(), 0, List.of(), List.of());
        }
        Map<String, String> subjects = new HashMap<>();
        notesCommits.forEach(c -> subjects.put(c.sha(), c.subject()));
        EntryMatch match = EntryMatch.of(notes, released.get(), subjects);
        return new Outcome(tag.name(), tag.version().toString(), ours == null ? null : ours.toString(), agree, kind, reason,
                match.expected(), match.found(), notes.entryCount(), match.extra().size(), match.missing(), match.extra());
    }

    /** A tag made before {@code release}: earlier, or at the same second and lower (by version, else name). */
    private static boolean isOlder(HistoryGraph.Tag t, RepositoryHistory.Release release, RepositoryHistory history) {
        if (t.name().equals(release.tag().name())) {
            return false;
        }
        if (t.epochSeconds() != release.epochSeconds()) {
            return t.epochSeconds() < release.epochSeconds();
        }
        return history.release(t.name()).map(o -> RepositoryHistory.NEWEST_FIRST.compare(o, release) > 0).orElse(false);
    }

    /** The root pom's version at a commit ({@code project/version}, else {@code project/parent/version}), or null. */
    private String pomVersion(HistoryGraph graph, int commit) {
        Optional<String> pom = graph.fileAt(commit, pomPath);
        if (pom.isEmpty()) {
            return null;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(pom.get().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            String own = childText(project, "version");
            if (own != null) {
                return own;
            }
            Element parent = child(project, "parent");
            return parent == null ? null : childText(parent, "version");
        } catch (Exception e) {
            return null; // an unreadable pom at an old commit: the decision then says what is missing
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }
}
