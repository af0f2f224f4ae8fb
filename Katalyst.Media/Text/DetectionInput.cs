using Katalyst.Media.Decoding;
using Katalyst.Media.Pdq;
using SkiaSharp;

namespace Katalyst.Media.Text;

/// <summary>
/// PaddleOCR's detection pre-processing as pure functions: the input size (long side capped, both sides rounded to
/// multiples of 32 as <c>DetResizeForTest</c> does) and the NCHW tensor of one image, resized with Skia, channels in
/// PaddleOCR's B, G, R order (it reads images with OpenCV), each <c>(value / 255 - mean) / std</c> with ImageNet's mean
/// and standard deviation. Transparent pixels are laid over white first, so dark text on a transparent PNG stays visible.
/// </summary>
internal static class DetectionInput
{
    // ImageNet mean and standard deviation, in the order PaddleOCR applies them: to B, G, R.
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Std = [0.229f, 0.224f, 0.225f];

    /// <summary>The model input size of a <paramref name="width"/> x <paramref name="height"/> image.</summary>
    public static (int Width, int Height) Size(int width, int height, int maxSide)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var ratio = Math.Min(1.0, (double)maxSide / Math.Max(width, height));
        return (RoundTo32(width * ratio), RoundTo32(height * ratio));
    }

    /// <summary>Writes <paramref name="image"/>, resized to <paramref name="width"/> x <paramref name="height"/>, as 3 planes into <paramref name="destination"/>.</summary>
    public static void Fill(DecodedImage image, int width, int height, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        var plane = width * height;
        if (destination.Length < 3 * plane)
        {
            throw new ArgumentException($"A 3 x {height} x {width} tensor needs {3 * plane} floats, not {destination.Length}.", nameof(destination));
        }

        var grey = image.Layout == PixelLayout.Grey8;
        using var resized = Resize(image, width, height, grey);
        ReadOnlySpan<byte> pixels = resized.GetPixelSpan();
        var rowBytes = resized.RowBytes;
        var b = destination[..plane];
        var g = destination.Slice(plane, plane);
        var r = destination.Slice(2 * plane, plane);
        for (var y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * rowBytes, rowBytes);
            for (var x = 0; x < width; x++)
            {
                float red, green, blue;
                if (grey)
                {
                    red = green = blue = row[x];
                }
                else
                {
                    var p = 4 * x;
                    var alpha = row[p + 3] / 255f;
                    var white = 255f * (1 - alpha);
                    (red, green, blue) = ((row[p] * alpha) + white, (row[p + 1] * alpha) + white, (row[p + 2] * alpha) + white);
                }

                var i = (y * width) + x;
                b[i] = ((blue / 255f) - Mean[0]) / Std[0];
                g[i] = ((green / 255f) - Mean[1]) / Std[1];
                r[i] = ((red / 255f) - Mean[2]) / Std[2];
            }
        }
    }

    private static SKBitmap Resize(DecodedImage image, int width, int height, bool grey)
    {
        var colorType = grey ? SKColorType.Gray8 : SKColorType.Rgba8888;
        var alphaType = grey ? SKAlphaType.Opaque : SKAlphaType.Unpremul;
        var target = new SKBitmap(new SKImageInfo(width, height, colorType, alphaType));
        var pixels = image.Pixels;
        unsafe
        {
            fixed (byte* source = pixels.Bytes)
            {
                using var from = new SKPixmap(new SKImageInfo(image.Width, image.Height, colorType, alphaType), (IntPtr)source, pixels.RowBytes);
                using var to = target.PeekPixels();
                if (!from.ScalePixels(to, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)))
                {
                    target.Dispose();
                    throw new InvalidOperationException($"Skia could not resize a {image.Width} x {image.Height} {image.Layout} image to {width} x {height}.");
                }
            }
        }

        return target;
    }

    private static int RoundTo32(double side) => Math.Max(32, (int)Math.Round(side / 32, MidpointRounding.AwayFromZero) * 32);
}
