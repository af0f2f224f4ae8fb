namespace Katalyst.Referrals.Store.Analysis;

/// <summary>The SQL behind <see cref="FileMediaSignalsStore"/>.</summary>
internal static class FileMediaSignalsSql
{
    /// <summary>Statements that read the same on SQLite and SQL Server.</summary>
    public static class Shared
    {
        // Written once, in the transaction that stores the file's analysis: a second answer changes nothing.
        public const string InsertOnce = """
            INSERT INTO file_media_signals (report_id, file_id, frames, drawing, hentai, neutral, porn, sexy, face_count, top_face_score,
                                            minor_probability, minor_face_score, minor_apparent_age, embedding, problem)
            SELECT @ReportId, @FileId, @Frames, @Drawing, @Hentai, @Neutral, @Porn, @Sexy, @FaceCount, @TopFaceScore,
                   @MinorProbability, @MinorFaceScore, @MinorApparentAge, @Embedding, @Problem
            WHERE NOT EXISTS (SELECT 1 FROM file_media_signals WHERE report_id = @ReportId AND file_id = @FileId)
            """;

        // What scoring reads: everything but the embedding (5 KB a file, for clustering, not for the score).
        public const string SelectForReferral = """
            SELECT file_id, frames, drawing, hentai, neutral, porn, sexy, face_count, top_face_score,
                   minor_probability, minor_face_score, minor_apparent_age, problem
            FROM file_media_signals
            WHERE report_id = @ReportId
            ORDER BY file_id
            """;

        public const string SelectEmbedding = """
            SELECT embedding FROM file_media_signals WHERE report_id = @ReportId AND file_id = @FileId
            """;
    }
}
