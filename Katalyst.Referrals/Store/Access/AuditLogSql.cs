namespace Katalyst.Referrals.Store.Access;

/// <summary>
/// The SQL behind <see cref="AuditLogStore"/>. There is no UPDATE or DELETE here: the log is append-only, the
/// store's triggers refuse both, and each entry is chained to the one before (<see cref="AuditChain"/>).
/// </summary>
internal static class AuditLogSql
{
    // Every filter is optional: a null parameter switches its condition off. LIKE patterns arrive escaped.
    private const string Where = """
        WHERE (@UserPattern IS NULL OR user_name LIKE @UserPattern ESCAPE '\')
          AND (@Action IS NULL OR action = @Action)
          AND (@TargetPattern IS NULL OR target LIKE @TargetPattern ESCAPE '\')
          AND (@From IS NULL OR at >= @From)
          AND (@To IS NULL OR at < @To)
        """;

    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        public const string Insert = """
            INSERT INTO audit_log (at, user_name, action, target, detail, remote_address, seq, prev_hash, entry_hash)
            VALUES (@At, @UserName, @Action, @Target, @Detail, @RemoteAddress, @Seq, @PrevHash, @EntryHash)
            """;

        public const string SelectChain = """
            SELECT id, seq, prev_hash, entry_hash, at, user_name, action, target, detail, remote_address
            FROM audit_log WHERE seq IS NOT NULL ORDER BY seq
            """;

        public const string CountUnchained = "SELECT COUNT(*) FROM audit_log WHERE seq IS NULL";

        public const string Count = "SELECT COUNT(*) FROM audit_log\n" + Where;
    }

    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        public const string SelectHead = "SELECT seq, entry_hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1";

        public const string Search = "SELECT id, at, user_name, action, target, detail, remote_address FROM audit_log\n" + Where + """

            ORDER BY at DESC, id DESC
            LIMIT @Take OFFSET @Skip
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        public const string SelectHead = "SELECT TOP (1) seq, entry_hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC";

        public const string Search = "SELECT id, at, user_name, action, target, detail, remote_address FROM audit_log\n" + Where + """

            ORDER BY at DESC, id DESC
            OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY
            """;
    }
}
