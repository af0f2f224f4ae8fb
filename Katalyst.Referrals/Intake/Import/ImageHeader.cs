using StbImageSharp;

namespace Katalyst.Referrals.Intake.Import;

/// <summary>Reads an image's size from its header alone, so an oversized image is refused before anything decodes it.</summary>
public static class ImageHeader
{
    /// <summary>Width × height of a PNG, JPEG, GIF, BMP or similar image; 0 when the file is not an image stb knows.</summary>
    public static long Pixels(string path)
    {
        using var stream = File.OpenRead(path);
        return Pixels(stream);
    }

    /// <summary>The same, from the start of a stream that need not seek (a zip entry): only its first 256 KiB are read.</summary>
    public static long Pixels(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            var prefix = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while (prefix.Length < 256 * 1024 && (read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                prefix.Write(buffer, 0, read);
            }

            prefix.Position = 0;
            stream = prefix;
        }

        var info = ImageInfo.FromStream(stream);
        return info is { } known ? (long)known.Width * known.Height : 0;
    }

    /// <summary>
    /// Width and height as the header of a seekable stream declares them, read from the header alone; null when
    /// the bytes are not an image stb knows. The stream is left where it was.
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
            return ImageInfo.FromStream(stream) is { } known ? (known.Width, known.Height) : null;
        }
        finally
        {
            stream.Position = start;
        }
    }
}
