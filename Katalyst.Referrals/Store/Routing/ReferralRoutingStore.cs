using Dapper;
using Katalyst.Referrals.Geography;

namespace Katalyst.Referrals.Store.Routing;

/// <summary>A referral's stored location and the unit it was routed to.</summary>
/// <param name="ReportId">The referral.</param>
/// <param name="Location">Where it was placed and by which source.</param>
/// <param name="UnitId">The routed unit, or null.</param>
/// <param name="UnitCode">The unit's code, when routed.</param>
/// <param name="UnitName">The unit's name, when routed.</param>
/// <param name="Reason">Why that unit (or why none).</param>
/// <param name="RoutedAt">When routing ran.</param>
public sealed record ReferralRouting(long ReportId, ReferralLocation Location, long? UnitId, string? UnitCode, string? UnitName, string Reason, DateTimeOffset RoutedAt);

/// <summary>Where each referral was placed and routed: written once per referral by <see cref="ReferralRoutingRun"/>.</summary>
public sealed class ReferralRoutingStore(StoreDataSource dataSource)
{
    /// <summary>Referrals not routed yet, lowest report number first.</summary>
    public async Task<IReadOnlyList<long>> UnroutedAsync(int limit, CancellationToken cancellationToken = default)
    {
        var sql = dataSource.Provider == StoreProvider.Sqlite ? RoutingSql.Sqlite.SelectUnrouted : RoutingSql.SqlServer.SelectUnrouted;
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<long>(new CommandDefinition(sql, new { Limit = limit }, cancellationToken: cancellationToken))];
    }

    /// <summary>Stores each referral's location and decision and moves an unheld referral to its unit, all in one transaction.</summary>
    public async Task SaveAsync(IReadOnlyList<(long ReportId, ReferralLocation Location, RoutingDecision Decision)> routed, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        foreach (var (reportId, location, decision) in routed)
        {
            await WriteAsync(connection, transaction, reportId, location, decision, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Stores one referral's location and decision and moves it to its unit unless someone holds it, in <paramref name="transaction"/>.</summary>
    internal static async Task WriteAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, long reportId, ReferralLocation location, RoutingDecision decision,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var values = new
        {
            ReportId = reportId, location.Country, location.Province, location.District, Source = location.Source.ToString(),
            location.Evidence, location.PhoneOperator, decision.UnitId, RouteReason = decision.Reason, RoutedAt = now,
        };
        await connection.ExecuteAsync(new CommandDefinition(RoutingSql.Shared.InsertLocation, values, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(RoutingSql.Shared.RouteQueueRow, values, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>A referral's location and routing, or null when it has not been routed.</summary>
    public async Task<ReferralRouting?> GetAsync(long reportId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(RoutingSql.Shared.SelectLocation, new { ReportId = reportId }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var source = Enum.TryParse<LocationSource>(row.Source, out var parsed) ? parsed : LocationSource.Unknown;
        var location = new ReferralLocation(row.Country, row.Province, row.District, source, row.Evidence, row.PhoneOperator);
        return new ReferralRouting(row.ReportId, location, row.UnitId, row.UnitCode, row.UnitName, row.RouteReason, row.RoutedAt);
    }

    private sealed class Row
    {
        public long ReportId { get; init; }

        public string? Country { get; init; }

        public string? Province { get; init; }

        public string? District { get; init; }

        public string Source { get; init; } = "";

        public string Evidence { get; init; } = "";

        public string? PhoneOperator { get; init; }

        public long? UnitId { get; init; }

        public string? UnitCode { get; init; }

        public string? UnitName { get; init; }

        public string RouteReason { get; init; } = "";

        public DateTimeOffset RoutedAt { get; init; }
    }
}
