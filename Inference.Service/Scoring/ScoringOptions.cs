using System.ComponentModel.DataAnnotations;
using Katalyst.Scoring.Runtime;

namespace Katalyst.Inference.Scoring;

/// <summary>The <c>Scoring</c> configuration section.</summary>
public sealed class ScoringOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Scoring";

    /// <summary>
    /// Folder holding <c>manifest.json</c>, the ONNX models it lists and <c>rules.json</c>. Default: <c>models</c>
    /// beside the service's binaries (the repository's committed models are copied there at build).
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string ModelsPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>Where the models run: Auto (CUDA when the native build has it, else CPU), Cpu or Cuda. Default Auto.</summary>
    public ExecutionProviderKind ExecutionProvider { get; set; } = ExecutionProviderKind.Auto;

    /// <summary>Most referrals scored in one model run. Default 256.</summary>
    [Range(1, 4096)]
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>How long a request may wait for others to share its batch, in milliseconds. Default 2.</summary>
    [Range(0, 1000)]
    public int MaxBatchDelayMilliseconds { get; set; } = 2;
}
