namespace Katalyst.Media.Pdq;

/// <summary>How 8-bit pixels are laid out in memory.</summary>
public enum PixelLayout
{
    /// <summary>One byte a pixel: the grey level, used as the luminance itself.</summary>
    Grey8,

    /// <summary>Four bytes a pixel: R, G, B and alpha (alpha ignored; colour never premultiplied).</summary>
    Rgba8888,
}

/// <summary>A view of decoded 8-bit pixels: <see cref="Height"/> rows of <see cref="RowBytes"/> bytes.</summary>
public readonly ref struct PixelSpan
{
    /// <summary>Checks the size and that <paramref name="bytes"/> holds every row.</summary>
    public PixelSpan(ReadOnlySpan<byte> bytes, int width, int height, int rowBytes, PixelLayout layout)
    {
        Check(width, height);
        var pixelBytes = layout == PixelLayout.Grey8 ? 1 : 4;
        if (rowBytes < width * pixelBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(rowBytes), rowBytes, $"A row of {width} {layout} pixels needs {width * pixelBytes} bytes.");
        }

        if (bytes.Length < ((long)rowBytes * (height - 1)) + (width * pixelBytes))
        {
            throw new ArgumentException($"{width} x {height} {layout} pixels with {rowBytes} bytes a row do not fit in {bytes.Length} bytes.", nameof(bytes));
        }

        Bytes = bytes;
        (Width, Height, RowBytes, Layout) = (width, height, rowBytes, layout);
    }

    /// <summary>The pixel bytes, row after row.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>Pixels a row.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Bytes from the start of one row to the start of the next.</summary>
    public int RowBytes { get; }

    /// <summary>Grey or R, G, B, A.</summary>
    public PixelLayout Layout { get; }

    internal static void Check(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if ((long)width * height > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"{width} x {height} pixels is more than one image may hold.");
        }
    }
}
