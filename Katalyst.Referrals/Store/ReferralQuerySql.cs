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

        public const string SelectReferral = """
            SELECT report_id, received_at, report_type, ncmec_priority, country, incident_type, platform,
                   escalated, file_count, manifest_json, report_xml, imported_at
            FROM referrals
            WHERE report_id = @ReportId
            """;

        public const string SelectFiles = """
            SELECT f.file_id, f.details_xml, f.bytes_name, f.sha256, e.md5, e.sha1, e.byte_length, f.esp_hash_mismatch
            FROM referral_files f
            LEFT JOIN evidence e ON e.sha256 = f.sha256
            WHERE f.report_id = @ReportId
            ORDER BY f.file_id
            """;
    }

    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        public const string ListNewestFirst = """
            SELECT r.report_id, r.received_at, r.report_type, r.ncmec_priority, r.country, r.incident_type, r.platform,
                   r.escalated, r.file_count, s.tier, s.tier_name, s.score, s.reasons_json
            FROM referrals r
            LEFT JOIN referral_scores s ON s.report_id = r.report_id
            ORDER BY r.received_at DESC, r.report_id DESC
            LIMIT @Take OFFSET @Skip
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        public const string ListNewestFirst = """
            SELECT r.report_id, r.received_at, r.report_type, r.ncmec_priority, r.country, r.incident_type, r.platform,
                   r.escalated, r.file_count, s.tier, s.tier_name, s.score, s.reasons_json
            FROM referrals r
            LEFT JOIN referral_scores s ON s.report_id = r.report_id
            ORDER BY r.received_at DESC, r.report_id DESC
            OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY
            """;
    }
}
