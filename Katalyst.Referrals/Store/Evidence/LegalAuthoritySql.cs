namespace Katalyst.Referrals.Store.Evidence;

/// <summary>The SQL behind <see cref="LegalAuthorityStore"/>. Records are only added: there is no UPDATE or DELETE.</summary>
internal static class LegalAuthoritySql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        public const string Insert = """
            INSERT INTO referral_legal_authority (report_id, recorded_by, recorded_at, reference, note)
            VALUES (@ReportId, @RecordedBy, @RecordedAt, @Reference, @Note)
            """;

        public const string ReferralExists = "SELECT COUNT(*) FROM referrals WHERE report_id = @ReportId";
    }

    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        public const string Latest = """
            SELECT report_id, recorded_by, recorded_at, reference, note
            FROM referral_legal_authority
            WHERE report_id = @ReportId
            ORDER BY recorded_at DESC, id DESC
            LIMIT 1
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        public const string Latest = """
            SELECT TOP (1) report_id, recorded_by, recorded_at, reference, note
            FROM referral_legal_authority
            WHERE report_id = @ReportId
            ORDER BY recorded_at DESC, id DESC
            """;
    }
}
