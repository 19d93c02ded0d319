package dev.llmproxy.release.notes;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.notes.NotesConfig.SectionRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code release.notes.sections} setting (issue #12, item 2): one comma-separated list that maps
 * a Conventional Commits type, optionally with one scope, to a section title, or hides it.
 *
 * <p>Syntax: {@code type=Title} or {@code type(scope)=Title}; the title {@code -} hides the type (or
 * that scope of it). Example: {@code feat=Features,fix=Bug Fixes,deps=Dependencies,
 * chore(deps)=Dependencies,chore=-}. Types are matched case-insensitively, scopes exactly; titles
 * cannot hold commas. Entries that share a title make one section.
 */
final class SectionsSpec {
    private static final Pattern ENTRY = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)(?:\\(([^()]+)\\))?\\s*=\\s*(.+)");
    static final String HIDE = "-";

    private SectionsSpec() {}

    /**
     * @param spec the setting's value, not blank
     * @return one rule per entry, in the order written
     * @throws ReleaseException when an entry is not {@code type=Title} or {@code type(scope)=Title}
     */
    static List<SectionRule> parse(String spec) {
        List<SectionRule> rules = new ArrayList<>();
        for (String entry : spec.split(",")) {
            Matcher m = ENTRY.matcher(entry.strip());
            if (!m.matches()) {
                throw new ReleaseException("release.notes.sections entry '" + entry.strip()
                        + "' is not type=Title or type(scope)=Title (title - hides): write it like "
                        + "feat=Features,chore(deps)=Dependencies,chore=-");
            }
            String title = m.group(3).strip();
            boolean hidden = title.equals(HIDE);
            rules.add(new SectionRule(hidden ? m.group(1).toLowerCase(Locale.ROOT) : title, m.group(1), m.group(2), hidden));
        }
        return rules;
    }

    /**
     * @param first rules that win
     * @param rest rules kept after {@code first} when {@code first} has none for their type and scope
     * @return {@code first}, then the rest of {@code rest}
     */
    static List<SectionRule> merge(List<SectionRule> first, List<SectionRule> rest) {
        Set<String> named = new HashSet<>();
        first.forEach(r -> named.add(key(r)));
        List<SectionRule> merged = new ArrayList<>(first);
        rest.stream().filter(r -> !named.contains(key(r))).forEach(merged::add);
        return merged;
    }

    /** @return the rules with each title spelled as its first case-insensitive occurrence */
    static List<SectionRule> oneSpellingPerTitle(List<SectionRule> rules) {
        Map<String, String> spelling = new HashMap<>();
        List<SectionRule> out = new ArrayList<>(rules.size());
        for (SectionRule r : rules) {
            String title = r.hidden() ? r.title() : spelling.computeIfAbsent(r.title().toLowerCase(Locale.ROOT), k -> r.title());
            out.add(title.equals(r.title()) ? r : new SectionRule(title, r.type(), r.scope(), r.hidden()));
        }
        return out;
    }

    private static String key(SectionRule r) {
        return r.type() + "(" + (r.scope() == null ? "" : r.scope()) + ")";
    }
}
