using Katalyst.Media.Decoding;
using Katalyst.Media.Pdq;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Katalyst.Media.Tests.Decoding;

public sealed class ImageDecoderTests
{
    private const int Width = 120;
    private const int Height = 90;

    public static TheoryData<string> Formats() => ["png", "jpeg", "webp", "gif", "bmp"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Decode_DrawnImage_GivesItsPixels(string format)
    {
        using var drawn = DrawnImages.Shapes(Width, Height);

        using var image = new ImageDecoder().Decode(Encoded(drawn, format), $"shapes.{format}");

        Assert.Equal(format, image.Format);
        Assert.Equal((Width, Height, PixelLayout.Rgba8888), (image.Width, image.Height, image.Layout));
        // Lossless formats give the drawn colours back exactly; lossy ones come close (JPEG, WebP at quality 95).
        var tolerance = format is "jpeg" or "webp" ? 40 : 0;
        var pixels = image.Pixels;
        foreach (var (x, y) in new[] { (5, 5), (Width / 5, Height / 4), (84, 45), (40, 75) })
        {
            var expected = drawn.GetPixel(x, y);
            var p = (y * pixels.RowBytes) + (4 * x);
            Assert.InRange(Math.Abs(pixels.Bytes[p] - expected.Red), 0, tolerance);
            Assert.InRange(Math.Abs(pixels.Bytes[p + 1] - expected.Green), 0, tolerance);
            Assert.InRange(Math.Abs(pixels.Bytes[p + 2] - expected.Blue), 0, tolerance);
        }
    }

    [Fact]
    public void Decode_LosslessFormats_HashIdentically()
    {
        using var drawn = DrawnImages.Shapes(Width, Height);
        var decoder = new ImageDecoder();

        var hashes = new[] { "png", "gif", "bmp" }.Select(format =>
        {
            using var image = decoder.Decode(Encoded(drawn, format), $"shapes.{format}");
            return PdqHasher.Hash(image.Pixels);
        }).ToArray();

        Assert.All(hashes, h => Assert.Equal(hashes[0], h));
        Assert.True(hashes[0].IsUsable, $"quality {hashes[0].Quality}");
    }

    [Fact]
    public void Decode_GreyPng_GivesGreyLayout()
    {
        using var drawn = new SKBitmap(new SKImageInfo(30, 20, SKColorType.Gray8, SKAlphaType.Opaque));
        drawn.Erase(new SKColor(77, 77, 77));

        using var image = new ImageDecoder().Decode(DrawnImages.Encode(drawn, SKEncodedImageFormat.Png), "grey.png");

        Assert.Equal(PixelLayout.Grey8, image.Layout);
        Assert.Equal(77, image.Pixels.Bytes[0]);
    }

    [Fact]
    public void Decode_TransparentPixels_KeepTheirRawColour()
    {
        var rgba = new byte[8 * 8 * 4];
        for (var p = 0; p < rgba.Length; p += 4)
        {
            (rgba[p], rgba[p + 1], rgba[p + 2], rgba[p + 3]) = (200, 100, 50, (byte)(p % 8 == 0 ? 0 : 128));
        }

        using var image = new ImageDecoder().Decode(HandEncoded.PngRgba(8, 8, rgba), "clear.png");

        Assert.Equal(rgba, image.Pixels.Bytes.ToArray());
    }

    [Theory]
    [InlineData("png")]
    [InlineData("png-header-only")]
    [InlineData("gif")]
    public void Decode_HeaderDeclaringHugeImage_RefusedBeforeDecoding(string format)
    {
        using var small = DrawnImages.Shapes(4, 4);
        var bomb = format switch
        {
            "png" => HandEncoded.PngDeclaring(60000, 60000),
            "png-header-only" => HandEncoded.PngDeclaring(60000, 60000, withPixelData: false),
            _ => HandEncoded.Gif(small, 60000, 60000),
        };

        var error = Assert.Throws<ImageDecodingException>(() => new ImageDecoder().Decode(bomb, $"bomb.{format}"));

        Assert.Equal($"bomb.{format}", error.Source);
        Assert.Contains("60000 x 60000", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused before decoding", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ConfiguredLimit_RefusesJustAboveIt()
    {
        using var drawn = DrawnImages.Shapes(Width, Height);
        var decoder = new ImageDecoder(Options.Create(new ImageDecodingOptions { MaxPixels = (Width * Height) - 1 }));

        var error = Assert.Throws<ImageDecodingException>(() => decoder.Decode(Encoded(drawn, "png"), "shapes.png"));

        Assert.Contains("Media:Decoding:MaxPixels", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Decode_TruncatedBytes_RefusedNamingFile(string format)
    {
        using var drawn = DrawnImages.Shapes(Width, Height);
        var bytes = Encoded(drawn, format);

        var error = Assert.Throws<ImageDecodingException>(() => new ImageDecoder().Decode(bytes.AsSpan(0, bytes.Length / 2), $"cut.{format}"));

        Assert.StartsWith($"cut.{format}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, "is not an image")]
    [InlineData(new byte[0], "is empty")]
    public void Decode_NotAnImage_RefusedNamingFile(byte[] bytes, string reason)
    {
        var error = Assert.Throws<ImageDecodingException>(() => new ImageDecoder().Decode(bytes, "notes.txt"));

        Assert.StartsWith("notes.txt: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_MissingFile_RefusedNamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"katalyst-missing-{Guid.NewGuid():N}.png");

        var error = Assert.Throws<ImageDecodingException>(() => new ImageDecoder().Decode(path));

        Assert.Equal(path, error.Source);
        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NonPositiveLimit_FailsNamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new ImageDecoder(Options.Create(new ImageDecodingOptions { MaxPixels = 0 })));

        Assert.Contains("Media:Decoding:MaxPixels", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Encoded(SKBitmap drawn, string format) => format switch
    {
        "png" => DrawnImages.Encode(drawn, SKEncodedImageFormat.Png),
        "jpeg" => DrawnImages.Encode(drawn, SKEncodedImageFormat.Jpeg),
        "webp" => DrawnImages.Encode(drawn, SKEncodedImageFormat.Webp),
        "gif" => HandEncoded.Gif(drawn),
        "bmp" => HandEncoded.Bmp(drawn),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a test format"),
    };
}
