namespace Katalyst.Referrals.Intake.Import;

/// <summary>Why one package was not imported.</summary>
/// <param name="Package">The package, as an operator would find it.</param>
/// <param name="ReportId">The report number, when the manifest could be read.</param>
/// <param name="FileName">The file at fault inside the package, when there is one.</param>
/// <param name="LineNumber">The line, when there is one.</param>
/// <param name="Element">The element or field, when there is one.</param>
/// <param name="Reason">What is wrong.</param>
public sealed record Rejection(string Package, long? ReportId, string? FileName, int? LineNumber, string? Element, string Reason)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = FileName is null ? "" : $" {FileName}" + (LineNumber is null ? "" : $" line {LineNumber}");
        var element = Element is null ? "" : $", <{Element}>";
        return $"{Package}:{where}{element}: {Reason}";
    }
}

/// <summary>A package whose report number is already stored with different content.</summary>
/// <param name="Package">The package.</param>
/// <param name="ReportId">The report number both share.</param>
public sealed record Conflict(string Package, long ReportId);

/// <summary>Counts while an import runs.</summary>
public sealed record ImportProgress(int Processed, int Imported, int Duplicates, int Conflicts, int Rejected);

/// <summary>What one import did.</summary>
public sealed record ImportSummary(
    int Imported,
    int Duplicates,
    IReadOnlyList<Conflict> Conflicts,
    IReadOnlyList<Rejection> Rejections,
    IReadOnlyList<string> SkippedFiles,
    TimeSpan Elapsed)
{
    /// <summary>Every package looked at.</summary>
    public int Processed => Imported + Duplicates + Conflicts.Count + Rejections.Count;
}
