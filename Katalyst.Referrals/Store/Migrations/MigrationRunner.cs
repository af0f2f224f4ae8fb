using Dapper;
using Microsoft.Extensions.Logging;

namespace Katalyst.Referrals.Store.Migrations;

/// <summary>
/// Applies the numbered migrations of the store's dialect in order, each in its own transaction, and records
/// each one it applied in <c>schema_migrations</c>. Running it again changes nothing.
/// </summary>
public sealed partial class MigrationRunner(StoreDataSource dataSource, ILogger<MigrationRunner> logger)
{
    /// <summary>Applies every migration not yet recorded; returns the versions it applied.</summary>
    public async Task<IReadOnlyList<int>> ApplyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var createJournal = dataSource.Provider == StoreProvider.Sqlite
            ? MigrationSql.Sqlite.CreateJournal
            : MigrationSql.SqlServer.CreateJournal;
        await connection.ExecuteAsync(new CommandDefinition(createJournal, cancellationToken: cancellationToken));

        var applied = (await connection.QueryAsync<int>(
            new CommandDefinition(MigrationSql.Shared.SelectApplied, cancellationToken: cancellationToken))).ToHashSet();

        var appliedNow = new List<int>();
        foreach (var migration in Migration.For(dataSource.Provider))
        {
            if (applied.Contains(migration.Version))
            {
                continue;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (dataSource.Provider == StoreProvider.SqlServer)
            {
                // Several portal replicas (and an upgrade job) may start together: one migrates at a time. SQLite's
                // transactions are already BEGIN IMMEDIATE, one writer at a time.
                await connection.ExecuteAsync(new CommandDefinition(MigrationSql.SqlServer.TakeLock, transaction: transaction, cancellationToken: cancellationToken));
            }

            // Another process (the portal and the CLI both migrate at start) may have applied it meanwhile.
            var appliedMeanwhile = await connection.QueryAsync<int>(
                new CommandDefinition(MigrationSql.Shared.SelectApplied, transaction: transaction, cancellationToken: cancellationToken));
            if (appliedMeanwhile.Contains(migration.Version))
            {
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(migration.Script, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                MigrationSql.Shared.InsertApplied,
                new { migration.Version, migration.Name, AppliedAt = DateTimeOffset.UtcNow },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            LogApplied(migration.Version, migration.Name, dataSource.Provider);
            appliedNow.Add(migration.Version);
        }

        return appliedNow;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} {Name} ({Provider})")]
    private partial void LogApplied(int version, string name, StoreProvider provider);
}
