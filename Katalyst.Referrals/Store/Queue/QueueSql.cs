namespace Katalyst.Referrals.Store.Queue;

/// <summary>
/// The SQL behind <see cref="QueueStore"/> and the writers that keep <c>referral_queue</c> current. A page query
/// is assembled from the fragments in <see cref="QueuePageSql"/>; the statements here run as they stand.
/// </summary>
internal static class QueueSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        // Held by a unit that is not the person's, and not assigned to them (written out so that NULLs never match).
        public const string OutOfScope = """
            SELECT COUNT(*) FROM referral_queue q
            WHERE q.report_id = @ReportId
              AND q.unit_id IS NOT NULL
              AND (@ScopeUnitId IS NULL OR q.unit_id <> @ScopeUnitId)
              AND (q.assignee_user_id IS NULL OR q.assignee_user_id <> @ScopeUserId)
            """;

        public const string InsertRow = """
            INSERT INTO referral_queue (report_id, received_at, incident_type, status, status_changed_at, text_indexed)
            VALUES (@ReportId, @ReceivedAt, @IncidentType, 'new', @Now, 0)
            """;

        public const string UpdateScore = """
            UPDATE referral_queue SET scored_tier = @Tier, score = @Score WHERE report_id = @ReportId
            """;

        public const string SelectStatus = """
            SELECT status FROM referral_queue WHERE report_id = @ReportId
            """;

        // The status guard makes the update a no-op when another person changed the referral meanwhile.
        public const string MarkReviewed = """
            UPDATE referral_queue
            SET status = 'in_review', first_reviewed_at = COALESCE(first_reviewed_at, @Now), status_changed_at = @Now
            WHERE report_id = @ReportId AND status = 'new'
            """;

        // Assigning a referral under investigation changes who works it, not its status. Assignment is a review.
        public const string Assign = """
            UPDATE referral_queue
            SET assignee_user_id = COALESCE(@UserId, assignee_user_id),
                unit_id = COALESCE(@UnitId, unit_id),
                status = CASE WHEN status = 'investigating' THEN status ELSE 'assigned' END,
                status_changed_at = CASE WHEN status IN ('new', 'in_review') THEN @Now ELSE status_changed_at END,
                first_reviewed_at = COALESCE(first_reviewed_at, @Now)
            WHERE report_id = @ReportId AND status IN ('new', 'in_review', 'assigned', 'investigating')
            """;

        public const string MarkTextIndexed = """
            UPDATE referral_queue SET text_indexed = 1 WHERE report_id = @ReportId
            """;
    }

    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        public const string InsertText = """
            INSERT INTO referral_queue_text (rowid, body) VALUES (@ReportId, @Body)
            """;

        public const string SelectUnindexed = """
            SELECT q.report_id, r.report_xml
            FROM referral_queue q
            JOIN referrals r ON r.report_id = q.report_id
            WHERE q.text_indexed = 0
            ORDER BY q.report_id
            LIMIT @Take
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        public const string InsertText = """
            UPDATE referral_queue SET body_text = @Body WHERE report_id = @ReportId
            """;

        public const string SelectUnindexed = """
            SELECT TOP (@Take) q.report_id, r.report_xml
            FROM referral_queue q
            JOIN referrals r ON r.report_id = q.report_id
            WHERE q.text_indexed = 0
            ORDER BY q.report_id
            """;
    }
}
