using Katalyst.Media.Decoding;
using Katalyst.Media.Pdq;
using SkiaSharp;

namespace Katalyst.Inference.Media.Models;

/// <summary>
/// Pre-processing for the media models with SkiaSharp (already the project's decoder): a region of the picture resampled
/// bilinearly to a square, as TF.js's <c>resizeBilinear</c> and <c>cropAndResize</c> do for the original models, and
/// written as NHWC float32 RGB scaled per model. Transparent pixels are composited over black; grey pictures become RGB.
/// </summary>
public static class ImageTensors
{
    /// <summary>A copy of the decoded pixels as an immutable Skia image, kept for the face crops after detection.</summary>
    public static SKImage ToImage(DecodedImage decoded)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        var pixels = decoded.Pixels;
        var info = decoded.Layout == PixelLayout.Grey8
            ? new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Gray8, SKAlphaType.Opaque)
            : new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        return SKImage.FromPixelCopy(info, pixels.Bytes, decoded.RowBytes)
            ?? throw new InvalidOperationException($"Skia could not copy a {decoded.Width} x {decoded.Height} picture");
    }

    /// <summary>
    /// The <paramref name="source"/> region of <paramref name="image"/> (in its pixels; parts outside it are black)
    /// resampled to <paramref name="size"/> x <paramref name="size"/>, each channel value v (0 to 255) written as
    /// v * <paramref name="scale"/> + <paramref name="offset"/>, NHWC without the batch axis.
    /// </summary>
    public static float[] Tensor(SKImage image, SKRect source, int size, float scale, float offset)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Black);
            canvas.DrawImage(image, source, new SKRect(0, 0, size, size), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        }

        var rgba = bitmap.GetPixelSpan();
        var tensor = new float[size * size * 3];
        for (int pixel = 0, value = 0; pixel < rgba.Length; pixel += 4)
        {
            tensor[value++] = rgba[pixel] * scale + offset;
            tensor[value++] = rgba[pixel + 1] * scale + offset;
            tensor[value++] = rgba[pixel + 2] * scale + offset;
        }

        return tensor;
    }

    /// <summary>The whole picture, stretched to <paramref name="size"/> x <paramref name="size"/> as the models were trained.</summary>
    public static float[] Whole(SKImage image, int size, float scale, float offset)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Tensor(image, new SKRect(0, 0, image.Width, image.Height), size, scale, offset);
    }

    /// <summary>
    /// The region of <paramref name="image"/> FaceRes is shown for <paramref name="face"/>, in pixels. Human (whose
    /// FaceRes this is) gives the model a square crop about 1.5 times the detected box and then crops its central part
    /// (x 15 to 85 %, y 5 to 85 %); this follows that shape from BlazeFace's box alone (Human refines the box with its
    /// face mesh first, which the project does not convert).
    /// </summary>
    public static SKRect FaceCrop(SKImage image, FaceBox face)
    {
        ArgumentNullException.ThrowIfNull(image);
        var centreX = (face.Left + face.Right) / 2 * image.Width;
        var centreY = (face.Top + face.Bottom) / 2 * image.Height;
        var side = 1.5f * Math.Max((face.Right - face.Left) * image.Width, (face.Bottom - face.Top) * image.Height);
        var left = centreX - side / 2;
        var top = centreY - side / 2;
        return new SKRect(left + 0.15f * side, top + 0.05f * side, left + 0.85f * side, top + 0.85f * side);
    }
}
