using Katalyst.Media.Pdq;
using SkiaSharp;

namespace Katalyst.Media.Decoding;

/// <summary>Decoded 8-bit pixels (grey, or R, G, B, A never premultiplied) in native memory; dispose to free them.</summary>
public sealed class DecodedImage : IDisposable
{
    private readonly SKBitmap bitmap;

    internal DecodedImage(SKBitmap bitmap, PixelLayout layout, string format)
    {
        this.bitmap = bitmap;
        Layout = layout;
        Format = format;
    }

    /// <summary>Pixels a row.</summary>
    public int Width => bitmap.Width;

    /// <summary>Rows.</summary>
    public int Height => bitmap.Height;

    /// <summary>Grey or R, G, B, A.</summary>
    public PixelLayout Layout { get; }

    /// <summary>The encoded format: jpeg, png, gif, bmp or webp.</summary>
    public string Format { get; }

    /// <summary>The pixels, for hashing.</summary>
    public PixelSpan Pixels => new(bitmap.GetPixelSpan(), Width, Height, bitmap.RowBytes, Layout);

    /// <inheritdoc />
    public void Dispose() => bitmap.Dispose();
}
