using System.ComponentModel.DataAnnotations;
using Katalyst.Scoring.Runtime;

namespace Katalyst.Inference.Media.Models;

/// <summary>
/// The <c>Media:Models</c> configuration section: the converted media models (<c>katalyst models convert</c>) that give
/// <c>katalyst.v1.Media.Analyze</c> its image signals, and how their runs are batched.
/// </summary>
public sealed class MediaModelsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Media:Models";

    /// <summary>
    /// Whether the media models are loaded and every decoded picture gets signals. Default false, because the ONNX files
    /// are not committed: turn it on where <c>katalyst models convert</c> has written <see cref="Path"/>. On, a missing
    /// or altered model fails readiness with a message naming the file.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Folder holding <c>manifest.json</c> and the ONNX files it lists. Default <c>models/media</c> beside the service's
    /// binaries (where the repository's <c>models/media</c>, which <c>katalyst models convert</c> writes, is copied at build).
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "models", "media");

    /// <summary>Where the models run: Auto (CUDA when the native build has it, else CPU), Cpu or Cuda. Default Auto.</summary>
    public ExecutionProviderKind ExecutionProvider { get; set; } = ExecutionProviderKind.Auto;

    /// <summary>Most pictures (or face crops, for FaceRes) one model run takes. Default 32.</summary>
    [Range(1, 1024)]
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>How long a picture may wait for others to share its model run, in milliseconds. Default 5.</summary>
    [Range(0, 10_000)]
    public int MaxBatchDelayMilliseconds { get; set; } = 5;

    /// <summary>Least BlazeFace score (after its sigmoid) a face must have to be reported. Default 0.5.</summary>
    [Range(0.0, 1.0)]
    public double FaceMinScore { get; set; } = 0.5;

    /// <summary>
    /// Non-maximum suppression: a face overlapping a more confident one by more than this intersection over union is
    /// dropped as the same face. Default 0.3.
    /// </summary>
    [Range(0.0, 1.0)]
    public double FaceIouThreshold { get; set; } = 0.3;

    /// <summary>Most faces reported (and aged) per picture, most confident first. Default 20.</summary>
    [Range(1, 200)]
    public int MaxFaces { get; set; } = 20;
}
