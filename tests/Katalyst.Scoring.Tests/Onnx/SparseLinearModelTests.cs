using Katalyst.Scoring.Onnx;
using Katalyst.Scoring.Runtime;
using Katalyst.Scoring.Tests.Runtime;
using Microsoft.ML.OnnxRuntime;

namespace Katalyst.Scoring.Tests.Onnx;

public sealed class SparseLinearModelTests
{
    private const int Features = 1000;
    private const int Outputs = 7;

    [Fact]
    public void Build_RandomWeights_LogitsAndProbabilitiesMatchPlainMath()
    {
        var random = new Random(42);
        var weights = LinearReference.RandomWeights(random, Features, Outputs);
        var bias = LinearReference.RandomVector(random, Outputs);
        var (ids, values) = LinearReference.RandomRows(random, rows: 16, width: 12, Features, padding: 0);
        using var session = TestModels.OpenSparse(weights, bias);

        var (logits, probabilities) = RunBoth(session, ids, values, 16, 12);

        var expected = LinearReference.SparseLogits(weights, bias, ids, values, 16, 12);
        LinearReference.AssertClose(expected, logits);
        LinearReference.AssertClose(expected.Select(LinearReference.Sigmoid).ToArray(), probabilities);
    }

    [Fact]
    public void Build_PaddedRows_PaddingAddsNothing()
    {
        var random = new Random(7);
        var weights = LinearReference.RandomWeights(random, Features, Outputs);
        var bias = LinearReference.RandomVector(random, Outputs);
        // Each row uses 3 of its 8 slots; the third row is nothing but padding.
        var (ids, values) = LinearReference.RandomRows(random, rows: 3, width: 8, Features, padding: 5);
        Array.Clear(ids, 16, 8);
        Array.Clear(values, 16, 8);
        using var session = TestModels.OpenSparse(weights, bias);

        var (logits, _) = RunBoth(session, ids, values, 3, 8);

        LinearReference.AssertClose(LinearReference.SparseLogits(weights, bias, ids, values, 3, 8), logits);
        LinearReference.AssertClose(bias.Select(b => (double)b).ToArray(), logits[(2 * Outputs)..]);
    }

    [Fact]
    public void Build_HashedTextSize_RunsAndMatchesPlainMath()
    {
        var random = new Random(3);
        var weights = LinearReference.RandomWeights(random, 1 << 18, Outputs);
        var bias = LinearReference.RandomVector(random, Outputs);
        var (ids, values) = LinearReference.RandomRows(random, rows: 64, width: 40, 1 << 18, padding: 4);
        using var session = TestModels.OpenSparse(weights, bias);

        var (logits, _) = RunBoth(session, ids, values, 64, 40);

        LinearReference.AssertClose(LinearReference.SparseLogits(weights, bias, ids, values, 64, 40), logits);
    }

    [Fact]
    public void Build_Metadata_RoundTripsThroughOnnxRuntime()
    {
        using var session = TestModels.OpenSparse(LinearReference.RandomWeights(new Random(1), 10, 2), [0f, 0f]);

        Assert.Equal(TestModels.Metadata, session.Metadata);
    }

    [Fact]
    public void Build_BiasLengthDiffersFromOutputs_ThrowsNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(
            () => SparseLinearModel.Build(new float[10, 7], new float[6], "m", TestModels.Metadata));

        Assert.Contains("6 entries", error.Message, StringComparison.Ordinal);
        Assert.Contains("7 outputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NaNWeight_ThrowsNamingItsPosition()
    {
        var weights = new float[10, 7];
        weights[4, 2] = float.NaN;

        var error = Assert.Throws<ArgumentException>(() => SparseLinearModel.Build(weights, new float[7], "m", TestModels.Metadata));

        Assert.Contains("weights[4, 2]", error.Message, StringComparison.Ordinal);
    }

    private static (float[] Logits, float[] Probabilities) RunBoth(
        OnnxModelSession session, long[] ids, float[] values, int rows, int width)
    {
        using var idTensor = OrtValue.CreateTensorValueFromMemory(ids, [rows, width]);
        using var valueTensor = OrtValue.CreateTensorValueFromMemory(values, [rows, width]);
        using var outputs = session.Run(
            [SparseLinearModel.FeatureIdsInput, SparseLinearModel.FeatureValuesInput],
            [idTensor, valueTensor],
            [SparseLinearModel.LogitsOutput, SparseLinearModel.ProbabilitiesOutput]);
        Assert.Equal([(long)rows, Outputs], outputs[0].GetTensorTypeAndShape().Shape);
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[1].GetTensorDataAsSpan<float>().ToArray());
    }
}
