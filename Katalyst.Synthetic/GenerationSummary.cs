namespace Katalyst.Synthetic;

/// <summary>What one <see cref="ReferralGenerator.Generate"/> run wrote.</summary>
/// <param name="Packages">Referral packages written.</param>
/// <param name="FileDetails">fileDetails documents written, over all packages.</param>
/// <param name="MediaFiles">Image byte files written (zero without media).</param>
/// <param name="KnownHashes">Rows written to <c>known-hashes.csv</c>.</param>
/// <param name="DeliberateHashMismatches">fileDetails whose MD5 was deliberately wrong (listed in <c>hash-mismatches.csv</c>).</param>
/// <param name="PackagesPerTier">Packages per tier; index 0 is tier 1.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
public sealed record GenerationSummary(
    int Packages,
    long FileDetails,
    long MediaFiles,
    int KnownHashes,
    int DeliberateHashMismatches,
    IReadOnlyList<int> PackagesPerTier,
    TimeSpan Elapsed);
