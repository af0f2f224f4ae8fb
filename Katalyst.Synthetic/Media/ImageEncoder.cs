using StbImageWriteSharp;

namespace Katalyst.Synthetic.Media;

/// <summary>PNG and JPEG encoding through the pure-managed stb port (deterministic, no native code).</summary>
internal static class ImageEncoder
{
    public static byte[] Encode(Pixels pixels, ImageEncoding encoding, int jpegQuality)
    {
        using var stream = new MemoryStream();
        var writer = new ImageWriter();
        if (encoding == ImageEncoding.Png)
        {
            writer.WritePng(pixels.Rgb, pixels.Width, pixels.Height, ColorComponents.RedGreenBlue, stream);
        }
        else
        {
            writer.WriteJpg(pixels.Rgb, pixels.Width, pixels.Height, ColorComponents.RedGreenBlue, stream, jpegQuality);
        }

        return stream.ToArray();
    }

    public static string Extension(ImageEncoding encoding) => encoding == ImageEncoding.Png ? "png" : "jpg";
}
