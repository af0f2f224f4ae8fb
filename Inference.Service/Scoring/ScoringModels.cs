using Katalyst.Scoring.Manifest;
using Katalyst.Scoring.Media;
using Katalyst.Scoring.Priority;
using Katalyst.Scoring.Runtime;
using Katalyst.Scoring.Text;

namespace Katalyst.Inference.Scoring;

/// <summary>
/// The models the service runs, loaded once at start-up from <see cref="ScoringOptions.ModelsPath"/>: each file's
/// SHA-256 checked against the manifest, one long-lived ONNX Runtime session per model, warmed on load; and the media
/// signals' weights (<see cref="MediaWeights.FileName"/>), validated.
/// </summary>
public sealed partial class ScoringModels : IDisposable
{
    /// <summary>The text indicator model's name in the manifest.</summary>
    public const string TextModelName = "text-indicators";

    /// <summary>The priority model's name in the manifest.</summary>
    public const string PriorityModelName = "priority";

    private readonly OnnxModelSession textSession;
    private readonly OnnxModelSession prioritySession;

    /// <summary>Loads every model; fails with a message naming the file when one is missing, altered or of the wrong kind.</summary>
    public ScoringModels(ScoringOptions options, ILogger<ScoringModels> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = Path.GetFullPath(options.ModelsPath);
        Manifest = ModelManifest.Read(folder);
        MediaWeights = MediaWeights.Read(Path.Combine(folder, MediaWeights.FileName));
        var provider = new ExecutionProviderOptions { Provider = options.ExecutionProvider };
        var (textEntry, textPath) = Manifest.Verified(folder, TextModelName);
        var (priorityEntry, priorityPath) = Manifest.Verified(folder, PriorityModelName);
        textSession = OnnxModelSession.FromFile(textPath, provider, logger);
        try
        {
            prioritySession = OnnxModelSession.FromFile(priorityPath, provider, logger);
            Text = new SparseLinearRunner(textSession);
            Priority = new PriorityRunner(prioritySession);
        }
        catch
        {
            textSession.Dispose();
            prioritySession?.Dispose();
            throw;
        }

        Featurizer = new TextFeaturizer();
        Versions = [(textEntry.Name, textEntry.Version), (priorityEntry.Name, priorityEntry.Version)];
        ExecutionProvider = textSession.ExecutionProvider;
        LogMediaWeights(logger, MediaWeights.Version, MediaWeights.MaxTotal);
    }

    /// <summary>The media signals' weights and thresholds (the priority model does not know them).</summary>
    public MediaWeights MediaWeights { get; }

    /// <summary>What <c>manifest.json</c> says about the models.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>Turns free text into the text model's sparse features.</summary>
    public TextFeaturizer Featurizer { get; }

    /// <summary>The text indicator model.</summary>
    public SparseLinearRunner Text { get; }

    /// <summary>The priority model.</summary>
    public PriorityRunner Priority { get; }

    /// <summary>(name, version) of each model, for every result.</summary>
    public IReadOnlyList<(string Name, string Version)> Versions { get; }

    /// <summary>Where the models run.</summary>
    public ExecutionProviderKind ExecutionProvider { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        textSession.Dispose();
        prioritySession.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Media weights {Version} loaded: media signals move a referral at most {MaxTotal} log-odds and one tier")]
    private static partial void LogMediaWeights(ILogger logger, string version, float maxTotal);
}
