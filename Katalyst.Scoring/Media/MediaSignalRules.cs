using System.Globalization;
using Katalyst.Protos.V1;

namespace Katalyst.Scoring.Media;

/// <summary>One media signal that fired for a referral: its name, its contribution in log-odds and the sentence an investigator checks.</summary>
/// <param name="Signal">The signal's stable name, e.g. <c>media.new_explicit_apparent_minor</c>.</param>
/// <param name="Contribution">Its contribution to both linear parts of the priority model, in log-odds.</param>
/// <param name="Text">One sentence naming the file and the model's figures; it says a model signal, not a finding.</param>
public sealed record MediaContribution(string Signal, float Contribution, string Text);

/// <summary>
/// Which media signals fire for a referral (files' <see cref="MediaSignals"/>, see <see cref="MediaWeights"/>). Pure.
/// At most one signal a kind per referral, citing its strongest file:
/// <list type="bullet">
/// <item><see cref="NewExplicitApparentMinor"/>: a file matching no known material, explicit photographic content at
/// or above the threshold, and in the same file a face at or above the face-score threshold whose apparent-minor
/// probability is at or above its threshold. The strongest media signal.</item>
/// <item><see cref="NewExplicit"/>: new and explicit, no such face; only when the first did not fire.</item>
/// <item><see cref="DrawingOrMeme"/>: a file the models read as a drawing (drawing + hentai at or above the threshold
/// and above porn), or the ESP tagged a meme or drawing and the models see nothing explicit; lowers, and only when no
/// explicit signal fired (a drawing beside it makes a new explicit photo no less urgent).</item>
/// </list>
/// Apparent age never fires alone: no signal reads a face without explicit content in the same file.
/// </summary>
public static class MediaSignalRules
{
    /// <summary>New, explicit, with an apparent minor.</summary>
    public const string NewExplicitApparentMinor = "media.new_explicit_apparent_minor";

    /// <summary>New and explicit, no apparent minor.</summary>
    public const string NewExplicit = "media.new_explicit";

    /// <summary>A drawing or a meme.</summary>
    public const string DrawingOrMeme = "media.drawing_or_meme";

    private const string NotAFinding = ": a model signal to check, not a finding.";

    /// <summary>The signals that fire for <paramref name="request"/>, strongest kind first; empty when no file has media signals.</summary>
    public static IReadOnlyList<MediaContribution> Fire(ScoreRequest request, MediaWeights weights)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(weights);
        var analysed = request.Files.Where(f => f.Media is not null).ToList();
        var fired = new List<MediaContribution>();
        var explicitNew = analysed.Where(f => f.HashMatch == HashMatch.None && f.Media.Porn >= weights.ExplicitAtLeast).ToList();
        var withMinor = explicitNew
            .Where(f => f.Media.FaceCount > 0 && f.Media.ApparentMinorProbability >= weights.ApparentMinorAtLeast && f.Media.ApparentMinorFaceScore >= weights.FaceScoreAtLeast)
            .OrderByDescending(f => Math.Min(f.Media.Porn, f.Media.ApparentMinorProbability))
            .ToList();
        if (withMinor.Count > 0)
        {
            var m = withMinor[0].Media;
            fired.Add(new(NewExplicitApparentMinor, weights.Weights.NewExplicitApparentMinor, Invariant(
                $"File {withMinor[0].FileId}: a new picture looks explicit to the media model ({m.Porn:0.00}) and a face in it looks under 18 ({m.ApparentMinorProbability:0.00}, apparent age {m.ApparentAge:0}){More(withMinor.Count)}{NotAFinding}")));
        }
        else if (explicitNew.Count > 0)
        {
            var strongest = explicitNew.OrderByDescending(f => f.Media.Porn).ToList();
            fired.Add(new(NewExplicit, weights.Weights.NewExplicit, Invariant(
                $"File {strongest[0].FileId}: a new picture looks explicit to the media model ({strongest[0].Media.Porn:0.00}), no face in it clearly looks under 18{More(strongest.Count)}{NotAFinding}")));
        }
        else if (DrawingOrMemeFile(analysed, weights) is { } drawn)
        {
            var (file, count) = drawn;
            var m = file.Media;
            var drawing = m.Drawing + m.Hentai;
            var why = IsDrawing(m, weights)
                ? Invariant($"File {file.FileId}: the media model reads the picture as a drawing ({drawing:0.00}), not a photograph")
                : Invariant($"File {file.FileId}: the ESP tagged it a meme or drawing and the media model sees nothing explicit ({m.Porn:0.00})");
            fired.Add(new(DrawingOrMeme, weights.Weights.DrawingOrMeme, why + More(count) + NotAFinding));
        }

        return fired.Where(f => f.Contribution != 0f).ToList();
    }

    private static (ReferralFile File, int Count)? DrawingOrMemeFile(List<ReferralFile> analysed, MediaWeights weights)
    {
        var files = analysed
            .Where(f => IsDrawing(f.Media, weights) || (IsTaggedMemeOrDrawing(f) && f.Media.Porn < weights.ExplicitAtLeast))
            .OrderByDescending(f => f.Media.Drawing + f.Media.Hentai)
            .ToList();
        return files.Count == 0 ? null : (files[0], files.Count);
    }

    private static bool IsDrawing(MediaSignals m, MediaWeights weights) =>
        m.Drawing + m.Hentai >= weights.DrawingAtLeast && m.Drawing + m.Hentai > m.Porn;

    private static bool IsTaggedMemeOrDrawing(ReferralFile file) =>
        file.Annotations is { } a && (a.PotentialMeme || a.AnimeDrawingVirtualHentai);

    private static string More(int files) => files > 1 ? Invariant($" ({files - 1} more file(s) alike)") : "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
