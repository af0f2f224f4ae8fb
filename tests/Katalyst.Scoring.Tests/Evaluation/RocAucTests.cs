using Katalyst.Scoring.Evaluation;

namespace Katalyst.Scoring.Tests.Evaluation;

public sealed class RocAucTests
{
    [Fact]
    public void Compute_PerfectRanking_IsOne() =>
        Assert.Equal(1.0, RocAuc.Compute([false, false, true, true], [0.1f, 0.2f, 0.8f, 0.9f]));

    [Fact]
    public void Compute_ReversedRanking_IsZero() =>
        Assert.Equal(0.0, RocAuc.Compute([true, true, false, false], [0.1f, 0.2f, 0.8f, 0.9f]));

    [Fact]
    public void Compute_HandExample_CountsPairs()
    {
        // Positives 0.8, 0.4; negatives 0.6, 0.2. Pairs won: (0.8>0.6), (0.8>0.2), (0.4>0.2) = 3 of 4.
        Assert.Equal(0.75, RocAuc.Compute([true, false, true, false], [0.8f, 0.6f, 0.4f, 0.2f]));
    }

    [Fact]
    public void Compute_Ties_CountHalf()
    {
        // Positive 0.5 ties negative 0.5 (half) and beats 0.1 (one); positive 0.9 beats both: (1 + 0.5 + 1 + 1) / 4.
        Assert.Equal(0.875, RocAuc.Compute([true, true, false, false], [0.5f, 0.9f, 0.5f, 0.1f]));
    }

    [Fact]
    public void Compute_AllTied_IsHalf() =>
        Assert.Equal(0.5, RocAuc.Compute([true, false, true, false], [0.3f, 0.3f, 0.3f, 0.3f]));

    [Fact]
    public void Compute_NoNegatives_IsNull() => Assert.Null(RocAuc.Compute([true, true], [0.1f, 0.2f]));

    [Fact]
    public void Compute_NaNScore_Throws() =>
        Assert.Throws<ArgumentException>(() => RocAuc.Compute([true, false], [float.NaN, 0.2f]));
}
