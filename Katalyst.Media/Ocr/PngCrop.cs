using Katalyst.Media.Decoding;
using Katalyst.Media.Pdq;
using Katalyst.Media.Text;
using SkiaSharp;

namespace Katalyst.Media.Ocr;

/// <summary>A decoded image, or one region of it, encoded as PNG (lossless) with Skia, to hand to a program.</summary>
internal static class PngCrop
{
    public static byte[] Encode(DecodedImage image, TextRegion? region)
    {
        ArgumentNullException.ThrowIfNull(image);
        var grey = image.Layout == PixelLayout.Grey8;
        var info = new SKImageInfo(image.Width, image.Height, grey ? SKColorType.Gray8 : SKColorType.Rgba8888, grey ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        var area = region is { } r
            ? SKRectI.Intersect(new SKRectI(r.X, r.Y, r.Right, r.Bottom), new SKRectI(0, 0, image.Width, image.Height))
            : new SKRectI(0, 0, image.Width, image.Height);
        if (area.IsEmpty)
        {
            throw new ArgumentOutOfRangeException(nameof(region), region, $"The region lies outside the {image.Width} x {image.Height} image.");
        }

        var pixels = image.Pixels;
        unsafe
        {
            fixed (byte* source = pixels.Bytes)
            {
                using var whole = new SKPixmap(info, (IntPtr)source, pixels.RowBytes);
                using var part = whole.ExtractSubset(area)
                    ?? throw new InvalidOperationException($"Skia could not take the {area} crop of a {image.Width} x {image.Height} image.");
                using var data = part.Encode(SKEncodedImageFormat.Png, 100)
                    ?? throw new InvalidOperationException($"Skia could not encode a {area.Width} x {area.Height} crop as PNG.");
                return data.ToArray();
            }
        }
    }
}
