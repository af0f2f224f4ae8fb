namespace Katalyst.Referrals.Store.Evidence;

/// <summary>The SQL behind <see cref="RevealLookup"/>: it reads the audit log, never writes it.</summary>
internal static class RevealLookupSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        // Exact user, action and target (no LIKE): a reveal of file f1 must never open f10.
        public const string CountSince = """
            SELECT COUNT(*) FROM audit_log
            WHERE user_name = @UserName AND action = @Action AND target = @Target AND at >= @Since
            """;
    }
}
