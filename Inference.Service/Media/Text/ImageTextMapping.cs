using Katalyst.Protos.V1;

namespace Katalyst.Inference.Media.Text;

/// <summary>Maps <see cref="ImageTextFinding"/> to <c>katalyst.v1.ImageText</c>, regions as fractions of the picture.</summary>
internal static class ImageTextMapping
{
    public static ImageText Map(ImageTextFinding finding)
    {
        var (width, height) = ((float)finding.Width, (float)finding.Height);
        var ocr = finding.Ocr;
        var mapped = new ImageText
        {
            Present = finding.Detection.TextPresent,
            OcrText = ocr.Text,
            OcrLanguages = ocr.Languages,
            OcrConfidence = (float)ocr.Confidence,
            OcrTruncated = ocr.Truncated,
            OcrProblem = ocr.Problem,
        };
        mapped.Regions.AddRange(finding.Detection.Regions.Select(r => new TextBox
        {
            X = Math.Clamp(r.X / width, 0, 1),
            Y = Math.Clamp(r.Y / height, 0, 1),
            Width = Math.Clamp(r.Width / width, 0, 1),
            Height = Math.Clamp(r.Height / height, 0, 1),
            Score = r.Score,
        }));
        return mapped;
    }
}
