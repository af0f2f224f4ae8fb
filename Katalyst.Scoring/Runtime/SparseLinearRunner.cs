using Katalyst.Scoring.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Katalyst.Scoring.Runtime;

/// <summary>
/// Runs a <see cref="SparseLinearModel"/> over a batch of rows in one ONNX Runtime call. Thread-safe;
/// does not own the session.
/// </summary>
public sealed class SparseLinearRunner
{
    private static readonly string[] InputNames = [SparseLinearModel.FeatureIdsInput, SparseLinearModel.FeatureValuesInput];
    private static readonly string[] OutputNames = [SparseLinearModel.ProbabilitiesOutput];
    private readonly OnnxModelSession session;

    /// <summary>Wraps a session; fails if it does not hold a sparse linear model.</summary>
    public SparseLinearRunner(OnnxModelSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        this.session = session;
        ModelSignature.Require(session, session.InputMetadata, "input", SparseLinearModel.FeatureIdsInput, TensorElementType.Int64, 2);
        ModelSignature.Require(session, session.InputMetadata, "input", SparseLinearModel.FeatureValuesInput, TensorElementType.Float, 2);
        var output = ModelSignature.Require(
            session, session.OutputMetadata, "output", SparseLinearModel.ProbabilitiesOutput, TensorElementType.Float, 2);
        Outputs = ModelSignature.FixedSize(session, SparseLinearModel.ProbabilitiesOutput, output, 1);
    }

    /// <summary>K, the number of probabilities per row.</summary>
    public int Outputs { get; }

    /// <summary>
    /// Scores <paramref name="rows"/> rows of <paramref name="width"/> (id, value) pairs, row-major;
    /// pad short rows with id 0 and value 0. The buffers may be longer than rows × width (pooled
    /// arrays); only the first rows × width entries are read. Ids must lie in [0, features).
    /// Returns rows × K probabilities, row-major.
    /// </summary>
    public float[] Run(long[] ids, float[] values, int rows, int width)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(values);
        var count = BatchShape.Check(rows, width, (nameof(ids), ids.Length), (nameof(values), values.Length));
        if (rows == 0)
        {
            return [];
        }

        // Gather would wrap a negative id round to the end of the table; refuse it instead.
        var negative = ids.AsSpan(0, count).IndexOfAnyInRange(long.MinValue, -1);
        if (negative >= 0)
        {
            throw new ArgumentException($"ids[{negative}] is {ids[negative]}; feature ids must not be negative.", nameof(ids));
        }

        long[] shape = [rows, width];
        using var idTensor = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, ids.AsMemory(0, count), shape);
        using var valueTensor = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, values.AsMemory(0, count), shape);
        using var outputs = session.Run(InputNames, [idTensor, valueTensor], OutputNames);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
