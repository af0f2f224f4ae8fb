using System.Globalization;

namespace Katalyst.Referrals.Intake.Import;

/// <summary>
/// An import's summary in words, the same for the command line and the portal: the counts, the two phases' times
/// (storing, then linking, so a benchmark reads the import rate and the linking rate apart), then every conflict and
/// rejection with its reason.
/// </summary>
public static class ImportSummaryText
{
    /// <summary>The summary's lines, counts first.</summary>
    public static IEnumerable<string> Lines(ImportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var culture = CultureInfo.InvariantCulture;
        var rate = summary.StoreElapsed.TotalSeconds > 0 ? summary.Processed / summary.StoreElapsed.TotalSeconds : 0;
        var linkRate = summary.LinkElapsed.TotalSeconds > 0 ? summary.Linked / summary.LinkElapsed.TotalSeconds : 0;
        yield return string.Create(culture, $"Imported:   {summary.Imported,9:N0}");
        yield return string.Create(culture, $"Duplicates: {summary.Duplicates,9:N0}");
        yield return string.Create(culture, $"Conflicts:  {summary.Conflicts.Count,9:N0}");
        yield return string.Create(culture, $"Rejected:   {summary.Rejections.Count,9:N0}");
        yield return string.Create(culture, $"Stored {summary.Processed:N0} packages in {summary.StoreElapsed.TotalSeconds:F1} s ({rate:N0} a second)");
        yield return string.Create(culture, $"Linked {summary.Linked:N0} referrals in {summary.LinkElapsed.TotalSeconds:F1} s ({linkRate:N0} a second)");
        if (summary.LinkingError is { } linkingError)
        {
            yield return $"LINKING STOPPED: {linkingError}. Every referral is stored; those still waiting are linked by the next import or the portal, and are not scored until then.";
        }

        if (summary.SkippedFiles.Count > 0)
        {
            yield return string.Create(culture, $"Skipped {summary.SkippedFiles.Count} files beside the packages (not packages): {string.Join(", ", summary.SkippedFiles.Select(Path.GetFileName))}");
        }

        foreach (var conflict in summary.Conflicts)
        {
            yield return string.Create(culture, $"CONFLICT {conflict.Package}: report {conflict.ReportId} is already stored with different content; the stored one is kept");
        }

        foreach (var rejection in summary.Rejections)
        {
            yield return $"REJECTED {rejection}";
        }
    }
}
