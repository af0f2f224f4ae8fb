using Katalyst.Protos.V1;

namespace Katalyst.Inference.Media.Models;

/// <summary>Maps <see cref="ImageSignals"/> to <c>katalyst.v1.ImageSignals</c>.</summary>
internal static class ImageSignalsMapping
{
    public static Protos.V1.ImageSignals Map(ImageSignals signals)
    {
        var p = signals.ContentProbabilities;
        var mapped = new Protos.V1.ImageSignals
        {
            // MediaModelSet checks at load that the manifest's labels are in this order.
            ExplicitContent = new ExplicitContent { Drawing = p[0], Hentai = p[1], Neutral = p[2], Porn = p[3], Sexy = p[4] },
        };
        mapped.Embedding.AddRange(signals.Embedding);
        mapped.Faces.AddRange(signals.Faces.Select(f => new DetectedFace
        {
            X = f.Box.Left,
            Y = f.Box.Top,
            Width = f.Box.Right - f.Box.Left,
            Height = f.Box.Bottom - f.Box.Top,
            Score = f.Box.Score,
            ApparentAge = f.ApparentAge,
            ApparentMinorProbability = f.MinorProbability,
            MaleProbability = f.MaleProbability,
        }));
        return mapped;
    }
}
