namespace Katalyst.Referrals.Store.Queue;

/// <summary>
/// The pieces a queue page query is built from (<see cref="QueuePageStatement"/>): one WHERE condition per filter and
/// one ORDER BY per order, so that each query names only the columns its filter uses and SQLite's planner can
/// pick the index for it (a catch-all <c>(@X IS NULL OR …)</c> would defeat every index). The pieces are not
/// statements on their own; the store's tests build every combination and prepare or parse it.
/// </summary>
internal static class QueuePageSql
{
    /// <summary>Where the WHERE clause goes in a template.</summary>
    public const string WherePlaceholder = "/*where*/";

    /// <summary>Where the ORDER BY list goes in a template.</summary>
    public const string OrderPlaceholder = "/*order*/";

    /// <summary>Pieces that read the same on both dialects.</summary>
    public static class Common
    {
        public const string Count = """
            SELECT COUNT(*) FROM referral_queue q
            /*where*/
            """;

        public const string Tier = "q.queue_tier = @Tier";
        public const string MinScore = "q.score >= @MinScore";
        public const string MaxScore = "q.score <= @MaxScore";
        public const string Status = "q.status = @Status";
        public const string IncidentType = "q.incident_type = @IncidentType";
        public const string UnitId = "q.unit_id = @UnitId";
        public const string Province = "q.province = @Province";
        public const string AssigneeUserId = "q.assignee_user_id = @AssigneeUserId";
        public const string Scope = "(q.unit_id IS NULL OR q.unit_id = @ScopeUnitId OR q.assignee_user_id = @ScopeUserId)";
        public const string ReceivedFrom = "q.received_at >= @ReceivedFrom";
        public const string ReceivedBefore = "q.received_at < @ReceivedBefore";

        // Each order names the index-backed key in full, ending in report_id so that pages never overlap.
        public const string PriorityOrder = "q.queue_tier, q.score DESC, q.received_at, q.report_id";
        public const string PriorityReversed = "q.queue_tier DESC, q.score, q.received_at DESC, q.report_id DESC";
        public const string ScoreOrder = "q.score DESC, q.report_id DESC";
        public const string ScoreReversed = "q.score, q.report_id";
        public const string ReceivedOrder = "q.received_at, q.report_id";
        public const string ReceivedReversed = "q.received_at DESC, q.report_id DESC";

        // The page is chosen on referral_queue alone (its indexes cover the filter and the order); only the
        // chosen rows are joined to the referral and its score for display.
        public const string Columns = """
            SELECT q.report_id, q.received_at, r.report_type, r.ncmec_priority, r.country, q.incident_type, r.platform,
                   r.escalated, r.file_count, COALESCE(q.tier_override, q.scored_tier) AS tier, s.tier_name, q.score,
                   s.reasons_json, q.scored_tier, q.tier_override, q.status AS status_code, q.assignee_user_id, q.unit_id,
                   q.first_reviewed_at
            """;
    }

    /// <summary>SQLite pieces.</summary>
    public static class SqliteDialect
    {
        // The unary + keeps SQLite from driving the query by the text matches (one table lookup per match, then a
        // sort: 0.5–0.9 s for 100,000 matches at a million referrals). The matches become a set that the order's
        // or the other filter's index is checked against while it is walked (docs/benchmarks.md).
        public const string Text = "+q.report_id IN (SELECT rowid FROM referral_queue_text WHERE referral_queue_text MATCH @Text)";

        // Without the +: the matches drive the query. Used when text is the only filter and the count found few
        // matches, where walking the whole order index for them would cost more than looking each one up.
        public const string TextDriving = "q.report_id IN (SELECT rowid FROM referral_queue_text WHERE referral_queue_text MATCH @Text)";

        // When text is the only filter, the FTS table counts its own matches: every row in it has its queue row.
        public const string CountTextOnly = "SELECT COUNT(*) FROM referral_queue_text WHERE referral_queue_text MATCH @Text";

        // The inner query names only index columns, so that a filter's index covers it and the rows a range
        // matches are sorted without visiting the table; the page's own rows are read afterwards.
        public const string Page = Common.Columns + """

            FROM (
                SELECT q.report_id, q.queue_tier, q.score, q.received_at
                FROM referral_queue q
                /*where*/
                ORDER BY /*order*/
                LIMIT @Take OFFSET @Skip
            ) k
            JOIN referral_queue q ON q.report_id = k.report_id
            JOIN referrals r ON r.report_id = q.report_id
            LEFT JOIN referral_scores s ON s.report_id = q.report_id
            ORDER BY /*order*/
            """;
    }

    /// <summary>SQL Server pieces.</summary>
    public static class SqlServerDialect
    {
        public const string Text = "q.body_text LIKE @Text";

        public const string Page = Common.Columns + """

            FROM (
                SELECT q.report_id, q.received_at, q.incident_type, q.scored_tier, q.score, q.tier_override, q.queue_tier,
                       q.status, q.assignee_user_id, q.unit_id, q.first_reviewed_at
                FROM referral_queue q
                /*where*/
                ORDER BY /*order*/
                OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY
            ) q
            JOIN referrals r ON r.report_id = q.report_id
            LEFT JOIN referral_scores s ON s.report_id = q.report_id
            ORDER BY /*order*/
            """;
    }
}
