using Katalyst.Scoring.Text;

namespace Katalyst.Scoring.Tests.Text;

public sealed class TextIndicatorModelTests
{
    private const int Outputs = TextIndicators.Count;

    [Fact]
    public void Predict_HandSetWeights_SigmoidOfWeightedSum()
    {
        var featurizer = new TextFeaturizer();
        var features = featurizer.Featurize("tasvir");
        var weights = new float[TextFeaturizer.BucketCount * Outputs];
        foreach (var id in features.Ids)
        {
            weights[id * Outputs + 3] = 2f; // production
        }

        var bias = new float[Outputs];
        bias[0] = -1f;
        var model = new TextIndicatorModel(weights, bias, [.. Enumerable.Repeat(0.6f, Outputs)], featurizer);

        var p = model.Predict("Tasweer");
        var expected = 1 / (1 + Math.Exp(-2 * features.Values.Sum()));
        Assert.Equal(expected, p[3], 5);
        Assert.Equal(1 / (1 + Math.Exp(1)), p[0], 5);
        Assert.Equal(0.5, p[1], 5);
        Assert.Equal([false, false, false, true, false, false, false], model.Decide(p));
    }

    [Fact]
    public void WeightMatrix_RowMajor_MatchesFlatLayout()
    {
        var weights = new float[TextFeaturizer.BucketCount * Outputs];
        weights[5 * Outputs + 6] = 3f;
        var model = new TextIndicatorModel(weights, new float[Outputs], [.. Enumerable.Repeat(0.5f, Outputs)], new TextFeaturizer());
        Assert.Equal(3f, model.WeightMatrix()[5, 6]);
    }

    [Fact]
    public void Constructor_ThresholdOutOfRange_Throws() =>
        Assert.Throws<ArgumentException>(() => new TextIndicatorModel(
            new float[TextFeaturizer.BucketCount * Outputs], new float[Outputs], [0.5f, 0.5f, 0.5f, 1f, 0.5f, 0.5f, 0.5f], new TextFeaturizer()));

    [Fact]
    public void Constructor_WrongWeightCount_Throws() =>
        Assert.Throws<ArgumentException>(() => new TextIndicatorModel(new float[10], new float[Outputs], new float[Outputs], new TextFeaturizer()));
}
