using System.ComponentModel.DataAnnotations;

namespace Katalyst.Inference.Media;

/// <summary>The <c>Media:Analysis</c> configuration section: limits on <c>katalyst.v1.Media.Analyze</c>.</summary>
public sealed class MediaAnalysisOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Media:Analysis";

    /// <summary>
    /// The most bytes one file may have; a stream that sends more is refused with RESOURCE_EXHAUSTED naming this key.
    /// The file is held in memory while it is analysed. Default 256 MiB (intake's default largest evidence file).
    /// </summary>
    [Range(1, int.MaxValue - 64)]
    public long MaxFileBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// Whether a picture's PDQ is also matched as rotated and mirrored (its eight dihedral variants, from the one DCT
    /// PDQ computes anyway), so a turned or flipped copy of listed material is found; each match says which variant
    /// matched (<c>MediaMatch.pdq_transform</c>). Default true. Off, only the picture as it is is matched.
    /// </summary>
    public bool MatchDihedral { get; set; } = true;

    /// <summary>
    /// How many frames are taken from a video, spread evenly over it (at most <c>Media:Video:MaxFrames</c>, from the first
    /// <c>Media:Video:MaxDurationSeconds</c>); each gets its PDQ, matches, signals and text. Default 16.
    /// </summary>
    [Range(1, 10_000)]
    public int VideoFrames { get; set; } = 16;

    /// <summary>The most characters of OCR text returned per picture or frame; longer text is cut and marked. Default 4096.</summary>
    [Range(1, 1_000_000)]
    public int MaxOcrCharacters { get; set; } = 4096;

    /// <summary>
    /// The most pictures of one file Tesseract reads (a video's frames with text, earliest first); the others say so in
    /// their <c>ocr_problem</c>. Bounds the time one video's OCR takes. Default 8.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxOcrImagesPerFile { get; set; } = 8;
}
