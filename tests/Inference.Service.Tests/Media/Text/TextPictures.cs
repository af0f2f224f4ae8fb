using SkiaSharp;

namespace Katalyst.Inference.Tests.Media.Text;

/// <summary>Benign pictures drawn here: dark words on a light background (Debian's DejaVu Sans), and a plain gradient.</summary>
internal static class TextPictures
{
    // fonts-dejavu-core; without it the tests fail naming the package.
    public const string LatinFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary><paramref name="text"/> drawn at 56 px, as PNG.</summary>
    public static byte[] Words(string text, int width = 720, int height = 220)
    {
        if (!File.Exists(LatinFont))
        {
            throw new FileNotFoundException($"{LatinFont} is missing: the text tests draw with it (apt-get install fonts-dejavu-core).", LatinFont);
        }

        using var typeface = SKTypeface.FromFile(LatinFont) ?? throw new InvalidDataException($"{LatinFont}: Skia cannot load it as a font.");
        using var font = new SKFont(typeface, 56);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = new SKColor(20, 20, 30), IsAntialias = true })
        {
            canvas.Clear(new SKColor(250, 248, 240));
            canvas.DrawText(text, 40, 130, SKTextAlign.Left, font, paint);
        }

        return DrawnImages.Encode(bitmap);
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

        return DrawnImages.Encode(bitmap);
    }
}
