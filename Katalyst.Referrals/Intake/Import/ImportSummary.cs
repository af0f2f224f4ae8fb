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

/// <summary>What one import did, in its two phases: storing every package, then linking the waiting referrals.</summary>
/// <param name="Imported">New referrals stored.</param>
/// <param name="Duplicates">Packages already stored with the same content.</param>
/// <param name="Conflicts">Packages whose report number is stored with different content.</param>
/// <param name="Rejections">Packages refused, with why.</param>
/// <param name="SkippedFiles">Files beside the packages that are not packages.</param>
/// <param name="StoreElapsed">Time to read and store every package (the import rate's time).</param>
/// <param name="Linked">Referrals linked from the linking outbox afterwards (this import's and any an earlier one left); 0 with linking off.</param>
/// <param name="LinkElapsed">Time to link them.</param>
public sealed record ImportSummary(
    int Imported,
    int Duplicates,
    IReadOnlyList<Conflict> Conflicts,
    IReadOnlyList<Rejection> Rejections,
    IReadOnlyList<string> SkippedFiles,
    TimeSpan StoreElapsed,
    int Linked,
    TimeSpan LinkElapsed)
{
    /// <summary>Every package looked at.</summary>
    public int Processed => Imported + Duplicates + Conflicts.Count + Rejections.Count;

    /// <summary>The whole import: storing and linking.</summary>
    public TimeSpan Elapsed => StoreElapsed + LinkElapsed;

    /// <summary>
    /// Why linking stopped before every waiting referral was linked (the store refused it), or null. Everything stored
    /// stays stored; the referrals still waiting are linked by the next import or the portal's linking loop.
    /// </summary>
    public string? LinkingError { get; init; }
}
