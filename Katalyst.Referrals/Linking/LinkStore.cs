using System.Data.Common;
using Katalyst.Referrals.Store;

namespace Katalyst.Referrals.Linking;

/// <summary>
/// The connection, transaction and dialect linking runs in. Every statement runs on the connection's
/// <see cref="PreparedCommands"/>: the linker runs 5 to 10 statements per referral, and preparing each anew cost as
/// much as running it (docs/benchmarks.md, "Linking at 1 million stored referrals").
/// </summary>
internal sealed class LinkStore(DbConnection connection, DbTransaction transaction, StoreProvider provider, CancellationToken cancellationToken)
{
    private readonly PreparedCommands commands = PreparedCommands.For(connection);

    public bool Sqlite => provider == StoreProvider.Sqlite;

    /// <summary>Records identifiers ignored as too common, all in one statement; nothing to record runs nothing.</summary>
    public Task InsertIgnoredAsync(IReadOnlyCollection<(long ReportId, string Kind, string Value, int Count)> ignored, DateTimeOffset recordedAt) =>
        ignored.Count == 0 ? Task.CompletedTask : ExecuteAsync(Sqlite ? LinkingSql.Sqlite.InsertIgnored : LinkingSql.SqlServer.InsertIgnored,
            ("@Ignored", IdentifierJson.Ignored(ignored)), ("@RecordedAt", recordedAt));

    public Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters) =>
        commands.Command(sql, transaction, parameters).ExecuteNonQueryAsync(cancellationToken);

    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters) =>
        Convert.ToInt64(await commands.Command(sql, transaction, parameters).ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="sql"/> and reads each row with <paramref name="read"/>.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        var rows = new List<T>();
        await using var reader = await commands.Command(sql, transaction, parameters).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>A column as a long whatever integer type the dialect returns (SQL Server's INT counts, SQLite's INTEGER).</summary>
    public static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A nullable integer column as a long.</summary>
    public static long? NullableLong(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Long(reader, ordinal);
}
