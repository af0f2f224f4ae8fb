using Dapper;
using Katalyst.Referrals.Store;

namespace Katalyst.Referrals.Linking;

/// <summary>One referral and the subject it belongs to.</summary>
/// <param name="ReportId">The referral.</param>
/// <param name="SubjectId">Its subject.</param>
public sealed record ReferralSubject(long ReportId, long SubjectId);

/// <summary>What scoring needs to know about a referral's subject.</summary>
/// <param name="LinkedReferrals">How many other referrals share its subject.</param>
/// <param name="LinkedMaxTier">The most urgent tier (1 is most urgent) among them; null when none is scored.</param>
public sealed record LinkedSummary(int LinkedReferrals, int? LinkedMaxTier);

/// <summary>Reads subjects back: the export of every referral's subject, and the linked summary scoring uses.</summary>
public sealed class SubjectQueries(StoreDataSource dataSource)
{
    /// <summary>Every stored referral with its subject, by report number. A referral stored before linking existed is its own subject.</summary>
    public async IAsyncEnumerable<ReferralSubject> ExportAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await foreach (var row in connection.QueryUnbufferedAsync<ExportRow>(LinkingSql.Shared.ExportSubjects).WithCancellation(cancellationToken))
        {
            yield return new ReferralSubject(row.ReportId, row.SubjectId ?? -row.ReportId);
        }
    }

    /// <summary>How many referrals share <paramref name="reportId"/>'s subject, and the most urgent tier among them.</summary>
    public async Task<LinkedSummary> LinkedSummaryAsync(long reportId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<SummaryRow>(new CommandDefinition(
            LinkingSql.Shared.LinkedSummary, new { ReportId = reportId }, cancellationToken: cancellationToken));
        return new LinkedSummary((int)row.LinkedReferrals, row.LinkedMaxTier is { } tier ? (int)tier : null);
    }

    private sealed class ExportRow
    {
        public long ReportId { get; set; }
        public long? SubjectId { get; set; }
    }

    private sealed class SummaryRow
    {
        public long LinkedReferrals { get; set; }
        public long? LinkedMaxTier { get; set; }
    }
}
