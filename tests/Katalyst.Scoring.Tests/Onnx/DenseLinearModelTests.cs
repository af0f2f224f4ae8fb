using Katalyst.Scoring.Onnx;
using Katalyst.Scoring.Tests.Runtime;
using Microsoft.ML.OnnxRuntime;

namespace Katalyst.Scoring.Tests.Onnx;

public sealed class DenseLinearModelTests
{
    [Fact]
    public void Build_RandomWeights_ContributionsAndLinearMatchPlainMath()
    {
        var random = new Random(11);
        var weights = LinearReference.RandomVector(random, 9);
        var bias = 0.25f;
        var signals = LinearReference.RandomVector(random, 5 * 9);
        using var session = TestModels.OpenDense(weights, bias);
        using var input = OrtValue.CreateTensorValueFromMemory(signals, [5, 9]);

        using var outputs = session.Run([DenseLinearModel.SignalsInput], [input], [DenseLinearModel.ContributionsOutput, DenseLinearModel.LinearOutput]);

        var contributions = signals.Select((value, i) => (double)value * weights[i % 9]).ToArray();
        var linear = Enumerable.Range(0, 5).Select(n => contributions.Skip(n * 9).Take(9).Sum() + bias).ToArray();
        Assert.Equal([5L, 1L], outputs[1].GetTensorTypeAndShape().Shape);
        LinearReference.AssertClose(contributions, outputs[0].GetTensorDataAsSpan<float>().ToArray());
        LinearReference.AssertClose(linear, outputs[1].GetTensorDataAsSpan<float>().ToArray());
    }

    [Fact]
    public void Build_Metadata_RoundTripsThroughOnnxRuntime()
    {
        using var session = TestModels.OpenDense([1f, 2f], 0f);

        Assert.Equal(TestModels.Metadata, session.Metadata);
    }

    [Fact]
    public void Build_NoWeights_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => DenseLinearModel.Build([], 0f, "m", TestModels.Metadata));

        Assert.Equal("weights", error.ParamName);
    }

    [Fact]
    public void Build_InfiniteBias_ThrowsNamingBias()
    {
        var error = Assert.Throws<ArgumentException>(() => DenseLinearModel.Build([1f], float.PositiveInfinity, "m", TestModels.Metadata));

        Assert.Equal("bias", error.ParamName);
    }
}
