using Katalyst.Scoring.Onnx;
using Katalyst.Scoring.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Scoring.Tests.Runtime;

/// <summary>Small models with fixed-seed random weights, opened on the CPU.</summary>
internal static class TestModels
{
    public static readonly ExecutionProviderOptions Cpu = new() { Provider = ExecutionProviderKind.Cpu };

    public static readonly Dictionary<string, string> Metadata = new()
    {
        ["version"] = "1.2.3",
        ["trained_at"] = "2025-01-31T12:00:00Z",
        ["training_sha256"] = new string('a', 64),
    };

    public static OnnxModelSession OpenSparse(float[,] weights, float[] bias) =>
        OnnxModelSession.FromBytes(SparseLinearModel.Build(weights, bias, "sparse-test", Metadata), "sparse-test", Cpu, NullLogger.Instance);

    public static OnnxModelSession OpenDense(float[] weights, float bias) =>
        OnnxModelSession.FromBytes(DenseLinearModel.Build(weights, bias, "dense-test", Metadata), "dense-test", Cpu, NullLogger.Instance);
}
