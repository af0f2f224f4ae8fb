using Katalyst.Media.ExternalTools;
using Katalyst.Media.Ocr;
using Katalyst.Media.Text;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Katalyst.Inference.Media.Text;

/// <summary>What Tesseract read in one picture, or why it did not read.</summary>
/// <param name="Text">The text read (cut to <see cref="MediaAnalysisOptions.MaxOcrCharacters"/>); empty when nothing was read.</param>
/// <param name="Languages">The languages used; empty when OCR did not run.</param>
/// <param name="Confidence">Tesseract's mean word confidence, 0 to 100.</param>
/// <param name="Truncated">Whether <paramref name="Text"/> was cut.</param>
/// <param name="Problem">Why OCR did not run; empty when it ran or there was no text.</param>
public sealed record OcrOutcome(string Text, string Languages, double Confidence, bool Truncated, string Problem)
{
    /// <summary>Nothing to read: no text was found.</summary>
    public static OcrOutcome None { get; } = new("", "", 0, false, "");

    /// <summary>OCR did not run, for <paramref name="problem"/>.</summary>
    public static OcrOutcome NotRun(string problem) => new("", "", 0, false, problem);
}

/// <summary>One picture's text: where the detector found it and what Tesseract read there. Signals, never findings.</summary>
/// <param name="Detection">The detector's regions, in the picture's pixels.</param>
/// <param name="Width">The picture's width, for fractional boxes.</param>
/// <param name="Height">The picture's height.</param>
/// <param name="Ocr">What Tesseract read.</param>
public sealed record ImageTextFinding(TextDetection Detection, int Width, int Height, OcrOutcome Ocr);

/// <summary>
/// Reads the text the detector found in a picture with Tesseract (<see cref="TesseractReader"/>, Debian's program as a
/// process): once per picture, over the bounding box of every detected region (so one run reads every line, in reading
/// order, and a picture without text never starts Tesseract). Tesseract missing, turned off (<c>Media:Ocr:Enabled</c>) or
/// too slow is a problem string in the answer, never a failed call; the call's cancellation stops Tesseract.
/// </summary>
public sealed partial class ImageTextReader(
    TesseractReader tesseract, IOptions<TesseractOptions> ocrOptions, IOptions<MediaAnalysisOptions> options, ILogger<ImageTextReader> logger)
{
    // Tesseract reads better with a margin round the text than with a crop at the glyphs' edges.
    private const int Margin = 8;

    /// <summary>What Tesseract reads of <paramref name="detection"/>'s regions in <paramref name="picture"/>; <paramref name="name"/> is what logs name.</summary>
    public async Task<ImageTextFinding> ReadAsync(SKImage picture, TextDetection detection, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(detection);
        var outcome = !detection.TextPresent ? OcrOutcome.None
            : !ocrOptions.Value.Enabled ? OcrOutcome.NotRun($"OCR is off ({TesseractOptions.Section}:Enabled is false)")
            : await OcrAsync(picture, detection.Regions, name, cancellationToken);
        return new ImageTextFinding(detection, picture.Width, picture.Height, outcome);
    }

    /// <summary>The finding for a picture whose text was found but is not read, for <paramref name="problem"/>.</summary>
    public static ImageTextFinding NotRead(SKImage picture, TextDetection detection, string problem)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(detection);
        return new ImageTextFinding(detection, picture.Width, picture.Height, detection.TextPresent ? OcrOutcome.NotRun(problem) : OcrOutcome.None);
    }

    private async Task<OcrOutcome> OcrAsync(SKImage picture, IReadOnlyList<TextRegion> regions, string name, CancellationToken cancellationToken)
    {
        var area = SKRectI.Intersect(
            new SKRectI(regions.Min(r => r.X) - Margin, regions.Min(r => r.Y) - Margin, regions.Max(r => r.Right) + Margin, regions.Max(r => r.Bottom) + Margin),
            new SKRectI(0, 0, picture.Width, picture.Height));
        byte[] png;
        using (var crop = picture.Subset(area) ?? throw new InvalidOperationException($"{name}: Skia could not take the {area} crop for OCR"))
        using (var data = crop.Encode(SKEncodedImageFormat.Png, 100) ?? throw new InvalidOperationException($"{name}: Skia could not encode the {area} crop as PNG"))
        {
            png = data.ToArray();
        }

        try
        {
            var read = await tesseract.ReadAsync(png, cancellationToken);
            var limit = options.Value.MaxOcrCharacters;
            var truncated = read.Text.Length > limit;
            return new OcrOutcome(truncated ? read.Text[..limit] : read.Text, ocrOptions.Value.Languages, read.MeanConfidence, truncated, "");
        }
        catch (Exception ex) when (ex is MissingToolException or TimeoutException or InvalidDataException)
        {
            LogOcrFailed(name, ex.Message);
            return OcrOutcome.NotRun($"{name}: {ex.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "OCR did not read {File}: {Problem}")]
    private partial void LogOcrFailed(string file, string problem);
}
