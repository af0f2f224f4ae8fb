using Katalyst.Protos.Onnx;

namespace Katalyst.Scoring.Onnx;

/// <summary>
/// A linear model over dense signals, as ONNX, that shows its working: for input
/// <c>signals</c> [N, S] it outputs <c>contributions = signals * weights</c> [N, S] (each signal's
/// exact share, for the reasons) and <c>linear = sum(contributions) + bias</c> [N, 1].
/// </summary>
public static class DenseLinearModel
{
    /// <summary>Input: float [N, S] signal values.</summary>
    public const string SignalsInput = "signals";

    /// <summary>Output: float [N, S] per-signal contributions.</summary>
    public const string ContributionsOutput = "contributions";

    /// <summary>Output: float [N, 1] the linear score.</summary>
    public const string LinearOutput = "linear";

    /// <summary>Builds the model's ONNX bytes; <paramref name="weights"/> has one finite entry per signal.</summary>
    public static byte[] Build(float[] weights, float bias, string name, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length == 0)
        {
            throw new ArgumentException("A dense linear model needs at least one signal weight.", nameof(weights));
        }

        FiniteValues.Check(weights, nameof(weights));
        FiniteValues.Check([bias], nameof(bias));
        var signals = weights.Length;
        return new OnnxGraph(name)
            .AddInput(SignalsInput, TensorProto.Types.DataType.Float, "N", signals)
            .AddInitializer("weights", weights, signals)
            .AddInitializer("bias", [bias], 1)
            .AddInitializer("sum_axes", [1L], 1)
            .AddNode("Mul", [SignalsInput, "weights"], [ContributionsOutput])
            .AddNode("ReduceSum", [ContributionsOutput, "sum_axes"], ["contribution_sum"], OnnxAttribute.Int("keepdims", 1))
            .AddNode("Add", ["contribution_sum", "bias"], [LinearOutput])
            .AddOutput(ContributionsOutput, TensorProto.Types.DataType.Float, "N", signals)
            .AddOutput(LinearOutput, TensorProto.Types.DataType.Float, "N", 1)
            .ToBytes(metadata, $"Dense linear model: {signals} signals, per-signal contributions and their sum plus bias.");
    }
}
