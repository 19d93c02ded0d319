package dev.llmproxy.release.notes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How commits and pull requests become sections of the release notes. Immutable; start from
 * {@link #defaults()} and change it with the {@code with...} methods.
 *
 * <p>Section order: "Breaking changes" first (every breaking commit, of any type, with its notes),
 * then the titles of {@link #typeSections()} in order of first appearance, then the titles of
 * {@link #labelCategories()}, then {@link #otherTitle()} when set.
 */
public final class NotesConfig {

    /** Title of the first section, holding every breaking change (Conventional Commits 1.0.0 §13, §16). */
    public static final String BREAKING_TITLE = "Breaking changes";
    /** GitHub's limit on a release body, in characters. */
    public static final int GITHUB_BODY_LIMIT = 125_000;

    /**
     * Maps a Conventional Commits type, optionally with one scope, to a section title.
     *
     * @param title the section heading text
     * @param type the type in lower case ({@code "feat"}); {@code "revert"} also takes git's
     *     {@code Revert "..."} commits
     * @param scope the scope that must match exactly, or null for any scope
     * @param hidden true when commits of this type (and scope) make no entry outside "Breaking
     *     changes" (release-please's {@code hidden}); the title is then never a heading
     */
    public record SectionRule(String title, String type, String scope, boolean hidden) {
        public SectionRule {
            requireText(title, "section title");
            type = requireText(type, "section type").toLowerCase(Locale.ROOT);
        }

        /** A shown section: {@code hidden} false. */
        public SectionRule(String title, String type, String scope) {
            this(title, type, scope, false);
        }
    }

    /**
     * A section chosen by pull-request labels, as in GitHub's {@code .github/release.yml}
     * {@code changelog.categories}. {@code "*"} in {@code labels} matches every pull request;
     * in the exclude lists it matches every label or author.
     *
     * @param title the section heading text
     * @param labels labels that select the category (any one of them)
     * @param excludeLabels labels that keep a pull request out of this category
     * @param excludeAuthors author logins kept out of this category
     */
    public record LabelCategory(String title, List<String> labels, List<String> excludeLabels, List<String> excludeAuthors) {
        public LabelCategory {
            requireText(title, "category title");
            labels = List.copyOf(labels);
            excludeLabels = List.copyOf(excludeLabels);
            excludeAuthors = List.copyOf(excludeAuthors);
        }

        boolean accepts(PullRequestInfo pr) {
            return matchesAny(labels, pr.labels())
                    && !matchesAny(excludeLabels, pr.labels())
                    && !matchesAuthor(excludeAuthors, pr.authorLogin());
        }
    }

    private final List<SectionRule> typeSections;
    private final Set<String> hiddenTypes;
    private final List<LabelCategory> labelCategories;
    private final List<String> excludeLabels;
    private final List<String> excludeAuthors;
    private final String otherTitle;
    private final boolean groupByScope;
    private final boolean pullRequestTitles;
    private final boolean contributors;
    private final boolean closedIssues;
    private final int bodyLimit;

    private NotesConfig(List<SectionRule> typeSections, Set<String> hiddenTypes, List<LabelCategory> labelCategories,
            List<String> excludeLabels, List<String> excludeAuthors, String otherTitle, boolean groupByScope,
            boolean pullRequestTitles, boolean contributors, boolean closedIssues, int bodyLimit) {
        this.typeSections = List.copyOf(typeSections);
        this.hiddenTypes = Set.copyOf(hiddenTypes);
        this.labelCategories = List.copyOf(labelCategories);
        this.excludeLabels = List.copyOf(excludeLabels);
        this.excludeAuthors = List.copyOf(excludeAuthors);
        this.otherTitle = otherTitle;
        this.groupByScope = groupByScope;
        this.pullRequestTitles = pullRequestTitles;
        this.contributors = contributors;
        this.closedIssues = closedIssues;
        if (bodyLimit < 1_000) {
            throw new IllegalArgumentException("release body limit " + bodyLimit + " is too small: use at least 1000 characters");
        }
        this.bodyLimit = bodyLimit;
    }

    /**
     * Features ({@code feat}), Bug fixes ({@code fix}), Performance ({@code perf}), Reverts
     * ({@code revert}), Documentation ({@code docs}) and Dependencies ({@code build}/{@code chore}
     * with scope {@code deps} or {@code deps-dev}); every other type hidden; pull-request titles
     * replace subjects; contributors and closed issues listed; body limit 125,000 characters.
     */
    public static NotesConfig defaults() {
        List<SectionRule> rules = List.of(
                new SectionRule("Features", "feat", null),
                new SectionRule("Bug fixes", "fix", null),
                new SectionRule("Performance", "perf", null),
                new SectionRule("Reverts", "revert", null),
                new SectionRule("Documentation", "docs", null),
                new SectionRule("Dependencies", "build", "deps"),
                new SectionRule("Dependencies", "build", "deps-dev"),
                new SectionRule("Dependencies", "chore", "deps"),
                new SectionRule("Dependencies", "chore", "deps-dev"));
        return new NotesConfig(rules, Set.of(), List.of(), List.of(), List.of(), null, false, true, true, true,
                GITHUB_BODY_LIMIT);
    }

    /**
     * @param rules the type sections; a title that differs from an earlier one only in case takes the
     *     earlier spelling, so that each title makes one section
     * @return the same configuration with {@code rules} replacing the type sections
     */
    public NotesConfig withTypeSections(List<SectionRule> rules) {
        return new NotesConfig(SectionsSpec.oneSpellingPerTitle(rules), hiddenTypes, labelCategories, excludeLabels, excludeAuthors, otherTitle,
                groupByScope, pullRequestTitles, contributors, closedIssues, bodyLimit);
    }

    /** @return the same configuration plus one type section appended after the existing ones */
    public NotesConfig withTypeSection(String title, String type) {
        List<SectionRule> rules = new ArrayList<>(typeSections);
        rules.add(new SectionRule(title, type, null));
        return withTypeSections(rules);
    }

    /**
     * @param types Conventional Commits types (any case) that never make entries outside "Breaking
     *     changes", even when a type section names them
     */
    public NotesConfig withHiddenTypes(Set<String> types) {
        Set<String> lower = new LinkedHashSet<>();
        types.forEach(t -> lower.add(t.toLowerCase(Locale.ROOT)));
        return new NotesConfig(typeSections, lower, labelCategories, excludeLabels, excludeAuthors, otherTitle,
                groupByScope, pullRequestTitles, contributors, closedIssues, bodyLimit);
    }

    /**
     * @param categories label categories, tried in order for commits whose pull request is known
     * @param excludeLabels pull requests with any of these labels are left out of the notes
     * @param excludeAuthors pull requests by these logins are left out of the notes
     */
    public NotesConfig withLabelCategories(List<LabelCategory> categories, List<String> excludeLabels, List<String> excludeAuthors) {
        return new NotesConfig(typeSections, hiddenTypes, categories, excludeLabels, excludeAuthors, otherTitle,
                groupByScope, pullRequestTitles, contributors, closedIssues, bodyLimit);
    }

    /** @param title section for unmapped types and non-conventional commits, or null to hide them */
    public NotesConfig withOtherTitle(String title) {
        return new NotesConfig(typeSections, hiddenTypes, labelCategories, excludeLabels, excludeAuthors, title,
                groupByScope, pullRequestTitles, contributors, closedIssues, bodyLimit);
    }

    /** @param group true to order entries by scope within each section (unscoped first, then scopes A-Z) */
    public NotesConfig withGroupByScope(boolean group) {
        return new NotesConfig(typeSections, hiddenTypes, labelCategories, excludeLabels, excludeAuthors, otherTitle,
                group, pullRequestTitles, contributors, closedIssues, bodyLimit);
    }

    /** @param use true to show a pull request's title instead of its commits' subjects */
    public NotesConfig withPullRequestTitles(boolean use) {
        return new NotesConfig(typeSections, hiddenTypes, labelCategories, excludeLabels, excludeAuthors, otherTitle,
                groupByScope, use, contributors, closedIssues, bodyLimit);
    }

    /** @param list true to list pull-request authors, and {@code closed} to list closed issues */
    public NotesConfig withLists(boolean list, boolean closed) {
        return new NotesConfig(typeSections, hiddenTypes, labelCategories, excludeLabels, excludeAuthors, otherTitle,
                groupByScope, pullRequestTitles, list, closed, bodyLimit);
    }

    /** @param characters maximum release body length in UTF-16 chars (at least 1000) */
    public NotesConfig withBodyLimit(int characters) {
        return new NotesConfig(typeSections, hiddenTypes, labelCategories, excludeLabels, excludeAuthors, otherTitle,
                groupByScope, pullRequestTitles, contributors, closedIssues, characters);
    }

    /** @return the sections chosen by Conventional Commits type (and scope), in output order */
    public List<SectionRule> typeSections() { return typeSections; }
    /** @return lower-case types that never make entries outside "Breaking changes" */
    public Set<String> hiddenTypes() { return hiddenTypes; }
    /** @return the sections chosen by pull-request labels (GitHub's release.yml categories), in order */
    public List<LabelCategory> labelCategories() { return labelCategories; }
    /** @return labels whose pull requests make no entry */
    public List<String> excludeLabels() { return excludeLabels; }
    /** @return logins whose pull requests make no entry and who are not credited */
    public List<String> excludeAuthors() { return excludeAuthors; }
    /** @return the title of the section for entries no rule places, or null to leave them out */
    public String otherTitle() { return otherTitle; }
    /** @return whether entries are grouped by scope within a section */
    public boolean groupByScope() { return groupByScope; }
    /** @return whether merged pull-request titles replace commit subjects */
    public boolean pullRequestTitles() { return pullRequestTitles; }
    /** @return whether the contributors (pull-request authors) are listed */
    public boolean contributors() { return contributors; }
    /** @return whether the issues closed by the release are listed */
    public boolean closedIssues() { return closedIssues; }
    /** @return the maximum length of the release body in characters (GitHub: 125,000) */
    public int bodyLimit() { return bodyLimit; }

    /**
     * Applies {@code release.notes.sections} (see {@link SectionsSpec#parse}): its rules come first, in
     * the order written, then the current rules whose type and scope it does not name.
     *
     * @param spec e.g. {@code feat=Features,fix=Bug Fixes,chore(deps)=Dependencies,chore=-}; blank
     *     leaves the sections as they are
     * @throws dev.llmproxy.release.ReleaseException when an entry is malformed, naming it
     */
    public NotesConfig withSections(String spec) {
        if (spec == null || spec.isBlank()) {
            return this;
        }
        return withTypeSections(SectionsSpec.merge(SectionsSpec.parse(spec), typeSections));
    }

    /** @return the section titles in rendering order, without duplicates */
    List<String> sectionOrder() {
        Set<String> order = new LinkedHashSet<>();
        order.add(BREAKING_TITLE);
        typeSections.stream().filter(r -> !r.hidden()).forEach(r -> order.add(r.title()));
        labelCategories.forEach(c -> order.add(c.title()));
        if (otherTitle != null) {
            order.add(otherTitle);
        }
        return List.copyOf(order);
    }

    /** @return the section title for a commit type and scope, or null when the type is hidden or unmapped */
    String titleForType(String type, String scope) {
        if (hiddenTypes.contains(type)) {
            return null;
        }
        SectionRule rule = ruleFor(type, scope);
        return rule == null || rule.hidden() ? null : rule.title();
    }

    /** @return true when commits of this type and scope never make entries outside "Breaking changes" */
    boolean hides(String type, String scope) {
        SectionRule rule = ruleFor(type, scope);
        return hiddenTypes.contains(type) || rule != null && rule.hidden();
    }

    /** @return the rule for the type and exactly this scope, else the first for the type and any scope */
    private SectionRule ruleFor(String type, String scope) {
        SectionRule anyScope = null;
        for (SectionRule rule : typeSections) {
            if (!rule.type().equals(type)) {
                continue;
            }
            if (rule.scope() == null) {
                if (anyScope == null) {
                    anyScope = rule;
                }
            } else if (rule.scope().equals(scope)) {
                return rule;
            }
        }
        return anyScope;
    }

    /** @return true when a pull request is left out of the notes by the global exclude lists */
    boolean excludes(PullRequestInfo pr) {
        return matchesAny(excludeLabels, pr.labels()) || matchesAuthor(excludeAuthors, pr.authorLogin());
    }

    private static boolean matchesAny(List<String> patterns, List<String> labels) {
        for (String p : patterns) {
            if (p.equals("*") || labels.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAuthor(List<String> patterns, String login) {
        return login != null && (patterns.contains("*") || patterns.contains(login));
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is empty: give it a non-blank value");
        }
        return value;
    }
}
