using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Katalyst.Scoring.Runtime;

/// <summary>
/// Turns the requested provider into session options for the provider ONNX Runtime can actually give. Public for models
/// that own their <see cref="InferenceSession"/> (the text detector batches by input size itself) rather than an
/// <see cref="OnnxModelSession"/>.
/// </summary>
public static class ExecutionProviderSelection
{
    private const string CudaProvider = "CUDAExecutionProvider";

    /// <summary>
    /// Builds the session options. CUDA (requested, or Auto) is appended only when this build lists
    /// it; if it is listed but fails to start (no driver, no device) the session falls back to CPU.
    /// </summary>
    public static SessionOptions Create(ExecutionProviderOptions options, string model, ILogger logger, out ExecutionProviderKind used)
    {
        var sessionOptions = CpuOptions(options);
        used = ExecutionProviderKind.Cpu;
        if (options.Provider == ExecutionProviderKind.Cpu)
        {
            return sessionOptions;
        }

        var available = OrtEnv.Instance().GetAvailableProviders();
        if (!available.Contains(CudaProvider, StringComparer.Ordinal))
        {
            if (options.Provider == ExecutionProviderKind.Cuda)
            {
                OnnxModelSessionLog.CudaMissing(logger, model, string.Join(", ", available));
            }

            return sessionOptions;
        }

        try
        {
            sessionOptions.AppendExecutionProvider_CUDA(options.CudaDeviceId);
            used = ExecutionProviderKind.Cuda;
        }
        catch (OnnxRuntimeException exception)
        {
            // Options half-configured for CUDA are not trusted: start again from plain CPU options.
            OnnxModelSessionLog.CudaFailed(logger, exception, model);
            sessionOptions.Dispose();
            sessionOptions = CpuOptions(options);
        }

        return sessionOptions;
    }

    private static SessionOptions CpuOptions(ExecutionProviderOptions options)
    {
        var sessionOptions = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (options.IntraOpThreads > 0)
        {
            sessionOptions.IntraOpNumThreads = options.IntraOpThreads;
        }

        return sessionOptions;
    }
}
