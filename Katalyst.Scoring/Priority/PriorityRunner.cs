using Katalyst.Scoring.Runtime;
using Microsoft.ML.OnnxRuntime;

namespace Katalyst.Scoring.Priority;

/// <summary>Runs the priority ONNX model over a batch and finishes each row in C# (<see cref="OrdinalTierMath"/>). Thread-safe.</summary>
public sealed class PriorityRunner
{
    private static readonly string[] InputNames = [PriorityOnnx.SignalsInput];
    private readonly OnnxModelSession session;

    /// <summary>Wraps a loaded priority model; fails when it is not one or was trained on other signals.</summary>
    public PriorityRunner(OnnxModelSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        this.session = session;
        Parameters = PriorityOnnx.ReadParameters(session.Metadata, session.Name);
        foreach (var output in PriorityOnnx.Outputs)
        {
            if (!session.OutputMetadata.ContainsKey(output))
            {
                throw new InvalidDataException($"{session.Name} has no output '{output}': it is not a Katalyst priority model.");
            }
        }
    }

    /// <summary>The model's thresholds, cut points and calibration.</summary>
    public PriorityModelParameters Parameters { get; }

    /// <summary>Predicts <paramref name="rows"/> rows of <see cref="PrioritySignals.Count"/> signals each (row-major).</summary>
    public PriorityPrediction[] Run(float[] signals, int rows) => [.. RunLinear(signals, rows).Select(l => l.Predict(Parameters))];

    /// <summary>
    /// Runs the model over <paramref name="rows"/> rows and returns both linear parts of each, so a caller may add
    /// signals the model does not know before the tier is chosen (<see cref="PriorityLinear.Predict"/>).
    /// </summary>
    public PriorityLinear[] RunLinear(float[] signals, int rows)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var width = PrioritySignals.Count;
        if (rows == 0)
        {
            return [];
        }

        if (signals.Length < rows * width)
        {
            throw new ArgumentException($"{rows} rows need {rows * width} signal values; got {signals.Length}.", nameof(signals));
        }

        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, signals.AsMemory(0, rows * width), [rows, width]);
        using var outputs = session.Run(InputNames, [input], PriorityOnnx.Outputs);
        var urgentContributions = outputs[0].GetTensorDataAsSpan<float>();
        var urgentLinear = outputs[1].GetTensorDataAsSpan<float>();
        var ordinalContributions = outputs[2].GetTensorDataAsSpan<float>();
        var ordinalLinear = outputs[3].GetTensorDataAsSpan<float>();
        var linear = new PriorityLinear[rows];
        for (var r = 0; r < rows; r++)
        {
            linear[r] = new PriorityLinear(
                urgentLinear[r],
                urgentContributions.Slice(r * width, width).ToArray(),
                ordinalLinear[r],
                ordinalContributions.Slice(r * width, width).ToArray());
        }

        return linear;
    }
}
