using Katalyst.Media.Decoding;
using SkiaSharp;

namespace Katalyst.Media.Tests.Text;

/// <summary>Benign test images drawn here: dark text on a light background, and a plain gradient with no text.</summary>
internal static class RenderedText
{
    // Debian's fonts: DejaVu Sans (fonts-dejavu-core) for Latin, Noto Naskh Arabic (fonts-noto-core) for Urdu.
    public const string LatinFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    public const string NaskhFont = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf";

    /// <summary>A short Urdu word ("Pakistan"), benign.</summary>
    public const string UrduWord = "پاکستان";

    /// <summary>Draws <paramref name="text"/> at (<paramref name="x"/>, baseline <paramref name="baseline"/>) and returns the image as PNG and the text's bounds.</summary>
    public static (byte[] Png, SKRect Bounds) Draw(string text, string fontFile, int width = 640, int height = 200, float size = 64, float x = 40, float baseline = 120)
    {
        if (!File.Exists(fontFile))
        {
            var package = fontFile.Contains("noto", StringComparison.Ordinal) ? "fonts-noto-core" : "fonts-dejavu-core";
            throw new FileNotFoundException($"{fontFile} is missing: the text tests draw with it (apt-get install {package}).", fontFile);
        }

        using var typeface = SKTypeface.FromFile(fontFile) ?? throw new InvalidDataException($"{fontFile}: Skia cannot load it as a font.");
        using var font = new SKFont(typeface, size);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = new SKColor(20, 20, 30), IsAntialias = true })
        {
            canvas.Clear(new SKColor(250, 248, 240));
            canvas.DrawText(text, x, baseline, SKTextAlign.Left, font, paint);
        }

        font.MeasureText(text, out var bounds);
        bounds.Offset(x, baseline);
        return (Png(bitmap), bounds);
    }

    /// <summary>A smooth two-colour gradient: no edges, no text.</summary>
    public static byte[] Gradient(int width = 640, int height = 200)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        using (var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [new SKColor(40, 90, 160), new SKColor(230, 200, 130)], SKShaderTileMode.Clamp))
        using (var paint = new SKPaint { Shader = shader })
        {
            canvas.DrawRect(0, 0, width, height, paint);
        }

        return Png(bitmap);
    }

    public static DecodedImage Decode(byte[] png) => new ImageDecoder().Decode(png, "drawn.png");

    private static byte[] Png(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
