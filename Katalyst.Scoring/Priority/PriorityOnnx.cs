using System.Globalization;
using System.Text.Json;
using Katalyst.Protos.Onnx;
using Katalyst.Scoring.Onnx;

namespace Katalyst.Scoring.Priority;

/// <summary>
/// The priority model as one ONNX file. Input <c>signals</c> [N, S]; outputs each part's per-signal contributions
/// [N, S] and linear value [N, 1]. The cut points, thresholds and calibration ride in the metadata, so the file is the
/// whole model.
/// </summary>
public static class PriorityOnnx
{
    /// <summary>Input: float [N, S] signals.</summary>
    public const string SignalsInput = "signals";

    /// <summary>Outputs, in this order.</summary>
    public static readonly string[] Outputs = ["urgent_contributions", "urgent_linear", "ordinal_contributions", "ordinal_linear"];

    /// <summary>The metadata key holding the non-weight parameters as JSON.</summary>
    public const string ParametersKey = "katalyst.priority";

    /// <summary>Builds the ONNX bytes; <paramref name="metadata"/> is added to the parameters' own entry.</summary>
    public static byte[] Build(PriorityModelParameters model, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(metadata);
        var signals = model.SignalNames.Count;
        var all = new Dictionary<string, string>(metadata) { [ParametersKey] = JsonSerializer.Serialize(Describe(model)) };
        var graph = new OnnxGraph("priority")
            .AddInput(SignalsInput, TensorProto.Types.DataType.Float, "N", signals)
            .AddInitializer("sum_axes", [1L], 1);
        foreach (var (prefix, part) in new[] { ("urgent", model.Urgent), ("ordinal", model.Ordinal) })
        {
            graph.AddInitializer($"{prefix}_weights", part.Weights, signals)
                .AddInitializer($"{prefix}_bias", [part.Bias], 1)
                .AddNode("Mul", [SignalsInput, $"{prefix}_weights"], [$"{prefix}_contributions"])
                .AddNode("ReduceSum", [$"{prefix}_contributions", "sum_axes"], [$"{prefix}_sum"], OnnxAttribute.Int("keepdims", 1))
                .AddNode("Add", [$"{prefix}_sum", $"{prefix}_bias"], [$"{prefix}_linear"])
                .AddOutput($"{prefix}_contributions", TensorProto.Types.DataType.Float, "N", signals)
                .AddOutput($"{prefix}_linear", TensorProto.Types.DataType.Float, "N", 1);
        }

        return graph.ToBytes(all, "Katalyst priority: urgent (tier 1) and ordinal (tiers 1-5) linear parts with exact contributions.");
    }

    /// <summary>Reads the non-weight parameters back from a model's metadata, checking the signal set matches this build.</summary>
    /// <exception cref="InvalidDataException">The metadata is missing, malformed, or names other signals.</exception>
    public static PriorityModelParameters ReadParameters(IReadOnlyDictionary<string, string> metadata, string modelName)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (!metadata.TryGetValue(ParametersKey, out var json))
        {
            throw new InvalidDataException($"{modelName} has no '{ParametersKey}' metadata: it is not a Katalyst priority model.");
        }

        var stored = JsonSerializer.Deserialize<StoredParameters>(json)
            ?? throw new InvalidDataException($"{modelName}: '{ParametersKey}' is empty.");
        var expected = PrioritySignals.All.Select(s => s.Name).ToArray();
        if (!stored.SignalNames.SequenceEqual(expected))
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{modelName} was trained on {stored.SignalNames.Length} signals that differ from this build's {expected.Length}: retrain it with 'katalyst train priority'."));
        }

        // Weights live in the graph; the C# side needs only what follows the linear parts.
        return new PriorityModelParameters(stored.SignalNames, new LinearPart([], 0), stored.UrgentThreshold, new LinearPart([], 0),
            stored.Cutpoints, stored.PlattA, stored.PlattB);
    }

    private static StoredParameters Describe(PriorityModelParameters model) =>
        new([.. model.SignalNames], model.UrgentThreshold, model.Cutpoints, model.PlattA, model.PlattB);

    private sealed record StoredParameters(string[] SignalNames, float UrgentThreshold, float[] Cutpoints, float PlattA, float PlattB);
}
