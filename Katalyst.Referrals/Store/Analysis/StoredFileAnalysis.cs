using Katalyst.Referrals.Scoring;

namespace Katalyst.Referrals.Store.Analysis;

/// <summary>What the analysis of a file concluded, as stored in <c>file_analysis.verdict</c>.</summary>
public static class FileVerdicts
{
    /// <summary>A hash of the file is in an enabled set (exact, or PDQ within the set's radius).</summary>
    public const string Known = "known";

    /// <summary>An image, or a video whose frames were sampled, that nothing matched: previously unseen material.</summary>
    public const string New = "new";

    /// <summary>Not an image, and no exact match.</summary>
    public const string NotImage = "not-image";

    /// <summary>An image format that could not be decoded (or was refused as too large), and no exact match.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>The verdict of an analysis.</summary>
    public static string Of(MediaAnalysisResult analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return analysis.Matches.Count > 0 ? Known
            : analysis.VideoFrames > 0 ? New
            : analysis.Image switch
            {
                MediaImageStatus.Image => New,
                MediaImageStatus.NotImage => NotImage,
                _ => Unreadable,
            };
    }
}

/// <summary>One file's stored analysis.</summary>
/// <param name="ReportId">The referral.</param>
/// <param name="FileId">The file in it.</param>
/// <param name="Sha256">SHA-256 of the bytes analysed.</param>
/// <param name="Md5">MD5 of the bytes.</param>
/// <param name="Sha1">SHA-1 of the bytes.</param>
/// <param name="ByteLength">Bytes analysed.</param>
/// <param name="IsImage">Whether the bytes were decoded as an image.</param>
/// <param name="ImageProblem">Why not, when not; null for an image.</param>
/// <param name="Pdq">PDQ hash of an image; null otherwise.</param>
/// <param name="Quality">PDQ quality of an image; null otherwise.</param>
/// <param name="Verdict">One of <see cref="FileVerdicts"/>.</param>
/// <param name="MatchSet">The nearest match's set; null when nothing matched.</param>
/// <param name="MatchCategory">The nearest match's category.</param>
/// <param name="MatchSource">The nearest match's source.</param>
/// <param name="MatchType">Which hash matched: md5, sha1, sha256 or pdq.</param>
/// <param name="MatchDistance">0 for exact; the PDQ distance otherwise.</param>
/// <param name="AnalysedAt">When it was analysed (UTC).</param>
public sealed record StoredFileAnalysis(
    long ReportId, string FileId, string Sha256, string Md5, string Sha1, long ByteLength, bool IsImage, string? ImageProblem,
    string? Pdq, int? Quality, string Verdict, string? MatchSet, string? MatchCategory, string? MatchSource, string? MatchType,
    int? MatchDistance, DateTimeOffset AnalysedAt)
{
    /// <summary>
    /// What the media models saw (or why they did not run), written with the analysis into <c>file_media_signals</c>;
    /// null when the file was no decoded picture, or the service sent no signals. Not read back with the analysis
    /// (<see cref="FileMediaSignalsStore"/> reads it).
    /// </summary>
    public FileMediaSignals? MediaSignals { get; init; }

    /// <summary>True when the nearest match is exact (a cryptographic hash, or PDQ at distance 0).</summary>
    public bool IsExactMatch => MatchType is not null && (MatchType != "pdq" || MatchDistance == 0);

    /// <summary>The row for <paramref name="analysis"/> of one file, matched at <paramref name="at"/>.</summary>
    public static StoredFileAnalysis From(long reportId, string fileId, MediaAnalysisResult analysis, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        // Nearest first; at equal distance a cryptographic match (the same bytes) before a PDQ one (the same picture).
        var best = analysis.Matches.OrderBy(m => m.Distance).ThenBy(m => m.HashType == "pdq" ? 1 : 0).FirstOrDefault();
        return new StoredFileAnalysis(
            reportId, fileId, analysis.Sha256, analysis.Md5, analysis.Sha1, analysis.ByteLength, analysis.Image == MediaImageStatus.Image,
            analysis.ImageProblem.Length == 0 ? null : analysis.ImageProblem, analysis.Pdq, analysis.Quality, FileVerdicts.Of(analysis),
            best?.Set, best?.Category, best?.Source, best?.HashType, best?.Distance, at)
        {
            MediaSignals = analysis.Signals,
        };
    }
}
