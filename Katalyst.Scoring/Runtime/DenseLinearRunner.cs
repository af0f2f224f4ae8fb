using Katalyst.Scoring.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Katalyst.Scoring.Runtime;

/// <summary>
/// Runs a <see cref="DenseLinearModel"/> over a batch of rows in one ONNX Runtime call. Thread-safe;
/// does not own the session.
/// </summary>
public sealed class DenseLinearRunner
{
    private static readonly string[] InputNames = [DenseLinearModel.SignalsInput];
    private static readonly string[] OutputNames = [DenseLinearModel.ContributionsOutput, DenseLinearModel.LinearOutput];
    private readonly OnnxModelSession session;

    /// <summary>Wraps a session; fails if it does not hold a dense linear model.</summary>
    public DenseLinearRunner(OnnxModelSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        this.session = session;
        var input = ModelSignature.Require(session, session.InputMetadata, "input", DenseLinearModel.SignalsInput, TensorElementType.Float, 2);
        ModelSignature.Require(session, session.OutputMetadata, "output", DenseLinearModel.ContributionsOutput, TensorElementType.Float, 2);
        ModelSignature.Require(session, session.OutputMetadata, "output", DenseLinearModel.LinearOutput, TensorElementType.Float, 2);
        Signals = ModelSignature.FixedSize(session, DenseLinearModel.SignalsInput, input, 1);
    }

    /// <summary>S, the number of signals per row the model expects.</summary>
    public int Signals { get; }

    /// <summary>
    /// Runs <paramref name="rows"/> rows of <paramref name="width"/> signals (row-major; width must
    /// equal <see cref="Signals"/>). The buffer may be longer than rows × width; only the first
    /// rows × width values are read. Returns contributions (rows × S) and linear scores (rows).
    /// </summary>
    public (float[] Contributions, float[] Linear) Run(float[] signals, int rows, int width)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var count = BatchShape.Check(rows, width, (nameof(signals), signals.Length));
        if (width != Signals)
        {
            throw new ArgumentException($"Width is {width} but model {session.Name} expects {Signals} signals per row.", nameof(width));
        }

        if (rows == 0)
        {
            return ([], []);
        }

        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, signals.AsMemory(0, count), [rows, width]);
        using var outputs = session.Run(InputNames, [input], OutputNames);
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[1].GetTensorDataAsSpan<float>().ToArray());
    }
}
