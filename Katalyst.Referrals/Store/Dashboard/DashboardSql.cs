namespace Katalyst.Referrals.Store.Dashboard;

/// <summary>
/// The SQL behind <see cref="DashboardStore"/>. Every statement is answered from an index of <c>referral_queue</c>
/// alone (migration 0007 adds the backlog and review-time indexes), so that the dashboard stays fast at a million
/// referrals. Each figure comes for the whole agency and for one unit (an investigator's own figures).
/// </summary>
internal static class DashboardSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        // Open work: every status before a person ends it (referred onward, closed). One scan of
        // ix_referral_queue_backlog gives the backlog by status, by unit and its tier mix.
        public const string Backlog = """
            SELECT status AS status_code, unit_id, queue_tier, COUNT(*) AS referrals
            FROM referral_queue
            WHERE status IN ('new', 'in_review', 'assigned', 'investigating')
            GROUP BY status, unit_id, queue_tier
            """;

        public const string BacklogForUnit = """
            SELECT status AS status_code, unit_id, queue_tier, COUNT(*) AS referrals
            FROM referral_queue
            WHERE status IN ('new', 'in_review', 'assigned', 'investigating') AND unit_id = @UnitId
            GROUP BY status, unit_id, queue_tier
            """;

        public const string CountReviewed = """
            SELECT COUNT(*) FROM referral_queue WHERE first_reviewed_at IS NOT NULL
            """;

        public const string CountReviewedForUnit = """
            SELECT COUNT(*) FROM referral_queue WHERE first_reviewed_at IS NOT NULL AND unit_id = @UnitId
            """;
    }

    /// <summary>SQLite statements: timestamps are ISO-8601 text in UTC.</summary>
    public static class Sqlite
    {
        public const string ReceivedByMonth = """
            SELECT CAST(substr(received_at, 1, 4) AS INTEGER) AS year, CAST(substr(received_at, 6, 2) AS INTEGER) AS month,
                   COUNT(*) AS referrals
            FROM referral_queue
            WHERE received_at >= @From
            GROUP BY substr(received_at, 1, 7)
            """;

        public const string ReceivedByMonthForUnit = """
            SELECT CAST(substr(received_at, 1, 4) AS INTEGER) AS year, CAST(substr(received_at, 6, 2) AS INTEGER) AS month,
                   COUNT(*) AS referrals
            FROM referral_queue
            WHERE received_at >= @From AND unit_id = @UnitId
            GROUP BY substr(received_at, 1, 7)
            """;

        // The median is read at its offset in the review-time order: the expression is exactly the one
        // ix_referral_queue_review_time indexes, so SQLite walks the index instead of sorting every reviewed row.
        public const string ReviewSecondsAt = """
            SELECT (julianday(first_reviewed_at) - julianday(received_at)) * 86400.0 AS seconds
            FROM referral_queue
            WHERE first_reviewed_at IS NOT NULL
            ORDER BY (julianday(first_reviewed_at) - julianday(received_at)) * 86400.0
            LIMIT @Take OFFSET @Skip
            """;

        public const string ReviewSecondsAtForUnit = """
            SELECT (julianday(first_reviewed_at) - julianday(received_at)) * 86400.0 AS seconds
            FROM referral_queue
            WHERE first_reviewed_at IS NOT NULL AND unit_id = @UnitId
            ORDER BY (julianday(first_reviewed_at) - julianday(received_at)) * 86400.0
            LIMIT @Take OFFSET @Skip
            """;
    }

    /// <summary>SQL Server statements: timestamps are <c>datetimeoffset</c> in UTC.</summary>
    public static class SqlServer
    {
        public const string ReceivedByMonth = """
            SELECT YEAR(received_at) AS year, MONTH(received_at) AS month, COUNT(*) AS referrals
            FROM referral_queue
            WHERE received_at >= @From
            GROUP BY YEAR(received_at), MONTH(received_at)
            """;

        public const string ReceivedByMonthForUnit = """
            SELECT YEAR(received_at) AS year, MONTH(received_at) AS month, COUNT(*) AS referrals
            FROM referral_queue
            WHERE received_at >= @From AND unit_id = @UnitId
            GROUP BY YEAR(received_at), MONTH(received_at)
            """;

        public const string ReviewSecondsAt = """
            SELECT CAST(DATEDIFF_BIG(MILLISECOND, received_at, first_reviewed_at) AS FLOAT) / 1000.0 AS seconds
            FROM referral_queue
            WHERE first_reviewed_at IS NOT NULL
            ORDER BY DATEDIFF_BIG(MILLISECOND, received_at, first_reviewed_at)
            OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY
            """;

        public const string ReviewSecondsAtForUnit = """
            SELECT CAST(DATEDIFF_BIG(MILLISECOND, received_at, first_reviewed_at) AS FLOAT) / 1000.0 AS seconds
            FROM referral_queue
            WHERE first_reviewed_at IS NOT NULL AND unit_id = @UnitId
            ORDER BY DATEDIFF_BIG(MILLISECOND, received_at, first_reviewed_at)
            OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY
            """;
    }
}
