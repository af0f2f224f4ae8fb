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
}
