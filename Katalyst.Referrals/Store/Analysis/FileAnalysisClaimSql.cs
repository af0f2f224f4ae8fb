namespace Katalyst.Referrals.Store.Analysis;

/// <summary>The SQL behind <see cref="FileAnalysisClaimStore"/>.</summary>
internal static class FileAnalysisClaimSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        // The files one claim took (the claim statements return keys only: SQLite's RETURNING cannot join), with the
        // hashes intake stored, which an analysis that cannot read the bytes keeps, and the referral's trace (kept
        // with its scoring work until it is scored).
        public const string SelectClaimed = """
            SELECT f.report_id, f.file_id, f.sha256, e.md5, e.sha1, o.trace_parent
            FROM file_analysis_claims c
            JOIN referral_files f ON f.report_id = c.report_id AND f.file_id = c.file_id
            JOIN evidence e ON e.sha256 = f.sha256
            LEFT JOIN scoring_outbox o ON o.report_id = f.report_id
            WHERE c.claimed_by = @Claimer AND c.claimed_until = @Until
            ORDER BY f.report_id, f.file_id
            """;

        // Finishing (in the transaction that stores the analysis) and releasing alike: only the holder's claim goes. A
        // claimer whose lease ran out and was taken over deletes nothing, and so stores nothing.
        public const string DeleteClaim = """
            DELETE FROM file_analysis_claims WHERE report_id = @ReportId AND file_id = @FileId AND claimed_by = @Claimer
            """;
    }

    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        // One statement: SQLite takes the write lock before it reads, so two claimers never get the same file (as the
        // scoring outbox's claim). A file is due when its bytes are stored, it has no analysis and no claim holds it;
        // a lapsed claim is taken over (the conflict branch).
        public const string Claim = """
            INSERT INTO file_analysis_claims (report_id, file_id, claimed_by, claimed_until)
            SELECT f.report_id, f.file_id, @Claimer, @Until
            FROM referral_files f
            JOIN evidence e ON e.sha256 = f.sha256
            LEFT JOIN file_analysis a ON a.report_id = f.report_id AND a.file_id = f.file_id
            LEFT JOIN file_analysis_claims c ON c.report_id = f.report_id AND c.file_id = f.file_id
            WHERE f.sha256 IS NOT NULL AND a.report_id IS NULL AND (c.report_id IS NULL OR c.claimed_until <= @Now)
            ORDER BY f.report_id, f.file_id
            LIMIT @Take
            ON CONFLICT (report_id, file_id) DO UPDATE SET claimed_by = excluded.claimed_by, claimed_until = excluded.claimed_until
            RETURNING report_id, file_id
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        // HOLDLOCK makes the merge's look at each file's claim and its insert or take-over one step: a second claimer
        // waits for the first's row and then finds it held (the MATCHED branch takes only a lapsed claim).
        public const string Claim = """
            MERGE dbo.file_analysis_claims WITH (HOLDLOCK) AS c
            USING (
                SELECT TOP (@Take) f.report_id, f.file_id
                FROM dbo.referral_files f
                JOIN dbo.evidence e ON e.sha256 = f.sha256
                WHERE f.sha256 IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM dbo.file_analysis a WHERE a.report_id = f.report_id AND a.file_id = f.file_id)
                  AND NOT EXISTS (SELECT 1 FROM dbo.file_analysis_claims h
                                  WHERE h.report_id = f.report_id AND h.file_id = f.file_id AND h.claimed_until > @Now)
                ORDER BY f.report_id, f.file_id) AS due
            ON c.report_id = due.report_id AND c.file_id = due.file_id
            WHEN MATCHED AND c.claimed_until <= @Now THEN
                UPDATE SET claimed_by = @Claimer, claimed_until = @Until
            WHEN NOT MATCHED THEN
                INSERT (report_id, file_id, claimed_by, claimed_until) VALUES (due.report_id, due.file_id, @Claimer, @Until)
            OUTPUT inserted.report_id, inserted.file_id;
            """;
    }
}
