using Katalyst.Referrals.Linking;

namespace Katalyst.Referrals.Tests.Linking;

public sealed class LinkingOptionsTests
{
    [Fact]
    public void Problems_Defaults_None() => Assert.Empty(new LinkingOptions().Problems());

    [Fact]
    public void ThresholdFor_ConfiguredKind_OverridesDefault()
    {
        var options = new LinkingOptions { Thresholds = { [IdentifierKinds.Ip] = 5 } };

        Assert.Equal(5, options.ThresholdFor(IdentifierKinds.Ip));
        Assert.Equal(LinkingOptions.DefaultThresholds[IdentifierKinds.Email], options.ThresholdFor(IdentifierKinds.Email));
    }

    [Fact]
    public void Problems_UnknownKind_NamesTheKey()
    {
        var options = new LinkingOptions { Thresholds = { ["emial"] = 5 } };

        Assert.Contains(options.Problems(), p => p.StartsWith("Linking:Thresholds:emial names no identifier kind", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_NegativeThreshold_NamesTheKey()
    {
        var options = new LinkingOptions { Thresholds = { [IdentifierKinds.Sha256] = -1 } };

        Assert.Contains(options.Problems(), p => p.StartsWith("Linking:Thresholds:sha256 is -1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65)]
    public void Problems_PdqRadiusOutOfRange_NamesTheKey(int radius)
    {
        var options = new LinkingOptions { PdqRadius = radius };

        Assert.Contains(options.Problems(), p => p.StartsWith($"Linking:PdqRadius is {radius}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(64)]
    public void Problems_PdqRadiusAtBounds_None(int radius) => Assert.Empty(new LinkingOptions { PdqRadius = radius }.Problems());

    [Fact]
    public void Problems_BadRegion_NamesTheKey()
    {
        var options = new LinkingOptions { DefaultRegion = "Pakistan" };

        Assert.Contains(options.Problems(), p => p.StartsWith("Linking:DefaultRegion", StringComparison.Ordinal));
    }
}
