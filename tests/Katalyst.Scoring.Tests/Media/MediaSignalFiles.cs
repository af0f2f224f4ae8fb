using Katalyst.Protos.V1;
using Katalyst.Scoring.Media;

namespace Katalyst.Scoring.Tests.Media;

/// <summary>
/// Files with synthetic media-model values. Benign drawn test images never look explicit to the models, so the weights
/// are tested at the scorer's boundary with chosen numbers, never with pictures.
/// </summary>
internal static class MediaSignalFiles
{
    /// <summary>Thresholds and weights for the tests (the committed file's shape, round numbers).</summary>
    public static MediaWeights Weights(float maxTotal = 4f, float minor = 3f, float newExplicit = 1.5f, float drawing = -1.5f) => new(
        "test-1", null, ExplicitAtLeast: 0.8f, ApparentMinorAtLeast: 0.7f, FaceScoreAtLeast: 0.75f, DrawingAtLeast: 0.6f, maxTotal,
        new MediaSignalWeights(minor, newExplicit, drawing));

    /// <summary>A file matching no known material with the given model values (probabilities not named are 0).</summary>
    public static ReferralFile New(string fileId, float porn = 0f, float drawing = 0f, float minor = 0f, float faceScore = 0f, float age = 0f) =>
        File(fileId, HashMatch.None, porn, drawing, minor, faceScore, age);

    /// <summary>A file with the given hash match and model values.</summary>
    public static ReferralFile File(string fileId, HashMatch match, float porn = 0f, float drawing = 0f, float minor = 0f, float faceScore = 0f, float age = 0f)
    {
        var faces = faceScore > 0f ? 1 : 0;
        return new ReferralFile
        {
            FileId = fileId,
            HashMatch = match,
            Annotations = new FileAnnotations(),
            Media = new MediaSignals
            {
                Porn = porn,
                Drawing = drawing,
                Neutral = Math.Max(0f, 1f - porn - drawing),
                FaceCount = faces,
                ApparentMinorProbability = minor,
                ApparentMinorFaceScore = faceScore,
                ApparentAge = age,
            },
        };
    }

    /// <summary>A request holding <paramref name="files"/>.</summary>
    public static ScoreRequest Request(params ReferralFile[] files)
    {
        var request = new ScoreRequest { ReportId = 1, IncidentType = IncidentType.ChildPornography, ReportType = ReportType.Referral };
        request.Files.AddRange(files);
        return request;
    }
}
