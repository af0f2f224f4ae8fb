using SkiaSharp;

namespace Katalyst.Media.Tests.Decoding;

/// <summary>Benign test pictures drawn by code (flat-coloured shapes), and the five formats written from them.</summary>
internal static class DrawnImages
{
    /// <summary>Rectangles and a circle in a few flat colours, no anti-aliasing (so GIF's palette holds every colour).</summary>
    public static SKBitmap Shapes(int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(new SKColor(240, 230, 200));
        using var paint = new SKPaint { IsAntialias = false };
        paint.Color = new SKColor(200, 40, 40);
        canvas.DrawRect(width * 0.1f, height * 0.1f, width * 0.3f, height * 0.4f, paint);
        paint.Color = new SKColor(30, 60, 190);
        canvas.DrawCircle(width * 0.7f, height * 0.5f, height * 0.3f, paint);
        paint.Color = new SKColor(40, 160, 60);
        canvas.DrawRect(width * 0.2f, height * 0.65f, width * 0.3f, height * 0.25f, paint);
        return bitmap;
    }

    /// <summary>The bitmap in a format Skia encodes (PNG, JPEG, WebP).</summary>
    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 95)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality) ?? throw new InvalidOperationException($"Skia does not encode {format}");
        return data.ToArray();
    }
}
