using Dapper;
using Katalyst.Referrals.Store.Queue;

namespace Katalyst.Referrals.Store.Dashboard;

/// <summary>
/// The supervisors' figures over the whole store, or one unit's: referrals received per month, the open backlog by
/// status, unit and tier, and the median time from receipt to first review. Aggregated in the database; the median
/// is read at its offset in an ordered index, never by loading every row.
/// </summary>
public sealed class DashboardStore(StoreDataSource dataSource)
{
    /// <summary>The most months <see cref="ReadAsync"/> reports.</summary>
    public const int MaxMonths = 60;

    private static readonly ReferralStatus[] OpenStatuses = [ReferralStatus.New, ReferralStatus.InReview, ReferralStatus.Assigned, ReferralStatus.Investigating];

    /// <summary>Reads the figures for the whole agency (<paramref name="unitId"/> null) or for one unit.</summary>
    /// <param name="unitId">The unit to limit every figure to, or null.</param>
    /// <param name="now">The present: the last month reported is the one holding it (UTC).</param>
    /// <param name="months">How many calendar months of receipts, 1 to <see cref="MaxMonths"/>.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is outside 1 to <see cref="MaxMonths"/>.</exception>
    public async Task<DashboardFigures> ReadAsync(long? unitId, DateTimeOffset now, int months = 12, CancellationToken cancellationToken = default)
    {
        if (months is < 1 or > MaxMonths)
        {
            throw new ArgumentOutOfRangeException(nameof(months), months, $"The dashboard reports 1 to {MaxMonths} months.");
        }

        var utc = now.ToUniversalTime();
        var from = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1 - months);
        var sqlite = dataSource.Provider == StoreProvider.Sqlite;
        // Each figure scans its own index: on their own connections they run side by side.
        var received = ReceivedAsync(sqlite, unitId, from, months, cancellationToken);
        var backlog = BacklogAsync(unitId, cancellationToken);
        var review = ReviewTimeAsync(sqlite, unitId, cancellationToken);
        await Task.WhenAll(received, backlog, review);

        var rows = await backlog;
        var tiers = Enumerable.Range(1, 6).Select(t => new TierCount(t, rows.Where(r => r.QueueTier == t).Sum(r => r.Referrals))).ToList();
        var statuses = OpenStatuses
            .Select(s => new StatusCount(s, rows.Where(r => r.StatusCode == s.ToCode()).Sum(r => r.Referrals))).ToList();
        var units = rows.GroupBy(r => r.UnitId).Select(g => new UnitCount(g.Key, g.Sum(r => r.Referrals)))
            .OrderByDescending(u => u.Referrals).ThenBy(u => u.UnitId ?? long.MaxValue).ToList();
        return new DashboardFigures(unitId, await received, tiers, statuses, units, await review);
    }

    private async Task<IReadOnlyList<MonthCount>> ReceivedAsync(bool sqlite, long? unitId, DateTimeOffset from, int months, CancellationToken cancellationToken)
    {
        var sql = (sqlite, unitId is not null) switch
        {
            (true, false) => DashboardSql.Sqlite.ReceivedByMonth,
            (true, true) => DashboardSql.Sqlite.ReceivedByMonthForUnit,
            (false, false) => DashboardSql.SqlServer.ReceivedByMonth,
            (false, true) => DashboardSql.SqlServer.ReceivedByMonthForUnit,
        };
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MonthRow>(Command(sql, new { From = from, UnitId = unitId }, cancellationToken));
        var byMonth = rows.ToDictionary(r => (r.Year, r.Month), r => r.Referrals);
        return Enumerable.Range(0, months).Select(i => from.AddMonths(i))
            .Select(m => new MonthCount(m.Year, m.Month, byMonth.GetValueOrDefault((m.Year, m.Month))))
            .ToList();
    }

    private async Task<List<BacklogRow>> BacklogAsync(long? unitId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<BacklogRow>(Command(
            unitId is null ? DashboardSql.Shared.Backlog : DashboardSql.Shared.BacklogForUnit, new { UnitId = unitId }, cancellationToken))).AsList();
    }

    // The median of n values is the middle one (n odd) or the mean of the middle two (n even): one or two rows
    // read at offset (n - 1) / 2 of the ordered index.
    private async Task<ReviewTime> ReviewTimeAsync(bool sqlite, long? unitId, CancellationToken cancellationToken)
    {
        var forUnit = unitId is not null;
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var reviewed = await connection.ExecuteScalarAsync<long>(Command(
            forUnit ? DashboardSql.Shared.CountReviewedForUnit : DashboardSql.Shared.CountReviewed, new { UnitId = unitId }, cancellationToken));
        if (reviewed == 0)
        {
            return new ReviewTime(0, null);
        }

        var sql = (sqlite, forUnit) switch
        {
            (true, false) => DashboardSql.Sqlite.ReviewSecondsAt,
            (true, true) => DashboardSql.Sqlite.ReviewSecondsAtForUnit,
            (false, false) => DashboardSql.SqlServer.ReviewSecondsAt,
            (false, true) => DashboardSql.SqlServer.ReviewSecondsAtForUnit,
        };
        var middle = (await connection.QueryAsync<double>(Command(
            sql, new { UnitId = unitId, Skip = (reviewed - 1) / 2, Take = reviewed % 2 == 0 ? 2 : 1 }, cancellationToken))).AsList();
        return new ReviewTime(reviewed, TimeSpan.FromSeconds(Math.Round(middle.Average(), 3)));
    }

    private static CommandDefinition Command(string sql, object values, CancellationToken cancellationToken) =>
        new(sql, values, cancellationToken: cancellationToken);

    private sealed class MonthRow
    {
        public int Year { get; set; }

        public int Month { get; set; }

        public long Referrals { get; set; }
    }

    private sealed class BacklogRow
    {
        public string StatusCode { get; set; } = "";

        public long? UnitId { get; set; }

        public int QueueTier { get; set; }

        public long Referrals { get; set; }
    }
}
