using StbImageSharp;

namespace Katalyst.Referrals.Intake.Import;

/// <summary>Reads an image's size from its header alone, so an oversized image is refused before anything decodes it.</summary>
internal static class ImageHeader
{
    /// <summary>Width × height of a PNG, JPEG, GIF, BMP or similar image; 0 when the file is not an image stb knows.</summary>
    public static long Pixels(string path)
    {
        using var stream = File.OpenRead(path);
        var info = ImageInfo.FromStream(stream);
        return info is { } known ? (long)known.Width * known.Height : 0;
    }
}
