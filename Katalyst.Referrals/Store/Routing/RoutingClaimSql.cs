namespace Katalyst.Referrals.Store.Routing;

/// <summary>The SQL behind <see cref="RoutingClaimStore"/>: the file analysis claims' pattern (FileAnalysisClaimSql) over referrals.</summary>
internal static class RoutingClaimSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        // Finishing (in the transaction that stores the routing) and releasing alike: only the holder's claim goes.
        public const string DeleteClaim = """
            DELETE FROM referral_routing_claims WHERE report_id = @ReportId AND claimed_by = @Claimer
            """;
    }

    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        // One statement under SQLite's write lock: unrouted referrals no live claim holds; a lapsed claim is taken over.
        public const string Claim = """
            INSERT INTO referral_routing_claims (report_id, claimed_by, claimed_until)
            SELECT r.report_id, @Claimer, @Until
            FROM referrals r
            LEFT JOIN referral_locations l ON l.report_id = r.report_id
            LEFT JOIN referral_routing_claims c ON c.report_id = r.report_id
            WHERE l.report_id IS NULL AND (c.report_id IS NULL OR c.claimed_until <= @Now)
            ORDER BY r.report_id
            LIMIT @Take
            ON CONFLICT (report_id) DO UPDATE SET claimed_by = excluded.claimed_by, claimed_until = excluded.claimed_until
            RETURNING report_id
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        // HOLDLOCK: a second claimer waits for the first's row and then finds it held (MATCHED takes only a lapsed claim).
        public const string Claim = """
            MERGE dbo.referral_routing_claims WITH (HOLDLOCK) AS c
            USING (
                SELECT TOP (@Take) r.report_id
                FROM dbo.referrals r
                WHERE NOT EXISTS (SELECT 1 FROM dbo.referral_locations l WHERE l.report_id = r.report_id)
                  AND NOT EXISTS (SELECT 1 FROM dbo.referral_routing_claims h WHERE h.report_id = r.report_id AND h.claimed_until > @Now)
                ORDER BY r.report_id) AS due
            ON c.report_id = due.report_id
            WHEN MATCHED AND c.claimed_until <= @Now THEN
                UPDATE SET claimed_by = @Claimer, claimed_until = @Until
            WHEN NOT MATCHED THEN
                INSERT (report_id, claimed_by, claimed_until) VALUES (due.report_id, @Claimer, @Until)
            OUTPUT inserted.report_id;
            """;
    }
}
