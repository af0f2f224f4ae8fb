using SkiaSharp;

namespace Katalyst.Portal.Tests.Evidence;

/// <summary>Benign test pictures drawn by code (coloured shapes and stripes); never real media.</summary>
public static class DrawnImages
{
    /// <summary>Coloured rectangles and circles over fine black-and-white stripes: sharp edges everywhere.</summary>
    public static SKBitmap Shapes(int width = 400, int height = 300)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint { IsAntialias = false };
        for (var x = 0; x < width; x += 4)
        {
            paint.Color = SKColors.Black;
            canvas.DrawRect(x, 0, 2, height, paint);
        }

        paint.Color = SKColors.Red;
        canvas.DrawRect(width * 0.1f, height * 0.1f, width * 0.3f, height * 0.3f, paint);
        paint.Color = SKColors.Blue;
        canvas.DrawCircle(width * 0.7f, height * 0.5f, height * 0.25f, paint);
        paint.Color = SKColors.LimeGreen;
        canvas.DrawRect(width * 0.2f, height * 0.6f, width * 0.25f, height * 0.25f, paint);
        return bitmap;
    }

    /// <summary>The bitmap encoded in <paramref name="format"/>.</summary>
    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>
    /// A PNG whose header declares <paramref name="width"/> × <paramref name="height"/> pixels but which carries no
    /// pixel data: what a decompression bomb looks like before anything decodes it.
    /// </summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type: RGB
        return [.. new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, .. Chunk("IHDR", ihdr), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var chunk = new byte[4 + typed.Length + 4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typed.CopyTo(chunk, 4);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(4 + typed.Length), Crc32(typed));
        return chunk;
    }

    // PNG's CRC-32 (ISO 3309), bit by bit: a few chunks, no need for a table.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
