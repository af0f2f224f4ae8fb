namespace Katalyst.Cli.Bench;

/// <summary>The SQL <c>katalyst bench queue</c> fills a SQLite store with: synthetic rows straight into the tables.</summary>
internal static class QueueBenchSql
{
    /// <summary>SQLite only: the benchmark store is the embedded one.</summary>
    public static class Sqlite
    {
        public const string CountReferrals = "SELECT COUNT(*) FROM referrals";

        public const string MaxReportId = "SELECT COALESCE(MAX(report_id), 0) FROM referrals";

        public const string InsertReferral = """
            INSERT INTO referrals (report_id, received_at, report_type, ncmec_priority, country, incident_type, incident_at,
                                   platform, escalated, file_count, bundled_count, package_sha256, manifest_json, report_xml, imported_at)
            VALUES (@ReportId, @ReceivedAt, @ReportType, NULL, 'PK', @IncidentType, @ReceivedAt,
                    @Platform, @Escalated, @FileCount, NULL, @PackageSha256, '{}', '<report/>', @ReceivedAt)
            """;

        public const string InsertScore = """
            INSERT INTO referral_scores (report_id, tier, tier_name, score, model_tier, indicators_json, reasons_json,
                                         warnings_json, rules_json, models, scored_at)
            VALUES (@ReportId, @Tier, @TierName, @Score, @Tier, '{}', @ReasonsJson, '[]', '[]', 'bench', @ReceivedAt)
            """;

        public const string InsertQueueRow = """
            INSERT INTO referral_queue (report_id, received_at, incident_type, scored_tier, score, status, assignee_user_id,
                                        unit_id, first_reviewed_at, status_changed_at, text_indexed)
            VALUES (@ReportId, @ReceivedAt, @IncidentType, @Tier, @Score, @Status, @AssigneeUserId,
                    @UnitId, @FirstReviewedAt, @ReceivedAt, 1)
            """;

        public const string InsertText = "INSERT INTO referral_queue_text (rowid, body) VALUES (@ReportId, @Body)";

        // Fresh statistics let the planner choose between the order index and a filter's index.
        public const string Analyze = "ANALYZE";
    }
}
