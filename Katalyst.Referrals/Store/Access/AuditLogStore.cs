using System.Text;
using Dapper;

namespace Katalyst.Referrals.Store.Access;

/// <summary>The append-only audit log: entries are added and searched, never changed or removed.</summary>
public sealed class AuditLogStore(StoreDataSource dataSource)
{
    /// <summary>The largest page a caller may ask for.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Appends one entry.</summary>
    public async Task AppendAsync(DateTimeOffset at, string userName, string action, string? target, string? detail, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(AuditLogSql.Shared.Insert, new
        {
            At = at,
            UserName = userName,
            Action = action,
            Target = target,
            Detail = detail,
            RemoteAddress = remoteAddress,
        }, cancellationToken: cancellationToken));
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
