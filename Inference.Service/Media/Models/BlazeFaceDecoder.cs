namespace Katalyst.Inference.Media.Models;

/// <summary>A face box as fractions of the picture (left, top, right, bottom) with its score, 0 to 1.</summary>
public readonly record struct FaceBox(float Left, float Top, float Right, float Bottom, float Score)
{
    /// <summary>The box's area in picture fractions squared; 0 for an empty or inverted box.</summary>
    public float Area => Math.Max(0, Right - Left) * Math.Max(0, Bottom - Top);
}

/// <summary>
/// Turns BlazeFace's raw anchor outputs into faces, as MediaPipe and Human do for the back-camera model (256 x 256 input):
/// anchors at the centres of a 16 x 16 grid (stride 16, two anchors a cell, 512) and an 8 x 8 grid (stride 32, six a
/// cell, 384), in that order; each anchor's score is a logit (read through a sigmoid) and its first four regressors are
/// the box centre's offset from the anchor and the box's width and height, in input pixels. Pure functions.
/// </summary>
public static class BlazeFaceDecoder
{
    /// <summary>The model's input side in pixels.</summary>
    public const int InputSize = 256;

    /// <summary>Regressors per anchor: box centre x and y, width, height, then six key points (unused here).</summary>
    public const int Regressors = 16;

    /// <summary>The 896 anchor centres in input pixels: the 16 x 16 grid's 512 first, then the 8 x 8 grid's 384.</summary>
    public static IReadOnlyList<(float X, float Y)> Anchors { get; } = CreateAnchors();

    /// <summary>
    /// The faces among the anchors whose sigmoid score exceeds <paramref name="minScore"/>, boxes relative to the picture
    /// (the model sees the picture stretched to 256 x 256, so fractions of the input are fractions of the picture) and
    /// clipped to it. Not yet suppressed: see <see cref="Suppress"/>.
    /// </summary>
    public static List<FaceBox> Decode(ReadOnlySpan<float> scores16, ReadOnlySpan<float> boxes16, ReadOnlySpan<float> scores8, ReadOnlySpan<float> boxes8, double minScore)
    {
        const int Fine = 16 * 16 * 2;
        const int Coarse = 8 * 8 * 6;
        if (scores16.Length != Fine || boxes16.Length != Fine * Regressors || scores8.Length != Coarse || boxes8.Length != Coarse * Regressors)
        {
            throw new ArgumentException($"BlazeFace outputs of {scores16.Length}, {boxes16.Length}, {scores8.Length} and {boxes8.Length} values, not {Fine}, {Fine * Regressors}, {Coarse} and {Coarse * Regressors}");
        }

        var faces = new List<FaceBox>();
        for (var i = 0; i < Fine + Coarse; i++)
        {
            var logit = i < Fine ? scores16[i] : scores8[i - Fine];
            var score = 1 / (1 + Math.Exp(-logit));
            if (score <= minScore)
            {
                continue;
            }

            var box = i < Fine ? boxes16.Slice(i * Regressors, 4) : boxes8.Slice((i - Fine) * Regressors, 4);
            var (anchorX, anchorY) = Anchors[i];
            var centreX = (anchorX + box[0]) / InputSize;
            var centreY = (anchorY + box[1]) / InputSize;
            var halfWidth = box[2] / InputSize / 2;
            var halfHeight = box[3] / InputSize / 2;
            faces.Add(new FaceBox(Clip(centreX - halfWidth), Clip(centreY - halfHeight), Clip(centreX + halfWidth), Clip(centreY + halfHeight), (float)score));
        }

        return faces;
    }

    /// <summary>
    /// Greedy non-maximum suppression: most confident first, each box kept unless its intersection over union with a box
    /// already kept exceeds <paramref name="iouThreshold"/>; at most <paramref name="maxFaces"/> kept.
    /// </summary>
    public static List<FaceBox> Suppress(IEnumerable<FaceBox> candidates, double iouThreshold, int maxFaces)
    {
        var kept = new List<FaceBox>();
        foreach (var box in candidates.OrderByDescending(b => b.Score))
        {
            if (kept.Count == maxFaces)
            {
                break;
            }

            if (kept.TrueForAll(k => Iou(k, box) <= iouThreshold))
            {
                kept.Add(box);
            }
        }

        return kept;
    }

    /// <summary>Intersection over union of two boxes; 0 when either is empty.</summary>
    public static float Iou(FaceBox a, FaceBox b)
    {
        var intersection = new FaceBox(Math.Max(a.Left, b.Left), Math.Max(a.Top, b.Top), Math.Min(a.Right, b.Right), Math.Min(a.Bottom, b.Bottom), 0).Area;
        var union = a.Area + b.Area - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    private static float Clip(float value) => Math.Clamp(value, 0f, 1f);

    private static (float X, float Y)[] CreateAnchors()
    {
        var anchors = new List<(float X, float Y)>(896);
        foreach (var (stride, perCell) in new[] { (16, 2), (32, 6) })
        {
            var cells = InputSize / stride;
            for (var y = 0; y < cells; y++)
            {
                for (var x = 0; x < cells; x++)
                {
                    for (var n = 0; n < perCell; n++)
                    {
                        anchors.Add((stride * (x + 0.5f), stride * (y + 0.5f)));
                    }
                }
            }
        }

        return [.. anchors];
    }
}
