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

    /// <summary>SQLite statements.</summary>
    public static class Sqlite
    {
        // The person's latest reveal or withdrawal of this file within the window: the file is open only if it is a reveal.
        public const string LatestSince = """
            SELECT action FROM audit_log
            WHERE user_name = @UserName AND target = @Target AND action IN (@Reveal, @Withdraw) AND at >= @Since
            ORDER BY at DESC, id DESC
            LIMIT 1
            """;
    }

    /// <summary>SQL Server statements.</summary>
    public static class SqlServer
    {
        // As Sqlite.LatestSince.
        public const string LatestSince = """
            SELECT TOP (1) action FROM audit_log
            WHERE user_name = @UserName AND target = @Target AND action IN (@Reveal, @Withdraw) AND at >= @Since
            ORDER BY at DESC, id DESC
            """;
    }
}
