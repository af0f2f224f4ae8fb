using System.Text.Json;
using Dapper;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Store.Queue;

namespace Katalyst.Referrals.Store;

/// <summary>Keeps the latest score of each referral beside it.</summary>
public sealed class ReferralScoreStore(StoreDataSource dataSource)
{
    /// <summary>Stores the scores, replacing older ones of the same referrals, and updates their queue rows, in one transaction.</summary>
    public async Task SaveAsync(IReadOnlyCollection<ReferralScore> scores, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scores);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await WriteAsync(connection, transaction, scores, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Replaces the scores of the referrals and updates their queue rows inside the caller's transaction.</summary>
    internal static async Task WriteAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, IReadOnlyCollection<ReferralScore> scores, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await connection.ExecuteAsync(new CommandDefinition(ReferralScoreSql.Shared.Delete, scores.Select(s => new { s.ReportId }), transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(ReferralScoreSql.Shared.Insert, scores.Select(s => new
        {
            s.ReportId,
            s.Tier,
            s.TierName,
            s.Score,
            s.ModelTier,
            IndicatorsJson = JsonSerializer.Serialize(s.Indicators, ReferralScore.Json),
            ReasonsJson = JsonSerializer.Serialize(s.Reasons, ReferralScore.Json),
            WarningsJson = JsonSerializer.Serialize(s.Warnings, ReferralScore.Json),
            RulesJson = JsonSerializer.Serialize(s.RulesApplied, ReferralScore.Json),
            s.Models,
            ScoredAt = now,
        }), transaction, cancellationToken: cancellationToken));

        // The queue orders by the scored tier and score: its rows change in the same transaction.
        await QueueRows.UpdateScoresAsync(connection, transaction, scores.Select(s => (s.ReportId, s.Tier, s.Score)), cancellationToken);
    }

    /// <summary>Report numbers of referrals not scored yet, lowest first.</summary>
    public async Task<IReadOnlyList<long>> UnscoredAsync(int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        var sql = dataSource.Provider == StoreProvider.Sqlite ? ReferralScoreSql.Sqlite.SelectUnscored : ReferralScoreSql.SqlServer.SelectUnscored;
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(sql, new { Take = take }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The stored score of one referral, or null.</summary>
    public async Task<ReferralScore?> GetAsync(long reportId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(ReferralScoreSql.Shared.SelectOne, new { ReportId = reportId }, cancellationToken: cancellationToken));
        return row is null ? null : new ReferralScore(
            row.ReportId, row.Tier, row.TierName, row.Score, row.ModelTier,
            JsonSerializer.Deserialize<Dictionary<string, double>>(row.IndicatorsJson, ReferralScore.Json) ?? [],
            JsonSerializer.Deserialize<List<ScoreReason>>(row.ReasonsJson, ReferralScore.Json) ?? [],
            JsonSerializer.Deserialize<List<string>>(row.WarningsJson, ReferralScore.Json) ?? [],
            JsonSerializer.Deserialize<List<string>>(row.RulesJson, ReferralScore.Json) ?? [],
            row.Models);
    }

    private sealed class Row
    {
        public long ReportId { get; init; }

        public int Tier { get; init; }

        public string TierName { get; init; } = "";

        public double Score { get; init; }

        public int ModelTier { get; init; }

        public string IndicatorsJson { get; init; } = "[]";

        public string ReasonsJson { get; init; } = "[]";

        public string WarningsJson { get; init; } = "[]";

        public string RulesJson { get; init; } = "[]";

        public string Models { get; init; } = "";
    }
}
