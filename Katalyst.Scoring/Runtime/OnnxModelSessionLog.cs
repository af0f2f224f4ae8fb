using Microsoft.Extensions.Logging;

namespace Katalyst.Scoring.Runtime;

/// <summary>What <see cref="OnnxModelSession"/> logs.</summary>
internal static partial class OnnxModelSessionLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "ONNX model {Model} runs on {Provider} (requested {Requested}); loaded and warmed in {Milliseconds} ms")]
    public static partial void SessionReady(
        ILogger logger, string model, ExecutionProviderKind provider, ExecutionProviderKind requested, long milliseconds);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "CUDA was requested for ONNX model {Model} but this ONNX Runtime offers only {Available}; using CPU")]
    public static partial void CudaMissing(ILogger logger, string model, string available);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "CUDA is listed by ONNX Runtime but could not be started for ONNX model {Model}; using CPU")]
    public static partial void CudaFailed(ILogger logger, Exception exception, string model);
}
