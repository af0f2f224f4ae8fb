using Katalyst.Scoring.Priority;
using Katalyst.Scoring.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Scoring.Tests.Priority;

public sealed class PriorityModelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void OrdinalGradient_EachTier_MatchesFiniteDifferences(int tier)
    {
        double[] cut = [3, 1, -1, -3];
        const double u = 0.7, h = 1e-6;

        var (du, dc) = PriorityTrainer.OrdinalGradient(u, cut, tier);

        Assert.Equal((Loss(u + h, cut, tier) - Loss(u - h, cut, tier)) / (2 * h), du, 5);
        for (var k = 0; k < 4; k++)
        {
            var up = (double[])cut.Clone();
            var down = (double[])cut.Clone();
            up[k] += h;
            down[k] -= h;
            Assert.Equal((Loss(u, up, tier) - Loss(u, down, tier)) / (2 * h), dc[k], 5);
        }
    }

    [Fact]
    public void Train_SeparableTiers_LearnsThemAndTier1ComesFirst()
    {
        var (training, validation) = (Examples(seed: 1), Examples(seed: 2));

        var model = PriorityTrainer.Train(training, validation);

        var test = Examples(seed: 3);
        var correct = test.Count(e => Predict(model, e.Signals).Tier == e.Tier);
        Assert.True(correct >= test.Count * 0.95, $"{correct} of {test.Count} tiers right");
        // Escalated and out of country: the policy keeps it tier 1.
        var escalatedAbroad = Signals(("escalated", 1), ("out_of_country", 1));
        Assert.Equal(1, Predict(model, escalatedAbroad).Tier);
    }

    [Fact]
    public void PriorityOnnx_RunInOnnxRuntime_MatchesCSharpMath()
    {
        var model = PriorityTrainer.Train(Examples(seed: 4), Examples(seed: 5), iterations: 100);
        var bytes = PriorityOnnx.Build(model, new Dictionary<string, string> { ["version"] = "test" });
        using var session = OnnxModelSession.FromBytes(bytes, "priority-test", new ExecutionProviderOptions(), NullLogger.Instance);
        var runner = new PriorityRunner(session);
        var rows = Examples(seed: 6).Take(50).ToList();

        var predictions = runner.Run(rows.SelectMany(e => e.Signals).ToArray(), rows.Count);

        for (var i = 0; i < rows.Count; i++)
        {
            var expected = Predict(model, rows[i].Signals);
            Assert.Equal(expected.Tier, predictions[i].Tier);
            Assert.Equal(expected.Score, predictions[i].Score, 4);
            Assert.Equal(expected.Contributions, predictions[i].Contributions, (a, b) => Math.Abs(a - b) < 1e-4);
        }

        Assert.Equal("test", session.Metadata["version"]);
    }

    [Fact]
    public void ReadParameters_OtherSignalSet_FailsSayingRetrain()
    {
        var metadata = new Dictionary<string, string>
        {
            [PriorityOnnx.ParametersKey] = """{"SignalNames":["x"],"UrgentThreshold":0.5,"Cutpoints":[3,1,-1,-3],"PlattA":1,"PlattB":0}""",
        };

        var error = Assert.Throws<InvalidDataException>(() => PriorityOnnx.ReadParameters(metadata, "old.onnx"));

        Assert.Contains("katalyst train priority", error.Message, StringComparison.Ordinal);
    }

    private static PriorityPrediction Predict(PriorityModelParameters model, float[] signals) => OrdinalTierMath.Predict(
        model, model.Urgent.Value(signals), model.Urgent.Contributions(signals), model.Ordinal.Value(signals), model.Ordinal.Contributions(signals));

    private static double Loss(double u, double[] c, int tier)
    {
        static double S(double x) => 1 / (1 + Math.Exp(-x));
        var upper = tier == 5 ? 1 : S(u - c[tier - 1]);
        var lower = tier == 1 ? 0 : S(u - c[tier - 2]);
        return -Math.Log(upper - lower);
    }

    // Synthetic signals following a simplified policy: tier-1 signals win over everything, then the rest in order.
    private static List<PriorityExample> Examples(int seed)
    {
        var random = new Random(seed);
        var examples = new List<PriorityExample>();
        for (var i = 0; i < 1500; i++)
        {
            var escalated = random.NextDouble() < 0.08;
            var abroad = random.NextDouble() < 0.15;
            var grooming = random.NextDouble() < 0.3;
            var inCountry = random.NextDouble() < 0.6;
            var tier = escalated ? 1 : abroad ? 5 : grooming ? 2 : inCountry ? 3 : 4;
            examples.Add(new PriorityExample(
                Signals(("escalated", escalated ? 1 : 0), ("out_of_country", abroad ? 1 : 0), ("text.grooming", grooming ? 1 : 0), ("suspect.in_country", inCountry ? 1 : 0)),
                tier));
        }

        return examples;
    }

    private static float[] Signals(params (string Name, float Value)[] values)
    {
        var vector = new float[PrioritySignals.Count];
        foreach (var (name, value) in values)
        {
            vector[PrioritySignals.All.Select(s => s.Name).ToList().IndexOf(name)] = value;
        }

        return vector;
    }
}
