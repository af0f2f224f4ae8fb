using Dapper;

namespace Katalyst.Referrals.Store;

/// <summary>Read-side queries over stored referrals, for the portal and the CLI.</summary>
public sealed class ReferralQueries(StoreDataSource dataSource)
{
    /// <summary>The largest page a caller may ask for.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Referrals newest first (by received time, then report number), one page at a time.</summary>
    /// <param name="skip">How many referrals to skip; zero or more.</param>
    /// <param name="take">How many to return; 1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<ReferralPage> ListNewestFirstAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, MaxPageSize);

        var pageSql = dataSource.Provider == StoreProvider.Sqlite
            ? ReferralQuerySql.Sqlite.ListNewestFirst
            : ReferralQuerySql.SqlServer.ListNewestFirst;

        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(
            new CommandDefinition(ReferralQuerySql.Shared.Count, cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<ReferralSummary>(
            new CommandDefinition(pageSql, new { Skip = skip, Take = take }, cancellationToken: cancellationToken));
        return new ReferralPage(items.AsList(), total);
    }

    /// <summary>How many referrals the store holds.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(
            new CommandDefinition(ReferralQuerySql.Shared.Count, cancellationToken: cancellationToken));
    }
}
