using Katalyst.Scoring.Evaluation;

namespace Katalyst.Scoring.Tests.Evaluation;

public sealed class CalibrationTests
{
    [Fact]
    public void BrierScore_HandExample_MeanSquaredError()
    {
        // (0.9−1)² + (0.2−0)² + (0.6−1)² + (0−0)² = 0.01 + 0.04 + 0.16 + 0 = 0.21; / 4 = 0.0525.
        Assert.Equal(0.0525, Calibration.BrierScore([true, false, true, false], [0.9f, 0.2f, 0.6f, 0f]), 6);
    }

    [Fact]
    public void ReliabilityTable_HandExample_BinsCountsAndRates()
    {
        bool[] truth = [false, true, true, true, false];
        float[] p = [0.05f, 0.15f, 0.95f, 1f, 0.99f];
        var table = Calibration.ReliabilityTable(truth, p);

        Assert.Equal(10, table.Count);
        Assert.Equal((1, 0.05, 0.0), (table[0].Count, table[0].MeanPredicted!.Value, table[0].ObservedRate!.Value), new ApproxTuple());
        Assert.Equal(1, table[1].Count);
        Assert.Equal(1.0, table[1].ObservedRate);
        Assert.Equal(0, table[5].Count);
        Assert.Null(table[5].MeanPredicted);
        Assert.Equal(3, table[9].Count); // 0.95, 0.99 and 1 (the last bin includes 1)
        Assert.Equal(2.0 / 3, table[9].ObservedRate!.Value, 10);
        Assert.Equal((0.95 + 0.99 + 1) / 3, table[9].MeanPredicted!.Value, 5);
        Assert.Equal(0.9, table[9].Lower, 10);
    }

    [Fact]
    public void ReliabilityTable_ProbabilityAboveOne_ThrowsNamingIndex()
    {
        var ex = Assert.Throws<ArgumentException>(() => Calibration.ReliabilityTable([true, false], [0.5f, 1.5f]));
        Assert.Contains("probabilities[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrierScore_Empty_Throws() => Assert.Throws<ArgumentException>(() => Calibration.BrierScore([], []));

    private sealed class ApproxTuple : IEqualityComparer<(int, double, double)>
    {
        public bool Equals((int, double, double) x, (int, double, double) y) =>
            x.Item1 == y.Item1 && Math.Abs(x.Item2 - y.Item2) < 1e-6 && Math.Abs(x.Item3 - y.Item3) < 1e-6;

        public int GetHashCode((int, double, double) obj) => obj.Item1;
    }
}
