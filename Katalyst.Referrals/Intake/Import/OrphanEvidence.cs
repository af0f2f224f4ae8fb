using System.Data.Common;
using Dapper;
using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Store;

namespace Katalyst.Referrals.Intake.Import;

/// <summary>
/// Removes evidence bytes that an import stored for a package it then did not store (rejected, refused by the store,
/// or in conflict with a stored report) and that no stored referral refers to. Run once the import's writer has
/// committed, so a later package of the same batch that shares the bytes has been stored (and keeps them) by then.
/// </summary>
/// <remarks>
/// Another import may be storing a package with the same bytes at the same moment. The check and the removal run in
/// one write transaction (SQLite: the store's single write lock, taken at the start; SQL Server: the count holds a key-range
/// lock on those bytes' rows), and <see cref="Store.ReferralWriter"/> checks that every file's bytes are present after it
/// has written the referral's rows, in its own write transaction. Whichever comes second sees the other: the clean-up
/// counts the new reference and keeps the bytes, or the writer finds them gone and refuses the package with a reason
/// (its source is untouched: import it again). No referral is ever stored without its bytes.
/// </remarks>
internal static class OrphanEvidence
{
    public static async Task<int> RemoveAsync(StoreDataSource dataSource, EvidenceStore evidence, IReadOnlyCollection<string> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return 0;
        }

        var countReferences = dataSource.Provider == StoreProvider.Sqlite ? OrphanEvidenceSql.Sqlite.CountReferences : OrphanEvidenceSql.SqlServer.CountReferences;
        var removed = 0;
        await using var connection = await dataSource.OpenAsync(cancellationToken);

        // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: the store's write lock is held from here, so no other
        // import's batch can be between its rows and its commit while bytes are counted and removed.
        await using DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);

        foreach (var sha256 in candidates)
        {
            var references = await connection.ExecuteScalarAsync<long>(new CommandDefinition(countReferences, new { Sha256 = sha256 }, transaction, cancellationToken: cancellationToken));
            if (references == 0 && evidence.RemoveUnreferenced(sha256))
            {
                removed++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return removed;
    }
}

/// <summary>The SQL behind <see cref="OrphanEvidence"/>.</summary>
internal static class OrphanEvidenceSql
{
    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        public const string CountReferences = """
            SELECT COUNT(*) FROM referral_files WHERE sha256 = @Sha256
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        // HOLDLOCK keeps the range of these bytes' rows locked to the end of the transaction: no referral can start
        // referring to them between the count and the removal.
        public const string CountReferences = """
            SELECT COUNT(*) FROM dbo.referral_files WITH (UPDLOCK, HOLDLOCK) WHERE sha256 = @Sha256
            """;
    }
}
