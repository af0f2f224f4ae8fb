using Katalyst.Protos.V1;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Intake.Packages;

namespace Katalyst.Referrals.Scoring;

/// <summary>A package read for scoring: the request, or why it could not be read (with the report number when known).</summary>
public sealed record PackageScoringInput(string Package, long? ReportId, ScoreRequest? Request, string? Error);

/// <summary>
/// Reads a package on disk straight into a scoring request, without storing anything: for <c>katalyst score</c> and
/// for training. It is intake's own reader with no evidence store, so the same format rules apply; bytes are only hashed.
/// </summary>
public sealed class PackageScoringReader(ScoringContext context, IntakeOptions? options = null)
{
    private readonly PackageReader reader = new(evidence: null, options ?? new IntakeOptions());

    /// <summary>Reads one package.</summary>
    public async Task<PackageScoringInput> ReadAsync(ReferralPackage package, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        var outcome = await reader.ReadAsync(package, cancellationToken);
        if (outcome.Rejection is { } rejection)
        {
            return new PackageScoringInput(package.Name, rejection.ReportId, null, rejection.ToString());
        }

        var referral = outcome.Referral!;
        var files = referral.Files.Select(f => new FileFacts(f.FileId, f.Details, f.Hashes?.Md5, f.Hashes?.Sha1));
        return new PackageScoringInput(package.Name, referral.Manifest.ReportId,
            ScoreRequestMapper.Map(referral.Manifest, referral.Report, files, context), null);
    }
}
