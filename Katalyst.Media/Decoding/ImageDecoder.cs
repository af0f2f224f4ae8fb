using System.Buffers;
using Katalyst.Media.Pdq;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Katalyst.Media.Decoding;

/// <summary>
/// Decodes JPEG, PNG, GIF (first frame), BMP and WebP with SkiaSharp into the pixels PDQ hashes: grey images as grey,
/// everything else as R, G, B, A without premultiplying (the raw colour of transparent pixels is kept, as the reference's
/// decoder keeps it), no colour-space conversion and no EXIF rotation (the reference applies neither). The size the header
/// declares is checked against <see cref="ImageDecodingOptions.MaxPixels"/> before any pixel is decoded, and a truncated
/// or corrupt file is refused rather than hashed half-grey. Thread-safe.
/// </summary>
public sealed class ImageDecoder
{
    private readonly long maxPixels;

    /// <summary>A decoder with the given limits (checked: a bad limit throws naming the key).</summary>
    public ImageDecoder(IOptions<ImageDecodingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ImageDecodingOptionsValidator().Validate(null, options.Value);
        if (result.Failed)
        {
            throw new OptionsValidationException(ImageDecodingOptions.Section, typeof(ImageDecodingOptions), [result.FailureMessage]);
        }

        maxPixels = options.Value.MaxPixels;
    }

    /// <summary>A decoder with the default limits.</summary>
    public ImageDecoder()
        : this(Options.Create(new ImageDecodingOptions()))
    {
    }

    /// <summary>Decodes the file at <paramref name="path"/> (read, never changed).</summary>
    public DecodedImage Decode(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageDecodingException(path, $"cannot be read ({e.Message})");
        }

        return Decode(bytes, path);
    }

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="name"/> (a file name) is what errors name.</summary>
    public DecodedImage Decode(ReadOnlySpan<byte> bytes, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (bytes.IsEmpty)
        {
            throw new ImageDecodingException(name, "is empty, not an image");
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(new SKMemoryStream(data), out var created)
            ?? throw Unreadable(bytes, name, created);
        var format = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => "jpeg",
            SKEncodedImageFormat.Png => "png",
            SKEncodedImageFormat.Gif => "gif",
            SKEncodedImageFormat.Bmp => "bmp",
            SKEncodedImageFormat.Webp => "webp",
            var other => throw new ImageDecodingException(name, $"is {other}; only JPEG, PNG, GIF, BMP and WebP are decoded"),
        };

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width < 1 || height < 1)
        {
            throw new ImageDecodingException(name, $"declares an empty {width} x {height} image");
        }

        if (TooLarge(name, width, height) is { } refusal)
        {
            throw refusal;
        }

        var layout = codec.Info.ColorType == SKColorType.Gray8 ? PixelLayout.Grey8 : PixelLayout.Rgba8888;
        var info = new SKImageInfo(width, height, layout == PixelLayout.Grey8 ? SKColorType.Gray8 : SKColorType.Rgba8888,
            layout == PixelLayout.Grey8 ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        var rowBytes = info.RowBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(rowBytes * height);
        try
        {
            SKCodecResult result;
            unsafe
            {
                fixed (byte* pixelBytes = buffer)
                {
                    result = codec.GetPixels(info, (IntPtr)pixelBytes, rowBytes, new SKCodecOptions(0));
                }
            }

            if (result != SKCodecResult.Success)
            {
                throw new ImageDecodingException(name, $"could not be decoded as {format}: {Describe(result)}");
            }

            return new DecodedImage(buffer, width, height, layout, format);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private ImageDecodingException? TooLarge(string name, int width, int height)
    {
        var pixels = (long)width * height;
        return pixels <= maxPixels ? null : new ImageDecodingException(name,
            $"declares {width} x {height} = {pixels:N0} pixels, more than the {maxPixels:N0} allowed ({ImageDecodingOptions.Section}:MaxPixels); refused before decoding");
    }

    // Skia reads no codec out of the bytes. Its PNG codec wants pixel data before it answers, so a PNG bomb that carries
    // none at all is recognised by its IHDR (signature, then width and height big-endian at 16 and 20) and named as one
    // (ImageDimensions.PngHeader, which intake uses for its pixel limit too).
    private ImageDecodingException Unreadable(ReadOnlySpan<byte> bytes, string name, SKCodecResult created)
    {
        if (ImageDimensions.PngHeader(bytes) is var (width, height))
        {
            if (width <= int.MaxValue && height <= int.MaxValue && TooLarge(name, (int)width, (int)height) is { } refusal)
            {
                return refusal;
            }

            return new ImageDecodingException(name, $"declares a {width} x {height} PNG but cannot be decoded: {Describe(created)}");
        }

        return new ImageDecodingException(name, $"is not an image this decoder reads (JPEG, PNG, GIF, BMP, WebP): {Describe(created)}");
    }

    private static string Describe(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => "the data ends before the image does (truncated)",
        SKCodecResult.ErrorInInput => "the data is corrupt",
        SKCodecResult.InvalidInput => "the data is not a valid image",
        SKCodecResult.Unimplemented => "this variant of the format is not supported",
        SKCodecResult.CouldNotRewind => "the data could not be re-read",
        SKCodecResult.InvalidConversion => "its pixels cannot be converted to 8-bit colour",
        SKCodecResult.InvalidScale or SKCodecResult.InvalidParameters => "the decoder refused the request",
        _ => $"the decoder answered {result}",
    };
}
