using System.Globalization;
using Katalyst.Referrals.Intake.Import;

namespace Katalyst.Cli.Import;

/// <summary>Writes an import's summary for an operator: the counts, then every conflict and rejection with its reason.</summary>
internal static class ImportSummaryPrinter
{
    public static void Print(ImportSummary summary, TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        var rate = summary.Elapsed.TotalSeconds > 0 ? summary.Processed / summary.Elapsed.TotalSeconds : 0;
        output.WriteLine(string.Create(culture, $"Imported:   {summary.Imported,9:N0}"));
        output.WriteLine(string.Create(culture, $"Duplicates: {summary.Duplicates,9:N0}"));
        output.WriteLine(string.Create(culture, $"Conflicts:  {summary.Conflicts.Count,9:N0}"));
        output.WriteLine(string.Create(culture, $"Rejected:   {summary.Rejections.Count,9:N0}"));
        output.WriteLine(string.Create(culture, $"{summary.Processed:N0} packages in {summary.Elapsed.TotalSeconds:F1} s ({rate:N0} a second)"));

        if (summary.SkippedFiles.Count > 0)
        {
            output.WriteLine(string.Create(culture, $"Skipped {summary.SkippedFiles.Count} files beside the packages (not packages): {string.Join(", ", summary.SkippedFiles.Select(Path.GetFileName))}"));
        }

        foreach (var conflict in summary.Conflicts)
        {
            output.WriteLine(string.Create(culture, $"CONFLICT {conflict.Package}: report {conflict.ReportId} is already stored with different content; the stored one is kept"));
        }

        foreach (var rejection in summary.Rejections)
        {
            output.WriteLine($"REJECTED {rejection}");
        }
    }
}
