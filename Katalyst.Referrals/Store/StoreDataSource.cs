using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Katalyst.Referrals.Store;

/// <summary>
/// The one place that opens connections to the referral store. Each call opens its own connection;
/// connection pooling makes that cheap.
/// </summary>
public sealed class StoreDataSource
{
    private readonly string connectionString;

    /// <summary>Creates a data source for the given provider and connection string.</summary>
    public StoreDataSource(StoreProvider provider, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Provider = provider;
        this.connectionString = provider == StoreProvider.Sqlite
            ? PrepareSqlite(connectionString)
            : connectionString;
        StoreTypeHandlers.Register();
    }

    /// <summary>The database engine behind this data source.</summary>
    public StoreProvider Provider { get; }

    /// <summary>Creates a data source from validated <see cref="StoreOptions"/>.</summary>
    public static StoreDataSource FromOptions(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new StoreDataSource(options.Provider, options.ConnectionString);
    }

    /// <summary>Opens a new connection; the caller disposes it.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Provider == StoreProvider.Sqlite
            ? new SqliteConnection(connectionString)
            : new SqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection sqlite)
            {
                await ApplySqlitePragmasAsync(sqlite, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // WAL lets the portal read while an import writes; NORMAL sync is durable across process crashes
    // (the intake re-imports idempotently after a power loss); foreign keys are off by default in SQLite.
    private const string SqlitePragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA foreign_keys = ON;
        PRAGMA busy_timeout = 30000;
        """;

    private static async Task ApplySqlitePragmasAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SqlitePragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("The SQLite connection string names no Data Source.", nameof(connectionString));
        }

        if (builder.Mode != SqliteOpenMode.Memory && builder.DataSource != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        builder.Pooling = true;
        return builder.ToString();
    }
}
