using Katalyst.Media.Decoding;

namespace Katalyst.Referrals.Intake.Import;

/// <summary>
/// Reads an image's size from its header alone, so an oversized image is refused before anything decodes it. Only the
/// first 256 KiB are read (<see cref="ImageDimensions"/>: Skia's codecs, and a PNG's IHDR read directly).
/// </summary>
public static class ImageHeader
{
    private const int HeadBytes = 256 * 1024;

    /// <summary>Width × height of a PNG, JPEG, GIF, BMP or WebP image; 0 when the file is not an image read here.</summary>
    public static long Pixels(string path)
    {
        using var stream = File.OpenRead(path);
        return Pixels(stream);
    }

    /// <summary>The same, from the start of a stream that need not seek (a zip entry).</summary>
    public static long Pixels(Stream stream) => Read(stream) is { } size ? size.Width * size.Height : 0;

    /// <summary>
    /// Width and height as the header of a seekable stream declares them, read from the header alone; null when
    /// the bytes are not an image read here. The stream is left where it was.
    /// </summary>
    public static (int Width, int Height)? Dimensions(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The image header is read from a seekable stream.", nameof(stream));
        }

        var start = stream.Position;
        try
        {
            return Read(stream) is { } size && size.Width <= int.MaxValue && size.Height <= int.MaxValue ? ((int)size.Width, (int)size.Height) : null;
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static (long Width, long Height)? Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[HeadBytes];
        var filled = 0;
        int read;
        while (filled < head.Length && (read = stream.Read(head, filled, head.Length - filled)) > 0)
        {
            filled += read;
        }

        return ImageDimensions.Read(head.AsSpan(0, filled));
    }
}
