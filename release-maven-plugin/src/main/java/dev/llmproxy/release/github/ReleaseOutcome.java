package dev.llmproxy.release.github;

import java.util.List;

/**
 * What {@link GitHubReleaser#sync} did, or in a dry run would do.
 *
 * @param action create, update (some field changed) or unchanged
 * @param releaseId the release's id, null when a dry run would create one
 * @param htmlUrl the release page, null when a dry run would create one
 * @param draft whether the release is (or would be) a draft at the end
 * @param publishedNow whether this run published it (the moment to notify)
 * @param assets one entry per expected asset, in upload order ({@code SHA256SUMS} last)
 * @param dryRun whether nothing was written
 * @param createdAt GitHub's {@code created_at} of the release (ISO-8601, e.g. {@code 2026-03-01T10:00:00Z}), null
 *     when a dry run would create it; notifications look for their own earlier comments from then on
 */
public record ReleaseOutcome(Action action, Long releaseId, String htmlUrl, boolean draft, boolean publishedNow,
        List<AssetOutcome> assets, boolean dryRun, String createdAt) {

    /** What happened to the release itself. */
    public enum Action { CREATE, UPDATE, UNCHANGED }

    /** What happened to one asset. */
    public enum AssetAction { UPLOAD, KEEP, REPLACE }

    /**
     * @param storedName the name on GitHub
     * @param size bytes
     * @param action upload (missing), keep (same name and size, state uploaded) or replace (delete, then upload)
     */
    public record AssetOutcome(String storedName, long size, AssetAction action) {
    }

    /** Copies the list. */
    public ReleaseOutcome {
        assets = List.copyOf(assets);
    }

    /** An outcome without a creation time. */
    public ReleaseOutcome(Action action, Long releaseId, String htmlUrl, boolean draft, boolean publishedNow,
            List<AssetOutcome> assets, boolean dryRun) {
        this(action, releaseId, htmlUrl, draft, publishedNow, assets, dryRun, null);
    }

    /** @return a multi-line human summary, e.g. for a dry run: {@code create draft release for v1.4.0} and one line per asset */
    public String describe() {
        StringBuilder text = new StringBuilder(dryRun ? "would " : "")
                .append(action.name().toLowerCase(java.util.Locale.ROOT)).append(draft ? " draft" : " published")
                .append(" release").append(releaseId == null ? "" : " " + releaseId)
                .append(htmlUrl == null ? "" : " (" + htmlUrl + ")");
        for (AssetOutcome asset : assets) {
            text.append("\n  ").append(asset.action().name().toLowerCase(java.util.Locale.ROOT)).append(' ')
                    .append(asset.storedName()).append(" (").append(asset.size()).append(" bytes)");
        }
        return text.toString();
    }
}
