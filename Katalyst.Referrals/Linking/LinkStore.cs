using System.Data.Common;
using Dapper;
using Katalyst.Referrals.Store;

namespace Katalyst.Referrals.Linking;

/// <summary>The connection, transaction and dialect linking runs in, with Dapper calls that carry them.</summary>
internal sealed class LinkStore(DbConnection connection, DbTransaction transaction, StoreProvider provider, CancellationToken cancellationToken)
{
    public bool Sqlite => provider == StoreProvider.Sqlite;

    public Task<int> ExecuteAsync(string sql, object parameters) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

    public Task<long> ScalarAsync(string sql, object parameters) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

    public async Task<List<T>> QueryAsync<T>(string sql, object parameters) =>
        (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken))).AsList();
}
