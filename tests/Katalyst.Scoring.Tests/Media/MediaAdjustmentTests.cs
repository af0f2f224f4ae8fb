using Katalyst.Scoring.Media;
using Katalyst.Scoring.Priority;

namespace Katalyst.Scoring.Tests.Media;

/// <summary>
/// The media total added to the priority model's linear parts, and its cap. The model here has the committed priority
/// model's cut points and threshold; the linear values and contributions are synthetic (no picture looks explicit).
/// </summary>
public sealed class MediaAdjustmentTests
{
    private static readonly PriorityModelParameters Model = new(
        [.. PrioritySignals.All.Select(s => s.Name)],
        new LinearPart(new float[PrioritySignals.Count], 0f),
        0.5f,
        new LinearPart(new float[PrioritySignals.Count], 0f),
        [12.565263f, 4.8141003f, 1.0191119f, -5.3225307f],
        1.55f,
        0.08f);

    [Fact]
    public void Apply_NoSignals_ExactlyTheModelsOwnPrediction()
    {
        var linear = Linear(urgent: -2.3f, ordinal: 3.1f);

        var adjusted = MediaAdjustment.Apply(Model, linear, [], 4f);

        var own = OrdinalTierMath.Predict(Model, -2.3f, linear.UrgentContributions, 3.1f, linear.OrdinalContributions);
        Assert.Equal(own.Tier, adjusted.Prediction.Tier);
        Assert.Equal(own.Score, adjusted.Prediction.Score);
        Assert.Equal(own.TierProbabilities, adjusted.Prediction.TierProbabilities);
        Assert.Empty(adjusted.Contributions);
        Assert.False(adjusted.Capped);
    }

    [Fact]
    public void Apply_SmallTotal_AddedToBothLinearPartsUncapped()
    {
        var linear = Linear(urgent: -2.3f, ordinal: 3.1f);
        MediaContribution[] fired = [new("media.a", 1.25f, "a"), new("media.b", 0.5f, "b")];

        var adjusted = MediaAdjustment.Apply(Model, linear, fired, 4f);

        var expected = OrdinalTierMath.Predict(Model, -2.3f + 1.75f, linear.UrgentContributions, 3.1f + 1.75f, linear.OrdinalContributions);
        Assert.Equal(expected.Score, adjusted.Prediction.Score);
        Assert.Equal(expected.Tier, adjusted.Prediction.Tier);
        Assert.Equal(fired, adjusted.Contributions);
        Assert.False(adjusted.Capped);
    }

    [Fact]
    public void Apply_TotalOverMaxTotal_HeldToMaxTotal()
    {
        var linear = Linear(urgent: -20f, ordinal: 8f); // mid tier 2: 3 log-odds moves no tier

        var adjusted = MediaAdjustment.Apply(Model, linear, [new("media.a", 4f, "a"), new("media.b", 2f, "b")], 3f);

        Assert.True(adjusted.Capped);
        Assert.Equal(3f, adjusted.Contributions.Sum(c => c.Contribution), 5);
        Assert.Equal(2f, adjusted.Contributions[0].Contribution, 5);
        Assert.Equal(adjusted.Contributions.Sum(c => c.Contribution), Offset(linear, adjusted), 4);
    }

    [Theory]
    [InlineData(-20f, 0f, 5f)] // tier 4, pushed up as far as 5 log-odds would take it
    [InlineData(-20f, -6f, 5f)] // tier 5
    [InlineData(-20f, 3f, 5f)] // tier 3
    [InlineData(-20f, 6f, -5f)] // tier 2, pushed down
    [InlineData(-20f, 2f, -5f)] // tier 3, pushed down
    public void Apply_LargeTotal_MovesTheTierAtMostOne(float urgent, float ordinal, float total)
    {
        var linear = Linear(urgent, ordinal);
        var own = linear.Predict(Model).Tier;

        var adjusted = MediaAdjustment.Apply(Model, linear, [new("media.x", total, "x")], 5f);

        Assert.InRange(adjusted.Prediction.Tier, own - 1, own + 1);
        Assert.Equal(own, adjusted.ModelTier);
        Assert.Equal(adjusted.Prediction.Score, linear.Predict(Model, adjusted.Contributions.Sum(c => c.Contribution)).Score);
    }

    [Fact]
    public void Apply_TotalThatWouldMoveTwoTiers_ScaledToMoveExactlyOne()
    {
        var linear = Linear(urgent: -20f, ordinal: -2f); // tier 4; +5 would reach tier 3 (u 3) and +7 tier 2
        Assert.Equal(4, linear.Predict(Model).Tier);
        Assert.Equal(2, linear.Predict(Model, 7.5f).Tier);

        var adjusted = MediaAdjustment.Apply(Model, linear, [new("media.x", 7.5f, "x")], 5f);

        Assert.Equal(3, adjusted.Prediction.Tier);
        Assert.True(adjusted.Capped);
    }

    private static float Offset(PriorityLinear linear, MediaAdjusted adjusted)
    {
        // The offset the prediction used: find it from the ordinal probabilities' first cut (P(tier 1) = σ(u − c₁)).
        var p1 = adjusted.Prediction.TierProbabilities[0];
        return MathF.Log(p1 / (1f - p1)) + Model.Cutpoints[0] - linear.OrdinalLinear;
    }

    private static PriorityLinear Linear(float urgent, float ordinal) =>
        new(urgent, new float[PrioritySignals.Count], ordinal, new float[PrioritySignals.Count]);
}
