namespace Katalyst.Referrals.Store.Detail;

/// <summary>The SQL behind <see cref="ReferralDetailQuery"/>.</summary>
internal static class ReferralDetailSql
{
    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        // The linked report numbers arrive as one JSON array: one statement whatever their number.
        public const string StoredAmong = """
            SELECT r.report_id
            FROM referrals r
            WHERE r.report_id IN (SELECT CAST(j.value AS INTEGER) FROM json_each(@ReportIdsJson) j)
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        public const string StoredAmong = """
            SELECT r.report_id
            FROM referrals r
            WHERE r.report_id IN (SELECT CAST(j.value AS BIGINT) FROM OPENJSON(@ReportIdsJson) j)
            """;
    }
}
