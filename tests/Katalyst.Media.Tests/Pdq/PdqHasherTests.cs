using Katalyst.Media.Pdq;

namespace Katalyst.Media.Tests.Pdq;

public sealed class PdqHasherTests
{
    [Theory]
    [InlineData(5, 5)]
    [InlineData(7, 300)]
    [InlineData(63, 65)]
    [InlineData(129, 17)]
    [InlineData(300, 201)]
    [InlineData(1031, 77)]
    public void BlurAndDecimate_OddSizes_MatchesLiteralSpecBitForBit(int width, int height)
    {
        var random = new Random(width * 7919 + height);
        var luma = new float[width * height];
        for (var p = 0; p < luma.Length; p++)
        {
            luma[p] = (RgbaLuma.RedWeight * random.Next(256)) + (RgbaLuma.GreenWeight * random.Next(256)) + (RgbaLuma.BlueWeight * random.Next(256));
        }

        var grid = new float[64 * 64];
        JaroszBlur.BlurAndDecimate(new PlaneLuma(luma, width), width, height, grid);

        var expected = LiteralPdq.Grid(luma, width, height);
        Assert.Equal(expected.Select(BitConverter.SingleToUInt32Bits), grid.Select(BitConverter.SingleToUInt32Bits));
    }

    [Theory]
    [InlineData(4, 100)]
    [InlineData(100, 4)]
    [InlineData(1, 1)]
    public void Hash_SideBelowFive_ZeroHashQualityZero(int width, int height)
    {
        var pixels = new byte[width * height * 4];
        Random.Shared.NextBytes(pixels);

        var plain = PdqHasher.Hash(new PixelSpan(pixels, width, height, width * 4, PixelLayout.Rgba8888));
        var dihedral = PdqHasher.HashDihedral(new PixelSpan(pixels, width, height, width * 4, PixelLayout.Rgba8888));

        Assert.Equal(default, plain);
        Assert.All(dihedral.Hashes, h => Assert.Equal(default, h));
        Assert.Equal(0, dihedral.Quality);
    }

    [Fact]
    public void Hash_RgbaWhereEveryPixelIsGrey_HashesAsGreyLikeTheReferenceDecoder()
    {
        var (width, height) = (97, 61);
        var grey = new byte[width * height];
        new Random(5).NextBytes(grey);
        var rgba = new byte[width * height * 4];
        for (var p = 0; p < grey.Length; p++)
        {
            (rgba[4 * p], rgba[(4 * p) + 1], rgba[(4 * p) + 2], rgba[(4 * p) + 3]) = (grey[p], grey[p], grey[p], 255);
        }

        var asGrey = PdqHasher.HashDihedral(new PixelSpan(grey, width, height, width, PixelLayout.Grey8));
        var asRgba = PdqHasher.HashDihedral(new PixelSpan(rgba, width, height, width * 4, PixelLayout.Rgba8888));

        Assert.Equal(asGrey.Hashes, asRgba.Hashes);
        Assert.Equal(asGrey.Quality, asRgba.Quality);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(99 * 60 - 1)]
    public void IsGrey_OneColouredPixelAnywhere_False(int pixel)
    {
        var (width, height) = (99, 60); // 12 vectors and a 3-pixel tail a row
        var rgba = Enumerable.Repeat((byte)90, width * height * 4).ToArray();
        Assert.True(RgbaLuma.IsGrey(rgba, width, height, width * 4));

        rgba[(4 * pixel) + 2] = 91;

        Assert.False(RgbaLuma.IsGrey(rgba, width, height, width * 4));
    }

    [Fact]
    public void Hash_AlphaZero_UsesRawColour()
    {
        var (width, height) = (40, 30);
        var opaque = Gradient(width, height, alpha: 255);
        var transparent = Gradient(width, height, alpha: 0);

        Assert.Equal(PdqHasher.Hash(new PixelSpan(opaque, width, height, width * 4, PixelLayout.Rgba8888)),
            PdqHasher.Hash(new PixelSpan(transparent, width, height, width * 4, PixelLayout.Rgba8888)));
    }

    [Fact]
    public void Hash_64x64_UsesLumaAsGridWhileDihedralBlurs()
    {
        var luma = new float[64 * 64];
        var random = new Random(64);
        for (var p = 0; p < luma.Length; p++)
        {
            luma[p] = random.Next(256);
        }

        var grey = luma.Select(v => (byte)v).ToArray();
        var plain = PdqHasher.Hash(new PixelSpan(grey, 64, 64, 64, PixelLayout.Grey8));

        // Upstream's plain path hashes a 64 x 64 image unblurred: the same as hashing the plane directly.
        Assert.Equal(PdqHasher.HashLuminance(luma, 64, 64), plain);
        var block = new float[256];
        PdqDct.Transform(luma, block);
        Assert.Equal(PdqBits.Threshold(block), plain.Hash);
    }

    [Fact]
    public void HashDihedral_Original_EqualsPlainHash()
    {
        var (width, height) = (123, 87);
        var pixels = Gradient(width, height, alpha: 255);
        var span = new PixelSpan(pixels, width, height, width * 4, PixelLayout.Rgba8888);

        Assert.Equal(PdqHasher.Hash(span).Hash, PdqHasher.HashDihedral(span)[PdqDihedral.Original]);
    }

    [Fact]
    public void PixelSpan_TooFewBytes_NamesSizes()
    {
        var error = Assert.Throws<ArgumentException>(() => new PixelSpan(new byte[10], 4, 4, 16, PixelLayout.Rgba8888));
        Assert.Contains("4 x 4 Rgba8888 pixels", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Gradient(int width, int height, byte alpha)
    {
        var pixels = new byte[width * height * 4];
        for (var i = 0; i < height; i++)
        {
            for (var j = 0; j < width; j++)
            {
                var p = 4 * ((i * width) + j);
                (pixels[p], pixels[p + 1], pixels[p + 2], pixels[p + 3]) = ((byte)(j * 255 / width), (byte)(i * 255 / height), (byte)((i * j) % 251), alpha);
            }
        }

        return pixels;
    }
}
