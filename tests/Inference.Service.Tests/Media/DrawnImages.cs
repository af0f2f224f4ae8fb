using SkiaSharp;

namespace Katalyst.Inference.Tests.Media;

/// <summary>Benign pictures drawn by code (shapes on a gradient), encoded as PNG or JPEG.</summary>
internal static class DrawnImages
{
    /// <summary>A picture of coloured shapes, different for each <paramref name="seed"/>, <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static SKBitmap Draw(int seed, int width = 320, int height = 240)
    {
        var random = new Random(seed);
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var canvas = new SKCanvas(bitmap);
        using var background = new SKPaint();
        background.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
            [new SKColor((byte)random.Next(256), 40, 90), new SKColor(30, (byte)random.Next(256), 200)], SKShaderTileMode.Clamp);
        canvas.DrawRect(0, 0, width, height, background);
        using var paint = new SKPaint { IsAntialias = true };
        for (var i = 0; i < 12; i++)
        {
            paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(10, width / 4), paint);
        }

        return bitmap;
    }

    /// <summary>The bitmap encoded.</summary>
    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format = SKEncodedImageFormat.Png, int quality = 90)
    {
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>The bitmap scaled to <paramref name="percent"/> of its size.</summary>
    public static SKBitmap Resize(SKBitmap bitmap, int percent) =>
        bitmap.Resize(new SKImageInfo(bitmap.Width * percent / 100, bitmap.Height * percent / 100, SKColorType.Rgba8888, SKAlphaType.Opaque), new SKSamplingOptions(SKFilterMode.Linear));

    /// <summary>The bitmap turned 90 degrees clockwise, pixel for pixel.</summary>
    public static SKBitmap TurnClockwise(SKBitmap bitmap)
    {
        var turned = new SKBitmap(bitmap.Height, bitmap.Width, SKColorType.Rgba8888, SKAlphaType.Opaque);
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                turned.SetPixel(bitmap.Height - 1 - y, x, bitmap.GetPixel(x, y));
            }
        }

        return turned;
    }

    /// <summary>The bitmap's mirror image (left and right swapped), pixel for pixel.</summary>
    public static SKBitmap Mirror(SKBitmap bitmap)
    {
        var mirrored = new SKBitmap(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                mirrored.SetPixel(bitmap.Width - 1 - x, y, bitmap.GetPixel(x, y));
            }
        }

        return mirrored;
    }
}
