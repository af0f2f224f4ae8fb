using System.Data.Common;
using Dapper;
using Katalyst.Referrals.Store;

namespace Katalyst.Referrals.Linking;

/// <summary>The connection, transaction and dialect linking runs in, with Dapper calls that carry them.</summary>
internal sealed class LinkStore(DbConnection connection, DbTransaction transaction, StoreProvider provider, CancellationToken cancellationToken)
{
    public bool Sqlite => provider == StoreProvider.Sqlite;

    /// <summary>Records identifiers ignored as too common, all in one statement; nothing to record runs nothing.</summary>
    public Task InsertIgnoredAsync(IReadOnlyCollection<(long ReportId, string Kind, string Value, int Count)> ignored, DateTimeOffset recordedAt) =>
        ignored.Count == 0 ? Task.CompletedTask : ExecuteAsync(Sqlite ? LinkingSql.Sqlite.InsertIgnored : LinkingSql.SqlServer.InsertIgnored,
            new { Ignored = IdentifierJson.Ignored(ignored), RecordedAt = recordedAt });

    public Task<int> ExecuteAsync(string sql, object parameters) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

    public Task<long> ScalarAsync(string sql, object parameters) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

    public async Task<List<T>> QueryAsync<T>(string sql, object parameters) =>
        (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken))).AsList();
}
