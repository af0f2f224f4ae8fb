using Katalyst.Scoring.Runtime;
using Microsoft.ML.OnnxRuntime;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace Katalyst.Inference.Media.Models;

/// <summary>
/// Session options for the text detector, chosen as the scoring models' are: CUDA when asked for (or Auto) and this ONNX
/// Runtime build lists it, else the CPU. Katalyst.Scoring's own selection is internal to it and builds an
/// <c>OnnxModelSession</c>, while <c>TextDetector</c> owns its session (it batches by input size itself), so the same
/// rule is written here once more.
/// </summary>
internal static partial class TextSessionOptions
{
    private const string CudaProvider = "CUDAExecutionProvider";

    /// <summary>Options for <paramref name="requested"/>; <paramref name="used"/> says what the session will run on.</summary>
    public static SessionOptions Create(ExecutionProviderKind requested, ILogger logger, out ExecutionProviderKind used)
    {
        var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        used = ExecutionProviderKind.Cpu;
        if (requested == ExecutionProviderKind.Cpu)
        {
            return options;
        }

        var available = OrtEnv.Instance().GetAvailableProviders();
        if (!available.Contains(CudaProvider, StringComparer.Ordinal))
        {
            if (requested == ExecutionProviderKind.Cuda)
            {
                LogCudaMissing(logger, string.Join(", ", available));
            }

            return options;
        }

        try
        {
            options.AppendExecutionProvider_CUDA(0);
            used = ExecutionProviderKind.Cuda;
            return options;
        }
        catch (OnnxRuntimeException ex)
        {
            LogCudaFailed(logger, ex);
            options.Dispose();
            return new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Text detection asked for CUDA, which this ONNX Runtime build lacks (it has {Providers}): it runs on the CPU")]
    private static partial void LogCudaMissing(ILogger logger, string providers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Text detection could not start CUDA: it runs on the CPU")]
    private static partial void LogCudaFailed(ILogger logger, Exception exception);
}
