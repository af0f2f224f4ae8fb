using Dapper;

namespace Katalyst.Referrals.Store.Migrations;

/// <summary>Which of the dialect's migrations the store has not applied yet: what readiness asks before a service serves.</summary>
public sealed class MigrationStatus(StoreDataSource dataSource)
{
    /// <summary>
    /// The versions not yet recorded in <c>schema_migrations</c>, in order; every version when the journal does not exist.
    /// </summary>
    /// <exception cref="System.Data.Common.DbException">The store cannot be reached.</exception>
    public async Task<IReadOnlyList<int>> PendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        HashSet<int> applied;
        try
        {
            applied = (await connection.QueryAsync<int>(
                new CommandDefinition(MigrationSql.Shared.SelectApplied, cancellationToken: cancellationToken))).ToHashSet();
        }
        catch (System.Data.Common.DbException) when (connection.State == System.Data.ConnectionState.Open)
        {
            applied = []; // reachable, but no journal yet: nothing is migrated
        }

        return Migration.For(dataSource.Provider).Select(m => m.Version).Where(v => !applied.Contains(v)).ToList();
    }
}
