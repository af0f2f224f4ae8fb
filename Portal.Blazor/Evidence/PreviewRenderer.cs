using Katalyst.Referrals.Intake.Import;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Katalyst.Portal.Evidence;

/// <summary>
/// Makes the preview an investigator sees first: a small thumbnail, greyscale and strongly blurred, made on the
/// server so the browser never receives the clear image. The declared size is checked from the header before
/// anything decodes (decompression bombs). Evidence is only read, never changed.
/// </summary>
public sealed class PreviewRenderer(IOptions<EvidenceOptions> options)
{
    // Luminance (Rec. 601) in every colour row: the three channels come out equal.
    private static readonly float[] Greyscale =
    [
        0.299f, 0.587f, 0.114f, 0, 0,
        0.299f, 0.587f, 0.114f, 0, 0,
        0.299f, 0.587f, 0.114f, 0, 0,
        0, 0, 0, 1, 0,
    ];

    /// <summary>
    /// A blurred greyscale PNG of the image in <paramref name="image"/> (a seekable stream); null when the bytes are
    /// not an image that can be decoded (the caller shows a neutral placeholder instead).
    /// </summary>
    /// <exception cref="PreviewRefusedException">The header declares more pixels than <see cref="EvidenceOptions.MaxPreviewPixels"/>.</exception>
    public byte[]? Render(Stream image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var limits = options.Value;
        var (width, height) = DeclaredSize(image) ?? (0, 0);
        if (width <= 0 || height <= 0)
        {
            return null;
        }

        if ((long)width * height > limits.MaxPreviewPixels)
        {
            throw new PreviewRefusedException(
                $"The image declares {width:N0} × {height:N0} pixels, more than the preview limit of {limits.MaxPreviewPixels:N0} (Evidence:MaxPreviewPixels); it is not decoded.");
        }

        using var decoded = SKBitmap.Decode(image);
        if (decoded is null)
        {
            return null;
        }

        var scale = Math.Min(1.0, (double)limits.PreviewMaxSide / Math.Max(decoded.Width, decoded.Height));
        var thumbWidth = Math.Max(1, (int)Math.Round(decoded.Width * scale));
        var thumbHeight = Math.Max(1, (int)Math.Round(decoded.Height * scale));
        using var thumbnail = decoded.Resize(new SKImageInfo(thumbWidth, thumbHeight), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw new PreviewRefusedException("The image could not be scaled down for a preview.");

        // Strong enough that shapes are only a hint: a sigma of 1/16 of the longer side, at least 4 pixels.
        var sigma = Math.Max(4f, Math.Max(thumbWidth, thumbHeight) / 16f);
        using var surface = SKSurface.Create(new SKImageInfo(thumbWidth, thumbHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint();
        paint.ColorFilter = SKColorFilter.CreateColorMatrix(Greyscale);
        paint.ImageFilter = SKImageFilter.CreateBlur(sigma, sigma, SKShaderTileMode.Clamp);
        using var source = SKImage.FromBitmap(thumbnail);
        canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), paint);
        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>
    /// The neutral picture shown for a file that is not an image: a plain grey tile, the same for every file, so
    /// nothing of the content is ever drawn. The page names the file type beside it.
    /// </summary>
    public byte[] Placeholder()
    {
        var side = options.Value.PreviewMaxSide;
        using var surface = SKSurface.Create(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(new SKColor(0xC8, 0xC8, 0xC8));
        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    // stb reads the common formats' headers; Skia's codec reads the header of the few it knows beyond them (WebP).
    private static (int Width, int Height)? DeclaredSize(Stream image)
    {
        if (ImageHeader.Dimensions(image) is { } declared)
        {
            return declared;
        }

        var start = image.Position;
        try
        {
            using var codec = SKCodec.Create(new SKManagedStream(image, disposeManagedStream: false));
            return codec is null ? null : (codec.Info.Width, codec.Info.Height);
        }
        finally
        {
            image.Position = start;
        }
    }
}

/// <summary>A preview was refused before decoding; the message says why.</summary>
public sealed class PreviewRefusedException(string message) : Exception(message);
