namespace Katalyst.Referrals.Store;

/// <summary>The SQL behind <see cref="ReferralQueries"/>.</summary>
internal static class ReferralQuerySql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        public const string Count = """
            SELECT COUNT(*) FROM referrals
            """;
    }

    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        public const string ListNewestFirst = """
            SELECT report_id, received_at, report_type, ncmec_priority, country, incident_type, platform,
                   escalated, file_count
            FROM referrals
            ORDER BY received_at DESC, report_id DESC
            LIMIT @Take OFFSET @Skip
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        public const string ListNewestFirst = """
            SELECT report_id, received_at, report_type, ncmec_priority, country, incident_type, platform,
                   escalated, file_count
            FROM referrals
            ORDER BY received_at DESC, report_id DESC
            OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY
            """;
    }
}
