using System.Buffers.Binary;
using SkiaSharp;

namespace Katalyst.Media.Decoding;

/// <summary>
/// An image's size as its header declares it, read without decoding a pixel: what intake checks against its pixel
/// limit before storing or decoding anything. A PNG's IHDR is read directly (Skia's PNG codec wants pixel data before
/// it answers, so a header-only bomb would otherwise pass unnoticed); other formats through Skia's codec.
/// </summary>
public static class ImageDimensions
{
    private static ReadOnlySpan<byte> PngStart => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    /// <summary>The width and height a PNG's IHDR declares (big-endian at bytes 16 and 20), or null when the bytes do not start a PNG.</summary>
    public static (long Width, long Height)? PngHeader(ReadOnlySpan<byte> head) =>
        head.Length >= 24 && head.StartsWith(PngStart)
            ? (BinaryPrimitives.ReadUInt32BigEndian(head[16..]), BinaryPrimitives.ReadUInt32BigEndian(head[20..]))
            : null;

    /// <summary>Width and height declared by the start of an image file; null when the bytes are not an image Skia reads.</summary>
    /// <param name="head">The file's first bytes (a few hundred KiB are enough for every format read here).</param>
    public static (long Width, long Height)? Read(ReadOnlySpan<byte> head)
    {
        if (PngHeader(head) is { } png)
        {
            return png;
        }

        if (head.IsEmpty)
        {
            return null;
        }

        using var data = SKData.CreateCopy(head);
        using var codec = SKCodec.Create(data);
        return codec is null ? null : (codec.Info.Width, codec.Info.Height);
    }
}
