using Katalyst.Protos.V1;

namespace Katalyst.Inference.Tests.Scoring;

/// <summary>
/// Referrals whose files carry synthetic media-model values. Benign drawn test images never look explicit to the media
/// models, so the scoring of media signals is tested with chosen numbers at the scorer's boundary, never with pictures.
/// </summary>
internal static class MediaRequests
{
    /// <summary><see cref="Hallmarks.Plain"/> with a second, new file f2 that carries no media signals.</summary>
    public static ScoreRequest PlainWithNewFile(long reportId)
    {
        var request = Hallmarks.Plain(reportId);
        request.Files.Add(new ReferralFile { FileId = "f2", ViewedByEsp = true, HashMatch = HashMatch.None, Annotations = new FileAnnotations() });
        return request;
    }

    /// <summary>The same request with f2's media signals set.</summary>
    public static ScoreRequest WithMedia(ScoreRequest request, float porn, float minor = 0f, float faceScore = 0f, float age = 0f, float drawing = 0f)
    {
        var copy = request.Clone();
        copy.Files.Single(f => f.FileId == "f2").Media = new MediaSignals
        {
            Porn = porn,
            Drawing = drawing,
            Neutral = Math.Max(0f, 1f - porn - drawing),
            FaceCount = faceScore > 0f ? 1 : 0,
            ApparentMinorProbability = minor,
            ApparentMinorFaceScore = faceScore,
            ApparentAge = age,
        };
        return copy;
    }
}
