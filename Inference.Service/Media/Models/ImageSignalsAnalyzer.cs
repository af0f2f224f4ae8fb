using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Katalyst.Inference.Media.Models;

/// <summary>One face with FaceRes's reading of it. Signals, never findings.</summary>
/// <param name="Box">Where, as fractions of the picture, and BlazeFace's score.</param>
/// <param name="ApparentAge">Mean apparent age in years (weak for 10 to 17).</param>
/// <param name="MinorProbability">Probability the apparent age is under 18.</param>
/// <param name="MaleProbability">FaceRes's gender sigmoid.</param>
public sealed record FaceSignal(FaceBox Box, float ApparentAge, float MinorProbability, float MaleProbability);

/// <summary>What the media models see in one picture. Signals for a person, never findings.</summary>
/// <param name="ContentProbabilities">nsfwjs's five probabilities in <see cref="MediaModelSet.ContentLabels"/>' order.</param>
/// <param name="Embedding">nsfwjs MobileNetV2's 1280-d pooled feature.</param>
/// <param name="Faces">Faces found, most confident first.</param>
public sealed record ImageSignals(float[] ContentProbabilities, float[] Embedding, IReadOnlyList<FaceSignal> Faces);

/// <summary>
/// Runs one picture through the media models: explicit content and embedding, and faces, at once (each through its
/// model's batcher, so concurrent pictures share runs); then apparent age for every face crop, again batched.
/// </summary>
public sealed class ImageSignalsAnalyzer(IOptions<MediaModelsOptions> options)
{
    /// <summary>The signals for <paramref name="image"/> from <paramref name="models"/>.</summary>
    public async Task<ImageSignals> AnalyzeAsync(MediaModelSet models, SKImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(image);
        var contentTask = models.Content.RunAsync(ImageTensors.Whole(image, MediaModelSet.ContentSize, 1 / 255f, 0), cancellationToken);
        var facesTask = models.Faces.RunAsync(ImageTensors.Whole(image, BlazeFaceDecoder.InputSize, 1 / 127.5f, -1), cancellationToken);
        var content = await contentTask;
        var detected = await facesTask;

        var settings = options.Value;
        var boxes = BlazeFaceDecoder.Suppress(
            BlazeFaceDecoder.Decode(detected[0], detected[1], detected[2], detected[3], settings.FaceMinScore),
            settings.FaceIouThreshold,
            settings.MaxFaces);
        var ages = await Task.WhenAll(boxes.Select(box =>
            models.Ages.RunAsync(ImageTensors.Tensor(image, ImageTensors.FaceCrop(image, box), MediaModelSet.ContentSize, 1, 0), cancellationToken)));
        var faces = boxes.Select((box, i) => new FaceSignal(box, FaceAge.ApparentAge(ages[i][0]), FaceAge.MinorProbability(ages[i][0]), ages[i][1][0])).ToList();
        return new ImageSignals(content[0], content[1], faces);
    }
}
