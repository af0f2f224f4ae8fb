using Katalyst.Media.Pdq;

namespace Katalyst.Media.Tests.Pdq;

public sealed class PdqHashTests
{
    private const string Sample = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    [Fact]
    public void Parse_UpstreamHex_RoundTripsLowercase()
    {
        var hash = PdqHash.Parse(Sample.ToUpperInvariant());
        Assert.Equal(Sample, hash.ToString());
    }

    [Fact]
    public void Indexer_BitZero_IsLastHexDigitsLowBit()
    {
        var hash = PdqHash.Parse(new string('0', 63) + "1");
        Assert.True(hash[0]);
        Assert.False(hash[1]);
        Assert.True(PdqHash.Parse("8" + new string('0', 63))[255]);
    }

    [Fact]
    public void DistanceTo_CountsDifferingBits()
    {
        var a = PdqHash.Parse(Sample);
        var flipped = new PdqHash(a.Bits255To192 ^ 0b111, a.Bits191To128, a.Bits127To64, a.Bits63To0 ^ (1UL << 63));
        Assert.Equal(4, a.DistanceTo(flipped));
        Assert.Equal(0, a.DistanceTo(a));
        Assert.Equal(256, default(PdqHash).DistanceTo(new PdqHash(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue)));
    }

    [Theory]
    [InlineData("abc", "64 hex digits, not 3")]
    [InlineData("zz" + "f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22", "hex digits only")]
    public void TryParse_BadText_NamesProblem(string text, string expected)
    {
        Assert.False(PdqHash.TryParse(text, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
