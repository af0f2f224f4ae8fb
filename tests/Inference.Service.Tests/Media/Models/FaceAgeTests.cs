using Katalyst.Inference.Media.Models;

namespace Katalyst.Inference.Tests.Media.Models;

/// <summary>FaceRes's 100 one-year bins read as apparent age and the probability of an apparent minor.</summary>
public sealed class FaceAgeTests
{
    [Fact]
    public void ApparentAge_TwoEqualBins_TheirMean()
    {
        var bins = new float[100];
        bins[10] = 0.5f;
        bins[30] = 0.5f;

        Assert.Equal(20f, FaceAge.ApparentAge(bins), 4);
    }

    [Fact]
    public void ApparentAge_UnnormalisedBins_Renormalised()
    {
        var bins = new float[100];
        bins[16] = 1;
        bins[40] = 3;

        Assert.Equal((16 + 3 * 40) / 4f, FaceAge.ApparentAge(bins), 4);
    }

    [Fact]
    public void MinorProbability_BinsEither_SideOfEighteen_SumsBinsBelowEighteen()
    {
        var bins = new float[100];
        bins[17] = 0.3f;
        bins[18] = 0.5f;
        bins[5] = 0.2f;

        Assert.Equal(0.5f, FaceAge.MinorProbability(bins), 5);
    }

    [Fact]
    public void ApparentAge_WrongNumberOfBins_ThrowsNamingTheCount()
    {
        var error = Assert.Throws<ArgumentException>(() => FaceAge.ApparentAge(new float[101]));

        Assert.Contains("101", error.Message, StringComparison.Ordinal);
    }
}
