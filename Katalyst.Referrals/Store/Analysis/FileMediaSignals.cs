using System.Buffers.Binary;
using Katalyst.Protos.V1;

namespace Katalyst.Referrals.Store.Analysis;

/// <summary>
/// What the media models saw in one file, summarised as <c>file_media_signals</c> keeps it (migration 0018): either
/// the signals (<see cref="HasSignals"/>) or, when the models did not run on a decoded picture, why
/// (<see cref="Problem"/>). For a video, each value is its maximum over the sampled frames (<see cref="Frames"/>).
/// Signals for a person, never findings.
/// </summary>
/// <param name="Frames">How many pictures the summary covers: 1 for an image, the frames sampled for a video.</param>
/// <param name="Drawing">nsfwjs drawing probability.</param>
/// <param name="Hentai">nsfwjs hentai probability.</param>
/// <param name="Neutral">nsfwjs neutral probability.</param>
/// <param name="Porn">nsfwjs porn probability (explicit photographic content).</param>
/// <param name="Sexy">nsfwjs sexy probability.</param>
/// <param name="FaceCount">Faces found.</param>
/// <param name="TopFaceScore">The most confident face's score; null when no face.</param>
/// <param name="MinorProbability">The highest apparent-minor probability among the faces; null when no face.</param>
/// <param name="MinorFaceScore">That face's score; null when no face.</param>
/// <param name="MinorApparentAge">That face's apparent age in years; null when no face.</param>
/// <param name="Embedding">The 1280-d embedding; null when absent or not read back.</param>
/// <param name="Problem">Why the signals are absent; null when present.</param>
public sealed record FileMediaSignals(
    int Frames, float? Drawing, float? Hentai, float? Neutral, float? Porn, float? Sexy, int? FaceCount, float? TopFaceScore,
    float? MinorProbability, float? MinorFaceScore, float? MinorApparentAge, float[]? Embedding, string? Problem)
{
    /// <summary>The embedding's length, in floats.</summary>
    public const int EmbeddingLength = 1280;

    /// <summary>True when the models ran (the probabilities are set).</summary>
    public bool HasSignals => Porn is not null;

    /// <summary>The summary of one picture's signals: the face with the highest apparent-minor probability stands for the faces.</summary>
    public static FileMediaSignals Of(ImageSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var e = signals.ExplicitContent ?? new ExplicitContent();
        var minor = signals.Faces.OrderByDescending(f => f.ApparentMinorProbability).ThenByDescending(f => f.Score).FirstOrDefault();
        return new FileMediaSignals(
            1, e.Drawing, e.Hentai, e.Neutral, e.Porn, e.Sexy, signals.Faces.Count,
            signals.Faces.Count == 0 ? null : signals.Faces.Max(f => f.Score),
            minor?.ApparentMinorProbability, minor?.Score, minor?.ApparentAge,
            signals.Embedding.Count == 0 ? null : [.. signals.Embedding], null);
    }

    /// <summary>No signals for a decoded picture, and why (the models are off, or did not load).</summary>
    public static FileMediaSignals Absent(string problem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(problem);
        return new FileMediaSignals(1, null, null, null, null, null, null, null, null, null, null, null, problem);
    }

    /// <summary>
    /// One summary for a video's sampled frames: each probability, the face count and the top face score their maximum
    /// over the frames, the apparent minor that of the frame where it is highest, the embedding the frames' mean (a
    /// descriptor for "similar to"), <see cref="Frames"/> their number. Frames without signals are skipped; when none has
    /// signals, the first frame's problem stands.
    /// </summary>
    public static FileMediaSignals MaxOverFrames(IReadOnlyList<FileMediaSignals> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentOutOfRangeException.ThrowIfZero(frames.Count);
        var seen = frames.Where(f => f.HasSignals).ToList();
        if (seen.Count == 0)
        {
            return frames[0] with { Frames = frames.Count };
        }

        var minor = seen.MaxBy(f => f.MinorProbability ?? -1f)!;
        var embeddings = seen.Select(f => f.Embedding).OfType<float[]>().ToList();
        float[]? mean = null;
        if (embeddings.Count > 0 && embeddings.All(e => e.Length == embeddings[0].Length))
        {
            mean = new float[embeddings[0].Length];
            foreach (var e in embeddings)
            {
                for (var i = 0; i < mean.Length; i++)
                {
                    mean[i] += e[i] / embeddings.Count;
                }
            }
        }

        return new FileMediaSignals(
            frames.Count, seen.Max(f => f.Drawing), seen.Max(f => f.Hentai), seen.Max(f => f.Neutral), seen.Max(f => f.Porn), seen.Max(f => f.Sexy),
            seen.Max(f => f.FaceCount), seen.Max(f => f.TopFaceScore), minor.MinorProbability, minor.MinorFaceScore, minor.MinorApparentAge, mean, null);
    }

    /// <summary>The embedding as stored: float32 little-endian, whatever the machine's byte order.</summary>
    public static byte[] EmbeddingBytes(IReadOnlyList<float> embedding)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        var bytes = new byte[embedding.Count * sizeof(float)];
        for (var i = 0; i < embedding.Count; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), embedding[i]);
        }

        return bytes;
    }

    /// <summary>The embedding read back from its stored bytes.</summary>
    /// <exception cref="InvalidDataException">The bytes are not whole float32 values.</exception>
    public static float[] EmbeddingFloats(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new InvalidDataException($"file_media_signals.embedding: {bytes.Length} bytes are not whole float32 values");
        }

        var floats = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < floats.Length; i++)
        {
            floats[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        }

        return floats;
    }
}
