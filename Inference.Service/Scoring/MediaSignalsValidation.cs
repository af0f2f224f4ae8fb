using System.Globalization;
using Katalyst.Protos.V1;

namespace Katalyst.Inference.Scoring;

/// <summary>Checks one file's <see cref="MediaSignals"/> against scoring.proto; the first fault names the field.</summary>
public static class MediaSignalsValidation
{
    /// <summary>The oldest apparent age accepted, in years.</summary>
    public const float MaxApparentAge = 120f;

    /// <summary>Returns null when the signals are valid, else "field: what is wrong" (the field inside <c>media</c>).</summary>
    public static string? Problem(MediaSignals media)
    {
        ArgumentNullException.ThrowIfNull(media);
        foreach (var (field, value) in new[]
        {
            ("drawing", media.Drawing), ("hentai", media.Hentai), ("neutral", media.Neutral), ("porn", media.Porn), ("sexy", media.Sexy),
            ("apparent_minor_probability", media.ApparentMinorProbability), ("apparent_minor_face_score", media.ApparentMinorFaceScore),
        })
        {
            if (!float.IsFinite(value) || value is < 0f or > 1f)
            {
                return Invariant($"{field}: {value} is not a probability from 0 to 1");
            }
        }

        if (!float.IsFinite(media.ApparentAge) || media.ApparentAge is < 0f or > MaxApparentAge)
        {
            return Invariant($"apparent_age: {media.ApparentAge} is not an apparent age from 0 to {MaxApparentAge} years");
        }

        if (media.FaceCount < 0)
        {
            return Invariant($"face_count: {media.FaceCount} must not be negative");
        }

        if (media.FaceCount == 0 && (media.ApparentMinorProbability > 0f || media.ApparentMinorFaceScore > 0f || media.ApparentAge > 0f))
        {
            return "face_count: 0, yet a face's apparent_minor_probability, apparent_minor_face_score or apparent_age is set";
        }

        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
