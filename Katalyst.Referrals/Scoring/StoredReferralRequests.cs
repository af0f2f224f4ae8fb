using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Analysis;

namespace Katalyst.Referrals.Scoring;

/// <summary>
/// Builds the scoring request of a stored referral: read back, mapped (with its subject's linked referrals and their
/// most urgent tier) and, with <paramref name="afterAnalysis"/>, each file's known/new verdict and media signals.
/// </summary>
public sealed class StoredReferralRequests(StoreDataSource dataSource, ScoringContext context, bool afterAnalysis)
{
    private readonly ReferralQueries queries = new(dataSource);
    private readonly SubjectQueries subjects = new(dataSource);
    private readonly FileAnalysisStore analyses = new(dataSource);
    private readonly FileMediaSignalsStore mediaSignals = new(dataSource);

    /// <summary>The request for <paramref name="reportId"/>, or null when no such referral is stored.</summary>
    public async Task<Protos.V1.ScoreRequest?> BuildAsync(long reportId, CancellationToken cancellationToken = default)
    {
        var referral = await queries.GetAsync(reportId, cancellationToken);
        if (referral is null)
        {
            return null;
        }

        var analysed = afterAnalysis ? await analyses.ForReferralAsync(reportId, cancellationToken) : new Dictionary<string, StoredFileAnalysis>();
        var media = afterAnalysis ? await mediaSignals.ForReferralAsync(reportId, cancellationToken) : new Dictionary<string, FileMediaSignals>();
        var files = referral.Files.Select(f => new FileFacts(
            f.FileId, f.Details, f.Md5, f.Sha1, analysed.GetValueOrDefault(f.FileId)?.Verdict, media.GetValueOrDefault(f.FileId)));
        var request = ScoreRequestMapper.Map(referral.Manifest, referral.Report, files, context);
        var linked = await subjects.LinkedSummaryAsync(reportId, cancellationToken);
        request.LinkedReferrals = Math.Max(request.LinkedReferrals, linked.LinkedReferrals);
        request.LinkedMaxTier = linked.LinkedMaxTier ?? 0;
        return request;
    }
}
