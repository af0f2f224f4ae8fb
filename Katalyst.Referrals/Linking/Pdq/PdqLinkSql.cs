namespace Katalyst.Referrals.Linking.Pdq;

/// <summary>The SQL behind <see cref="PdqNearMatchLinking"/>: <c>file_pdq_hashes</c> (migration 0017) and the referral's pdq identifiers.</summary>
internal static class PdqLinkSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        // The rows another process (or this one) stored since the index last looked: written under the store's write
        // lock (SQLite) or the linking application lock (SQL Server), so seq order is the order they were committed.
        public const string HashesSince = """
            SELECT seq, pdq FROM file_pdq_hashes WHERE seq > @Since ORDER BY seq
            """;

        // In the transaction that stores the file's analysis, after the search (a file never matches itself).
        public const string InsertHash = """
            INSERT INTO file_pdq_hashes (report_id, file_id, pdq) VALUES (@ReportId, @FileId, @Pdq)
            """;

        // The pdq identifiers the referral already carries (linked earlier): a value is stored once per referral.
        public const string CarriedValues = """
            SELECT value FROM referral_identifiers WHERE report_id = @ReportId AND kind = @Kind
            """;

        // The referral's waiting row, if any (report_id is unique): new identifiers are merged into it.
        public const string Waiting = """
            SELECT seq, identifiers FROM linking_outbox WHERE report_id = @ReportId
            """;

        public const string UpdateWaiting = """
            UPDATE linking_outbox SET identifiers = @Identifiers WHERE seq = @Seq
            """;
    }

    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        // The hits' files, given their seqs as a JSON array.
        public const string HashRows = """
            SELECT seq, report_id, file_id, pdq FROM file_pdq_hashes WHERE seq IN (SELECT j.value FROM json_each(@Seqs) j)
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        public const string HashRows = """
            SELECT seq, report_id, file_id, pdq FROM dbo.file_pdq_hashes WHERE seq IN (SELECT CAST(j.value AS BIGINT) FROM OPENJSON(@Seqs) j)
            """;
    }
}
