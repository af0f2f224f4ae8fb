using Katalyst.Scoring.Evaluation;

namespace Katalyst.Scoring.Tests.Evaluation;

public sealed class BinaryCountsTests
{
    [Fact]
    public void Count_HandExample_PrecisionRecallF1()
    {
        bool[] truth = [true, true, true, false, false, false, true, false];
        bool[] predicted = [true, true, false, true, false, false, false, false];
        var c = BinaryCounts.Count(truth, predicted);
        Assert.Equal(new BinaryCounts(2, 1, 2, 3), c);
        Assert.Equal(2.0 / 3, c.Precision, 10);
        Assert.Equal(0.5, c.Recall, 10);
        Assert.Equal(4.0 / 7, c.F1, 10); // 2·(2/3)·(1/2) / (2/3 + 1/2)
    }

    [Fact]
    public void F1_NothingToFindNothingFlagged_IsOne() => Assert.Equal(1.0, new BinaryCounts(0, 0, 0, 5).F1);

    [Fact]
    public void F1_PositivesMissedNoneFlagged_IsZero()
    {
        var c = new BinaryCounts(0, 0, 3, 5);
        Assert.Equal(1.0, c.Precision);
        Assert.Equal(0.0, c.Recall);
        Assert.Equal(0.0, c.F1);
    }

    [Fact]
    public void Count_LengthsDiffer_Throws() =>
        Assert.Throws<ArgumentException>(() => BinaryCounts.Count([true], [true, false]));
}
