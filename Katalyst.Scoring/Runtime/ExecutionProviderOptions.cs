namespace Katalyst.Scoring.Runtime;

/// <summary>Where ONNX Runtime runs a model.</summary>
public enum ExecutionProviderKind
{
    /// <summary>CUDA when this ONNX Runtime build offers it, else CPU, silently. Only ever requested, never used.</summary>
    Auto,

    /// <summary>The CPU execution provider, always available.</summary>
    Cpu,

    /// <summary>The CUDA execution provider; when the build lacks it a warning is logged and CPU is used.</summary>
    Cuda,
}

/// <summary>How <see cref="OnnxModelSession"/> chooses its execution provider and threads.</summary>
public sealed class ExecutionProviderOptions
{
    /// <summary>The provider wanted. Default <see cref="ExecutionProviderKind.Auto"/>.</summary>
    public ExecutionProviderKind Provider { get; set; } = ExecutionProviderKind.Auto;

    /// <summary>The CUDA device used when CUDA is chosen. Default 0.</summary>
    public int CudaDeviceId { get; set; }

    /// <summary>
    /// Threads ONNX Runtime may use inside one run; 0 (the default) lets ONNX Runtime decide. Small
    /// models served to many concurrent callers usually do best with 1.
    /// </summary>
    public int IntraOpThreads { get; set; }
}
