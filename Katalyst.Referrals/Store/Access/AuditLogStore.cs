using System.Text;
using Dapper;

namespace Katalyst.Referrals.Store.Access;

/// <summary>The append-only audit log: entries are added and searched, never changed or removed.</summary>
public sealed class AuditLogStore(StoreDataSource dataSource)
{
    /// <summary>The largest page a caller may ask for.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The times an append is tried when another writer takes the same place in the chain.</summary>
    public const int AppendAttempts = 8;

    /// <summary>Appends one entry at the head of the hash chain.</summary>
    public async Task AppendAsync(DateTimeOffset at, string userName, string action, string? target, string? detail, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var headSql = dataSource.Provider == StoreProvider.Sqlite ? AuditLogSql.Sqlite.SelectHead : AuditLogSql.SqlServer.SelectHead;
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(headSql, transaction: transaction, cancellationToken: cancellationToken));
                var entry = new AuditChainEntry((head?.Seq ?? 0) + 1, head?.EntryHash ?? AuditChain.Genesis, at, userName, action, target, detail, remoteAddress);
                await connection.ExecuteAsync(new CommandDefinition(AuditLogSql.Shared.Insert, new
                {
                    At = at,
                    UserName = userName,
                    Action = action,
                    Target = target,
                    Detail = detail,
                    RemoteAddress = remoteAddress,
                    entry.Seq,
                    entry.PrevHash,
                    EntryHash = AuditChain.Hash(entry),
                }, transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            catch (System.Data.Common.DbException) when (attempt < AppendAttempts)
            {
                // Another writer took this place in the chain (the unique seq refused ours): read the new head and retry.
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>Walks the whole chain in order and reports the first entry that is missing, out of place or altered.</summary>
    public async Task<AuditChainVerification> VerifyChainAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var unchained = await connection.ExecuteScalarAsync<long>(new CommandDefinition(AuditLogSql.Shared.CountUnchained, cancellationToken: cancellationToken));
        var (expected, previous, count) = (1L, AuditChain.Genesis, 0L);
        // Streamed: a chain of millions of entries is checked without holding it in memory.
        await foreach (var row in connection.QueryUnbufferedAsync<ChainRow>(AuditLogSql.Shared.SelectChain).WithCancellation(cancellationToken))
        {
            var problem = row.Seq != expected ? $"entry {expected} is missing (the next entry is {row.Seq})"
                : row.PrevHash != previous ? "its previous-hash does not match the entry before it"
                : AuditChain.Hash(row.ToEntry()) != row.EntryHash ? "its hash does not match its content: the entry was changed"
                : null;
            if (problem is not null)
            {
                return new AuditChainVerification(count, unchained, expected - 1, previous, new AuditChainBreak(expected, row.Seq == expected ? row.Id : null, problem));
            }

            (expected, previous, count) = (expected + 1, row.EntryHash, count + 1);
        }

        return new AuditChainVerification(count, unchained, expected - 1, previous, null);
    }

    /// <summary>Entries matching <paramref name="search"/>, newest first, one page at a time.</summary>
    /// <param name="search">The filters; a null one matches everything.</param>
    /// <param name="skip">How many entries to skip; zero or more.</param>
    /// <param name="take">How many to return; 1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<AuditEntryPage> SearchAsync(AuditSearch search, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, MaxPageSize);
        var parameters = new
        {
            UserPattern = Contains(search.User),
            Action = string.IsNullOrWhiteSpace(search.Action) ? null : search.Action.Trim(),
            TargetPattern = Contains(search.Target),
            search.From,
            search.To,
            Skip = skip,
            Take = take,
        };
        var pageSql = dataSource.Provider == StoreProvider.Sqlite ? AuditLogSql.Sqlite.Search : AuditLogSql.SqlServer.Search;
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(AuditLogSql.Shared.Count, parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(pageSql, parameters, cancellationToken: cancellationToken));
        return new AuditEntryPage(rows.Select(r => r.ToEntry()).ToList(), total);
    }

    // A LIKE pattern matching the text anywhere, with LIKE's own wildcards taken literally.
    private static string? Contains(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var pattern = new StringBuilder("%");
        foreach (var c in text.Trim())
        {
            if (c is '%' or '_' or '[' or '\\')
            {
                pattern.Append('\\');
            }

            pattern.Append(c);
        }

        return pattern.Append('%').ToString();
    }

    private sealed class HeadRow
    {
        public long Seq { get; init; }

        public string EntryHash { get; init; } = "";
    }

    private sealed class ChainRow
    {
        public long Id { get; init; }

        public long Seq { get; init; }

        public string PrevHash { get; init; } = "";

        public string EntryHash { get; init; } = "";

        public DateTimeOffset At { get; init; }

        public string UserName { get; init; } = "";

        public string Action { get; init; } = "";

        public string? Target { get; init; }

        public string? Detail { get; init; }

        public string? RemoteAddress { get; init; }

        public AuditChainEntry ToEntry() => new(Seq, PrevHash, At, UserName, Action, Target, Detail, RemoteAddress);
    }

    private sealed class EntryRow
    {
        public long Id { get; init; }

        public DateTimeOffset At { get; init; }

        public string UserName { get; init; } = "";

        public string Action { get; init; } = "";

        public string? Target { get; init; }

        public string? Detail { get; init; }

        public string? RemoteAddress { get; init; }

        public AuditEntry ToEntry() => new(Id, At, UserName, Action, Target, Detail, RemoteAddress);
    }
}
