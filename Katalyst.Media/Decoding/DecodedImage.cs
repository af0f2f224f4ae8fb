using System.Buffers;
using Katalyst.Media.Pdq;

namespace Katalyst.Media.Decoding;

/// <summary>
/// Decoded 8-bit pixels (grey, or R, G, B, A never premultiplied). The buffer is rented from the shared array pool, so a
/// thread decoding image after image reuses one buffer instead of faulting in fresh pages each time; dispose to return it.
/// </summary>
public sealed class DecodedImage : IDisposable
{
    private byte[]? buffer;

    internal DecodedImage(byte[] buffer, int width, int height, PixelLayout layout, string format)
    {
        this.buffer = buffer;
        (Width, Height, Layout, Format) = (width, height, layout, format);
    }

    /// <summary>Pixels a row.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Grey or R, G, B, A.</summary>
    public PixelLayout Layout { get; }

    /// <summary>The encoded format: jpeg, png, gif, bmp or webp.</summary>
    public string Format { get; }

    /// <summary>Bytes from the start of one row to the start of the next (no padding).</summary>
    public int RowBytes => Width * (Layout == PixelLayout.Grey8 ? 1 : 4);

    /// <summary>The pixels, for hashing.</summary>
    public PixelSpan Pixels
    {
        get
        {
            ObjectDisposedException.ThrowIf(buffer is null, this);
            return new PixelSpan(buffer.AsSpan(0, RowBytes * Height), Width, Height, RowBytes, Layout);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref buffer, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
