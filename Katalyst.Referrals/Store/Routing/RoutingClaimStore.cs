using Dapper;
using Katalyst.Referrals.Geography;

namespace Katalyst.Referrals.Store.Routing;

/// <summary>
/// Claims on referrals to route (<c>referral_routing_claims</c>, migration 0014): a lease in the database, as the
/// scoring outbox's and the media analysis's, so portal instances on one store never locate and route a referral twice.
/// </summary>
public sealed class RoutingClaimStore(StoreDataSource dataSource, TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>Claims up to <paramref name="take"/> unrouted referrals no live claim holds, for <paramref name="claimer"/> until <paramref name="lease"/> from now; lowest report number first.</summary>
    public async Task<IReadOnlyList<long>> ClaimAsync(string claimer, int take, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claimer);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        var sql = dataSource.Provider == StoreProvider.Sqlite ? RoutingClaimSql.Sqlite.Claim : RoutingClaimSql.SqlServer.Claim;
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var claimed = await connection.QueryAsync<long>(new CommandDefinition(sql, new { Claimer = claimer, Until = now + lease, Now = now, Take = take }, cancellationToken: cancellationToken));
        return [.. claimed.Order()];
    }

    /// <summary>
    /// Stores the location and decision of each referral <paramref name="claimer"/> still holds and ends its claim, in one
    /// transaction; returns how many were stored (a claim lost to another instance after its lease lapsed stores nothing).
    /// </summary>
    public async Task<int> CompleteAsync(string claimer, IReadOnlyList<(long ReportId, ReferralLocation Location, RoutingDecision Decision)> routed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(routed);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var stored = 0;
        foreach (var (reportId, location, decision) in routed)
        {
            var held = await connection.ExecuteAsync(new CommandDefinition(RoutingClaimSql.Shared.DeleteClaim, new { ReportId = reportId, Claimer = claimer }, transaction, cancellationToken: cancellationToken));
            if (held == 1)
            {
                await ReferralRoutingStore.WriteAsync(connection, transaction, reportId, location, decision, now, cancellationToken);
                stored++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>Gives up claims without routing (a failure, or shutdown), so another instance may take the referrals at once.</summary>
    public async Task ReleaseAsync(string claimer, IEnumerable<long> reportIds, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(RoutingClaimSql.Shared.DeleteClaim, reportIds.Select(id => new { ReportId = id, Claimer = claimer }), cancellationToken: cancellationToken));
    }
}
