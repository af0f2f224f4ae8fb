using Katalyst.Portal.Evidence;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Katalyst.Portal.Tests.Evidence;

public sealed class PreviewRendererTests
{
    private static PreviewRenderer Renderer(EvidenceOptions? options = null) => new(Options.Create(options ?? new EvidenceOptions()));

    [Fact]
    public void Render_ColouredShapes_EveryPixelIsGrey()
    {
        using var original = DrawnImages.Shapes();

        using var preview = Decode(Renderer().Render(new MemoryStream(DrawnImages.Encode(original)))!);

        Assert.All(preview.Pixels, p => Assert.True(p.Red == p.Green && p.Green == p.Blue, $"pixel {p} is not grey"));
    }

    [Fact]
    public void Render_SharpStripes_HighFrequencyEnergyFarBelowOriginal()
    {
        using var original = DrawnImages.Shapes();

        using var preview = Decode(Renderer().Render(new MemoryStream(DrawnImages.Encode(original)))!);
        using var sameSize = original.Resize(new SKImageInfo(preview.Width, preview.Height), new SKSamplingOptions(SKFilterMode.Linear));

        var blurred = HighFrequencyEnergy(preview);
        var sharp = HighFrequencyEnergy(sameSize);
        Assert.True(blurred < sharp * 0.05, $"preview energy {blurred:F1} is not far below the original's {sharp:F1}");
    }

    [Fact]
    public void Render_LargeImage_DownscaledToPreviewMaxSide()
    {
        using var original = DrawnImages.Shapes(800, 400);

        using var preview = Decode(Renderer(new EvidenceOptions { PreviewMaxSide = 200 }).Render(new MemoryStream(DrawnImages.Encode(original)))!);

        Assert.Equal((200, 100), (preview.Width, preview.Height));
    }

    [Fact]
    public void Render_Jpeg_IsPreviewedAsPng()
    {
        using var original = DrawnImages.Shapes();

        var png = Renderer().Render(new MemoryStream(DrawnImages.Encode(original, SKEncodedImageFormat.Jpeg)))!;

        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
    }

    [Fact]
    public void Render_HeaderDeclaresHugeImage_RefusedBeforeDecoding()
    {
        var bomb = DrawnImages.PngHeaderOnly(15_000, 15_000);

        var refused = Assert.Throws<PreviewRefusedException>(() => Renderer().Render(new MemoryStream(bomb)));

        Assert.Contains("15,000 × 15,000", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Evidence:MaxPreviewPixels", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OverConfiguredLimit_Refused()
    {
        using var original = DrawnImages.Shapes(100, 100);

        Assert.Throws<PreviewRefusedException>(() =>
            Renderer(new EvidenceOptions { MaxPreviewPixels = 9_999 }).Render(new MemoryStream(DrawnImages.Encode(original))));
    }

    [Fact]
    public void Render_NotAnImage_ReturnsNull()
    {
        var text = System.Text.Encoding.UTF8.GetBytes("a synthetic note, not a picture");

        Assert.Null(Renderer().Render(new MemoryStream(text)));
    }

    [Fact]
    public void Placeholder_Always_OneFlatGrey()
    {
        using var placeholder = Decode(Renderer().Placeholder());

        Assert.Single(placeholder.Pixels.Distinct());
    }

    private static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidOperationException("The preview is not a decodable image.");

    // Mean squared difference between horizontal and vertical neighbours, on luminance: edges and stripes score high.
    private static double HighFrequencyEnergy(SKBitmap bitmap)
    {
        double Luma(int x, int y)
        {
            var c = bitmap.GetPixel(x, y);
            return (0.299 * c.Red) + (0.587 * c.Green) + (0.114 * c.Blue);
        }

        double sum = 0;
        long count = 0;
        for (var y = 0; y < bitmap.Height - 1; y++)
        {
            for (var x = 0; x < bitmap.Width - 1; x++)
            {
                var here = Luma(x, y);
                sum += Math.Pow(here - Luma(x + 1, y), 2) + Math.Pow(here - Luma(x, y + 1), 2);
                count += 2;
            }
        }

        return sum / count;
    }
}
