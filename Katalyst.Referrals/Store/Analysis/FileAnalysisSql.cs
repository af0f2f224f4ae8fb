namespace Katalyst.Referrals.Store.Analysis;

/// <summary>The SQL behind <see cref="FileAnalysisStore"/>.</summary>
internal static class FileAnalysisSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        // Written once: a second answer for a file already analysed (a run that crashed after storing, say) changes nothing.
        public const string InsertOnce = """
            INSERT INTO file_analysis (report_id, file_id, sha256, md5, sha1, byte_length, is_image, image_problem, pdq, quality,
                                       verdict, match_set, match_category, match_source, match_type, match_distance, analysed_at)
            SELECT @ReportId, @FileId, @Sha256, @Md5, @Sha1, @ByteLength, @IsImage, @ImageProblem, @Pdq, @Quality,
                   @Verdict, @MatchSet, @MatchCategory, @MatchSource, @MatchType, @MatchDistance, @AnalysedAt
            WHERE NOT EXISTS (SELECT 1 FROM file_analysis WHERE report_id = @ReportId AND file_id = @FileId)
            """;

        public const string SelectForReferral = """
            SELECT report_id, file_id, sha256, md5, sha1, byte_length, is_image, image_problem, pdq, quality, verdict,
                   match_set, match_category, match_source, match_type, match_distance, analysed_at
            FROM file_analysis
            WHERE report_id = @ReportId
            ORDER BY file_id
            """;
    }

    /// <summary>SQLite only.</summary>
    public static class Sqlite
    {
        public const string SelectUnanalysed = """
            SELECT f.report_id, f.file_id, f.sha256, e.md5, e.sha1
            FROM referral_files f
            JOIN evidence e ON e.sha256 = f.sha256
            LEFT JOIN file_analysis a ON a.report_id = f.report_id AND a.file_id = f.file_id
            WHERE f.sha256 IS NOT NULL AND a.report_id IS NULL
            ORDER BY f.report_id, f.file_id
            LIMIT @Take
            """;
    }

    /// <summary>SQL Server only.</summary>
    public static class SqlServer
    {
        public const string SelectUnanalysed = """
            SELECT TOP (@Take) f.report_id, f.file_id, f.sha256, e.md5, e.sha1
            FROM referral_files f
            JOIN evidence e ON e.sha256 = f.sha256
            LEFT JOIN file_analysis a ON a.report_id = f.report_id AND a.file_id = f.file_id
            WHERE f.sha256 IS NOT NULL AND a.report_id IS NULL
            ORDER BY f.report_id, f.file_id
            """;
    }
}
