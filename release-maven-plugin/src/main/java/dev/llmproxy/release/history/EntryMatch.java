package dev.llmproxy.release.history;

import dev.llmproxy.release.notes.ReleaseNotes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pairs the entries our notes list with the entries that were released (issue #12, item 6): an
 * entry of ours matches a released one that links one of its commits (a SHA prefix), else one that
 * links its pull request, else one with the same {@link ReleasedEntries#normalise normalised} text.
 * Each entry is paired at most once, released entries in file order.
 *
 * @param found released entries we list
 * @param missing texts of the released entries we do not list
 * @param extra texts of our entries that were not released
 */
public record EntryMatch(int found, List<String> missing, List<String> extra) {

    private static final Pattern SQUASH_NUMBER = Pattern.compile("\\(#(\\d{1,9})\\)\\s*$");

    /**
     * @param ours our notes
     * @param released the released section's entries
     * @param subjects commit SHA to subject, for pull request numbers of squash titles ({@code (#12)})
     * @return the pairing
     */
    public static EntryMatch of(ReleaseNotes ours, List<ReleasedEntries.Entry> released, Map<String, String> subjects) {
        List<Ours> candidates = new ArrayList<>();
        for (ReleaseNotes.Section section : ours.sections()) {
            for (ReleaseNotes.Entry e : section.entries()) {
                List<Integer> numbers = new ArrayList<>();
                if (e.pullRequest() > 0) {
                    numbers.add(e.pullRequest());
                }
                for (String sha : e.commits()) {
                    Matcher m = SQUASH_NUMBER.matcher(subjects.getOrDefault(sha, ""));
                    if (m.find()) {
                        numbers.add(Integer.parseInt(m.group(1)));
                    }
                }
                String label = e.scope() == null || e.scope().isBlank() ? e.text() : e.scope() + ": " + e.text();
                candidates.add(new Ours(label, e.commits(), numbers, ReleasedEntries.normalise(e.text())));
            }
        }
        boolean[] used = new boolean[candidates.size()];
        int found = 0;
        List<String> missing = new ArrayList<>();
        for (ReleasedEntries.Entry r : released) {
            int at = find(candidates, used, c -> c.commits.stream().anyMatch(sha -> r.shas().stream().anyMatch(sha::startsWith)));
            if (at < 0) {
                at = find(candidates, used, c -> c.numbers.stream().anyMatch(r.pullRequests()::contains));
            }
            if (at < 0 && !r.normalised().isEmpty()) {
                at = find(candidates, used, c -> c.normalised.equals(r.normalised()));
            }
            if (at < 0) {
                missing.add(r.text());
            } else {
                used[at] = true;
                found++;
            }
        }
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (!used[i]) {
                extra.add(candidates.get(i).label);
            }
        }
        return new EntryMatch(found, missing, extra);
    }

    private static int find(List<Ours> candidates, boolean[] used, java.util.function.Predicate<Ours> test) {
        for (int i = 0; i < candidates.size(); i++) {
            if (!used[i] && test.test(candidates.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private record Ours(String label, List<String> commits, List<Integer> numbers, String normalised) {
        Ours {
            commits = List.copyOf(commits);
            numbers = List.copyOf(numbers);
        }
    }

    /** @return the number of released entries the pairing looked at */
    public int expected() {
        return found + missing.size();
    }
}
