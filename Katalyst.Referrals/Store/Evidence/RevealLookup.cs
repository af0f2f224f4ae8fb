using Dapper;

namespace Katalyst.Referrals.Store.Evidence;

/// <summary>
/// Answers whether a person revealed a file recently, from the audit log itself: the entry written when they
/// clicked is what lets the full image through, so a crafted address without the click is refused.
/// </summary>
public sealed class RevealLookup(StoreDataSource dataSource)
{
    /// <summary>True when <paramref name="userName"/> has an audit entry <paramref name="action"/> on <paramref name="target"/> at or after <paramref name="since"/>.</summary>
    public async Task<bool> RecordedSinceAsync(string userName, string action, string target, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var count = await connection.ExecuteScalarAsync<int>(new CommandDefinition(RevealLookupSql.Shared.CountSince, new
        {
            UserName = userName,
            Action = action,
            Target = target,
            Since = since,
        }, cancellationToken: cancellationToken));
        return count > 0;
    }

    /// <summary>
    /// True when <paramref name="userName"/>'s latest <paramref name="revealAction"/> or <paramref name="withdrawAction"/>
    /// entry on <paramref name="target"/> at or after <paramref name="since"/> is a reveal: "Blur again" writes the
    /// withdrawal, which shuts the file again until the next deliberate reveal.
    /// </summary>
    public async Task<bool> RevealOpenSinceAsync(string userName, string revealAction, string withdrawAction, string target, DateTimeOffset since,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentException.ThrowIfNullOrWhiteSpace(revealAction);
        ArgumentException.ThrowIfNullOrWhiteSpace(withdrawAction);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var sql = dataSource.Provider == StoreProvider.Sqlite ? RevealLookupSql.Sqlite.LatestSince : RevealLookupSql.SqlServer.LatestSince;
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var latest = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql, new
        {
            UserName = userName,
            Target = target,
            Reveal = revealAction,
            Withdraw = withdrawAction,
            Since = since,
        }, cancellationToken: cancellationToken));
        return string.Equals(latest, revealAction, StringComparison.Ordinal);
    }
}
