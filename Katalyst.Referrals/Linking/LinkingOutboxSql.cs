namespace Katalyst.Referrals.Linking;

/// <summary>The SQL behind the linking outbox (migration 0016): <see cref="ReferralLinker"/>'s enqueue and <see cref="LinkingRun"/>.</summary>
internal static class LinkingOutboxSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        // Written by ReferralWriter in the referral's own savepoint, with the identifiers the parallel readers extracted.
        public const string Enqueue = """
            INSERT INTO linking_outbox (report_id, identifiers, enqueued_at) VALUES (@ReportId, @Identifiers, @EnqueuedAt)
            """;

        // In the transaction that linked the referral: it leaves the outbox linked, or stays waiting unlinked.
        public const string Delete = """
            DELETE FROM linking_outbox WHERE seq = @Seq
            """;

        // For the referral page: a referral waiting here has not been checked against other referrals yet.
        public const string IsWaiting = """
            SELECT COUNT(*) FROM linking_outbox WHERE report_id = @ReportId
            """;
    }

    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        // Read inside the run's write transaction (BEGIN IMMEDIATE), so no other linker reads the same rows.
        public const string Waiting = """
            SELECT seq, report_id, identifiers FROM linking_outbox ORDER BY seq LIMIT @Take
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        // Read after TakeLock in the same transaction, so no other linker reads the same rows.
        public const string Waiting = """
            SELECT TOP (@Take) seq, report_id, identifiers FROM dbo.linking_outbox ORDER BY seq
            """;

        /// <summary>
        /// One linker at a time across processes (link results depend on order): held until the run's transaction
        /// ends; waits up to 5 minutes for another process's batch and fails loudly (a negative result raises).
        /// </summary>
        public const string TakeLock = """
            DECLARE @result INT;
            EXEC @result = sp_getapplock @Resource = N'katalyst-linking-outbox', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 300000;
            IF @result < 0 THROW 51000, N'Another process holds the Katalyst linking lock (katalyst-linking-outbox) for over 5 minutes.', 1;
            """;
    }
}
