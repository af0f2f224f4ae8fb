namespace Katalyst.Referrals.Store.Outbox;

/// <summary>The SQL behind <see cref="ScoringOutboxStore"/>.</summary>
internal static class ScoringOutboxSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        // Written by ReferralWriter in the referral's own savepoint: a stored referral always has its scoring work,
        // with the trace it was stored in (W3C traceparent, or NULL).
        public const string Enqueue = """
            INSERT INTO scoring_outbox (report_id, state, attempts, next_attempt_at, enqueued_at, trace_parent)
            VALUES (@ReportId, 'pending', 0, @Now, @Now, @TraceParent)
            """;

        // Only the holder of the claim may finish the work: a claimer whose lease ran out and was taken over
        // deletes nothing, and its answer is thrown away.
        public const string DeleteClaimed = """
            DELETE FROM scoring_outbox WHERE report_id = @ReportId AND claimed_by = @Claimer
            """;

        public const string SelectStoredModels = """
            SELECT models FROM referral_scores WHERE report_id = @ReportId
            """;

        public const string RecordFailure = """
            UPDATE scoring_outbox
            SET attempts = @Attempts, state = @State, next_attempt_at = @NextAttemptAt, last_error = @Error,
                failed_at = @FailedAt, claimed_by = NULL, claimed_until = NULL
            WHERE report_id = @ReportId AND claimed_by = @Claimer
            """;

        public const string Release = """
            UPDATE scoring_outbox SET claimed_by = NULL, claimed_until = NULL
            WHERE report_id = @ReportId AND claimed_by = @Claimer
            """;

        public const string Retry = """
            UPDATE scoring_outbox
            SET state = 'pending', attempts = 0, next_attempt_at = @Now, failed_at = NULL, claimed_by = NULL, claimed_until = NULL
            WHERE report_id = @ReportId AND state = 'failed'
            """;

        public const string Counts = """
            SELECT
                COALESCE(SUM(CASE WHEN state = 'pending' AND attempts = 0 THEN 1 ELSE 0 END), 0) AS waiting,
                COALESCE(SUM(CASE WHEN state = 'pending' AND attempts > 0 THEN 1 ELSE 0 END), 0) AS retrying,
                COALESCE(SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END), 0) AS failed
            FROM scoring_outbox
            """;

        public const string SelectOne = """
            SELECT report_id, state, attempts, next_attempt_at, last_error, claimed_by, claimed_until, failed_at
            FROM scoring_outbox
            WHERE report_id = @ReportId
            """;
    }

    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        // One statement: SQLite takes the write lock before it reads, so two claimers never get the same row. With
        // @AfterAnalysis = 1, only referrals every one of whose received files has been analysed.
        public const string Claim = """
            UPDATE scoring_outbox
            SET claimed_by = @Claimer, claimed_until = @Until
            WHERE report_id IN (
                SELECT o.report_id FROM scoring_outbox o
                WHERE o.state = 'pending' AND o.next_attempt_at <= @Now
                  AND (o.claimed_until IS NULL OR o.claimed_until <= @Now)
                  AND NOT EXISTS (SELECT 1 FROM linking_outbox l WHERE l.report_id = o.report_id)
                  AND (@AfterAnalysis = 0 OR NOT EXISTS (SELECT 1 FROM referral_files f
                                  LEFT JOIN file_analysis a ON a.report_id = f.report_id AND a.file_id = f.file_id
                                  WHERE f.report_id = o.report_id AND f.sha256 IS NOT NULL AND a.report_id IS NULL))
                ORDER BY o.next_attempt_at, o.report_id
                LIMIT @Take)
            RETURNING report_id, attempts, trace_parent
            """;

        public const string SelectFailed = """
            SELECT report_id, state, attempts, next_attempt_at, last_error, claimed_by, claimed_until, failed_at
            FROM scoring_outbox
            WHERE state = 'failed'
            ORDER BY failed_at DESC, report_id
            LIMIT @Take
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        // UPDLOCK + READPAST: a second claimer skips rows the first is claiming instead of waiting for or taking them.
        // With @AfterAnalysis = 1, only referrals every one of whose received files has been analysed.
        public const string Claim = """
            WITH due AS (
                SELECT TOP (@Take) o.report_id, o.attempts, o.trace_parent, o.claimed_by, o.claimed_until
                FROM dbo.scoring_outbox o WITH (UPDLOCK, READPAST, ROWLOCK)
                WHERE o.state = N'pending' AND o.next_attempt_at <= @Now
                  AND (o.claimed_until IS NULL OR o.claimed_until <= @Now)
                  AND NOT EXISTS (SELECT 1 FROM dbo.linking_outbox l WHERE l.report_id = o.report_id)
                  AND (@AfterAnalysis = 0 OR NOT EXISTS (SELECT 1 FROM dbo.referral_files f
                                  LEFT JOIN dbo.file_analysis a ON a.report_id = f.report_id AND a.file_id = f.file_id
                                  WHERE f.report_id = o.report_id AND f.sha256 IS NOT NULL AND a.report_id IS NULL))
                ORDER BY o.next_attempt_at, o.report_id)
            UPDATE due SET claimed_by = @Claimer, claimed_until = @Until
            OUTPUT inserted.report_id, inserted.attempts, inserted.trace_parent
            """;

        public const string SelectFailed = """
            SELECT TOP (@Take) report_id, state, attempts, next_attempt_at, last_error, claimed_by, claimed_until, failed_at
            FROM dbo.scoring_outbox
            WHERE state = N'failed'
            ORDER BY failed_at DESC, report_id
            """;
    }
}
