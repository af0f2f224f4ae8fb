using System.Runtime.InteropServices;
using Katalyst.Protos.Onnx;

namespace Katalyst.Scoring.Onnx;

/// <summary>
/// A linear model over sparse (hashed) features, as ONNX. Each row is a list of
/// (<c>feature_ids</c>, <c>feature_values</c>) pairs padded to a common width L with id 0 and
/// value 0; <c>logits[n] = sum_l values[n,l] * W[ids[n,l], :] + b</c> and
/// <c>probabilities = Sigmoid(logits)</c>, both [N, K]. Only the L looked-up rows of W are touched,
/// so a 2^18 × 7 weight table costs nothing per request beyond its rows.
/// </summary>
public static class SparseLinearModel
{
    /// <summary>Input: int64 [N, L] feature ids in [0, features); padding is id 0.</summary>
    public const string FeatureIdsInput = "feature_ids";

    /// <summary>Input: float [N, L] feature values; padding is value 0.</summary>
    public const string FeatureValuesInput = "feature_values";

    /// <summary>Output: float [N, K] sigmoid of the logits.</summary>
    public const string ProbabilitiesOutput = "probabilities";

    /// <summary>Output: float [N, K] raw linear scores.</summary>
    public const string LogitsOutput = "logits";

    /// <summary>
    /// Builds the model's ONNX bytes. <paramref name="weights"/> is [features, outputs],
    /// <paramref name="bias"/> has one entry per output; every value must be finite.
    /// </summary>
    public static byte[] Build(float[,] weights, float[] bias, string name, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        int features = weights.GetLength(0), outputs = weights.GetLength(1);
        if (features == 0 || outputs == 0)
        {
            throw new ArgumentException($"Weights must be [features, outputs] with both above zero, not [{features}, {outputs}].", nameof(weights));
        }

        if (bias.Length != outputs)
        {
            throw new ArgumentException($"Bias has {bias.Length} entries but the weights have {outputs} outputs.", nameof(bias));
        }

        // A float[,] is one row-major block, exactly ONNX's layout for a [features, outputs] tensor.
        var flat = MemoryMarshal.CreateReadOnlySpan(ref weights[0, 0], weights.Length);
        FiniteValues.Check(flat, nameof(weights), outputs);
        FiniteValues.Check(bias, nameof(bias));

        return new OnnxGraph(name)
            .AddInput(FeatureIdsInput, TensorProto.Types.DataType.Int64, "N", "L")
            .AddInput(FeatureValuesInput, TensorProto.Types.DataType.Float, "N", "L")
            .AddInitializer("W", flat, features, outputs)
            .AddInitializer("b", bias, outputs)
            .AddInitializer("sum_axes", [1L], 1)
            .AddInitializer("value_axes", [-1L], 1)
            .AddNode("Gather", ["W", FeatureIdsInput], ["rows"], OnnxAttribute.Int("axis", 0))
            .AddNode("Unsqueeze", [FeatureValuesInput, "value_axes"], ["values_column"])
            .AddNode("Mul", ["rows", "values_column"], ["weighted_rows"])
            .AddNode("ReduceSum", ["weighted_rows", "sum_axes"], ["weighted_sum"], OnnxAttribute.Int("keepdims", 0))
            .AddNode("Add", ["weighted_sum", "b"], [LogitsOutput])
            .AddNode("Sigmoid", [LogitsOutput], [ProbabilitiesOutput])
            .AddOutput(ProbabilitiesOutput, TensorProto.Types.DataType.Float, "N", outputs)
            .AddOutput(LogitsOutput, TensorProto.Types.DataType.Float, "N", outputs)
            .ToBytes(metadata, $"Sparse linear model: {features} hashed features, {outputs} sigmoid outputs.");
    }
}
