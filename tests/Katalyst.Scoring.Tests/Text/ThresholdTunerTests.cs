using Katalyst.Scoring.Text;

namespace Katalyst.Scoring.Tests.Text;

public sealed class ThresholdTunerTests
{
    [Fact]
    public void BestF1_SeparableScores_MidpointOfTheGap()
    {
        bool[] truth = [true, true, false, false];
        float[] scores = [0.9f, 0.7f, 0.3f, 0.1f];
        Assert.Equal(0.5f, ThresholdTuner.BestF1(truth, scores), 5);
    }

    [Fact]
    public void BestF1_OverlappingScores_CutWithBestF1()
    {
        // F1 by cut: 0.9 → 0.5, 0.8 → 0.4, 0.7 → 0.667, 0.6 → 0.857, 0.2 → 0.75; 0.6 wins, midway to 0.2.
        bool[] truth = [true, false, true, true, false];
        float[] scores = [0.9f, 0.8f, 0.7f, 0.6f, 0.2f];
        Assert.Equal(0.4f, ThresholdTuner.BestF1(truth, scores), 5);
    }

    [Fact]
    public void BestF1_NoPositive_DefaultThreshold() =>
        Assert.Equal(ThresholdTuner.NoPositives, ThresholdTuner.BestF1([false, false], [0.2f, 0.9f]));

    [Fact]
    public void BestF1_LengthsDiffer_Throws() =>
        Assert.Throws<ArgumentException>(() => ThresholdTuner.BestF1([true], [0.1f, 0.2f]));
}
