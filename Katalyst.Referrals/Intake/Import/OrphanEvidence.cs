using Dapper;
using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Store;

namespace Katalyst.Referrals.Intake.Import;

/// <summary>
/// Removes evidence bytes that an import stored for a package it then did not store (rejected, refused by the store,
/// or in conflict with a stored report) and that no stored referral refers to. Run once the import's writer has
/// committed, so a later package of the same batch that shares the bytes has been stored (and keeps them) by then.
/// </summary>
internal static class OrphanEvidence
{
    public static async Task<int> RemoveAsync(StoreDataSource dataSource, EvidenceStore evidence, IReadOnlyCollection<string> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return 0;
        }

        var removed = 0;
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        foreach (var sha256 in candidates)
        {
            var references = await connection.ExecuteScalarAsync<long>(new CommandDefinition(OrphanEvidenceSql.Shared.CountReferences, new { Sha256 = sha256 }, cancellationToken: cancellationToken));
            if (references == 0 && evidence.RemoveUnreferenced(sha256))
            {
                removed++;
            }
        }

        return removed;
    }
}

/// <summary>The SQL behind <see cref="OrphanEvidence"/>.</summary>
internal static class OrphanEvidenceSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        public const string CountReferences = """
            SELECT COUNT(*) FROM referral_files WHERE sha256 = @Sha256
            """;
    }
}
