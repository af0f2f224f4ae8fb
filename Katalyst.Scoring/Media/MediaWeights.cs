using System.Text.Json;

namespace Katalyst.Scoring.Media;

/// <summary>
/// <c>media-weights.json</c>: how much the media models' signals move a referral, in log-odds added to the priority
/// model's linear scores, and from which model outputs they fire. Hand-set starting values, versioned, validated when
/// loaded; the trained priority model does not know them. Thresholds need calibration on the agency's own material.
/// </summary>
/// <param name="Version">The weights' version, reported in each result's models as <see cref="ModelName"/>.</param>
/// <param name="Note">Where the values came from and how to calibrate them (for people; not read).</param>
/// <param name="ExplicitAtLeast">A picture counts as explicit photographic content from this nsfwjs porn probability.</param>
/// <param name="ApparentMinorAtLeast">A face counts as an apparent minor from this apparent-minor probability.</param>
/// <param name="FaceScoreAtLeast">... and only when BlazeFace is at least this sure it is a face.</param>
/// <param name="DrawingAtLeast">A picture counts as a drawing from this drawing + hentai probability.</param>
/// <param name="MaxTotal">The most the media signals together move a referral, in log-odds either way.</param>
/// <param name="Weights">Each signal's contribution when it fires.</param>
public sealed record MediaWeights(
    string Version,
    string? Note,
    float ExplicitAtLeast,
    float ApparentMinorAtLeast,
    float FaceScoreAtLeast,
    float DrawingAtLeast,
    float MaxTotal,
    MediaSignalWeights Weights)
{
    /// <summary>The file's name, in the models folder.</summary>
    public const string FileName = "media-weights.json";

    /// <summary>The name results list the weights under (<c>ScoreResult.models</c>).</summary>
    public const string ModelName = "media-weights";

    /// <summary>The largest <see cref="MaxTotal"/> allowed: media signals stay signals beside the model.</summary>
    public const float MaxTotalLimit = 8f;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Reads and checks the file; a bad value fails naming the file, the field and what is wrong.</summary>
    public static MediaWeights Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException(
                $"{path} is missing: the scorer needs the media signals' weights (copy models/{FileName} from the repository into the models folder).");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and checks weights written as <c>media-weights.json</c> is; <paramref name="source"/> names them in errors.</summary>
    public static MediaWeights Parse(string json, string source)
    {
        MediaWeights? weights;
        try
        {
            weights = JsonSerializer.Deserialize<MediaWeights>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source} is not valid media weights JSON: {ex.Message}", ex);
        }

        if (weights is null)
        {
            throw new InvalidDataException($"{source} is empty.");
        }

        if (weights.Problem() is { } problem)
        {
            throw new InvalidDataException($"{source}: {problem}.");
        }

        return weights;
    }

    /// <summary>The first thing wrong, as <c>field: what is wrong</c>; null when the weights are sound.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Version))
        {
            return "version: required (it is reported with every result the weights moved)";
        }

        foreach (var (field, value) in new[]
        {
            ("explicitAtLeast", ExplicitAtLeast), ("apparentMinorAtLeast", ApparentMinorAtLeast),
            ("faceScoreAtLeast", FaceScoreAtLeast), ("drawingAtLeast", DrawingAtLeast),
        })
        {
            if (!float.IsFinite(value) || value is <= 0f or > 1f)
            {
                return $"{field}: {value} is not a probability threshold in (0, 1]";
            }
        }

        if (!float.IsFinite(MaxTotal) || MaxTotal is <= 0f or > MaxTotalLimit)
        {
            return $"maxTotal: {MaxTotal} is not in (0, {MaxTotalLimit}] log-odds";
        }

        return Weights is null ? "weights: required" : Weights.Problem();
    }
}

/// <summary>Each media signal's contribution in log-odds when it fires.</summary>
/// <param name="NewExplicitApparentMinor">New material, explicit, with an apparent minor: the strongest, positive.</param>
/// <param name="NewExplicit">New material, explicit, no apparent minor: positive, at most the strongest.</param>
/// <param name="DrawingOrMeme">Drawings and memes: zero or negative (it lowers).</param>
public sealed record MediaSignalWeights(float NewExplicitApparentMinor, float NewExplicit, float DrawingOrMeme)
{
    /// <summary>The first thing wrong, naming the field; null when sound.</summary>
    public string? Problem() =>
        !float.IsFinite(NewExplicitApparentMinor) || NewExplicitApparentMinor <= 0f ? $"weights.newExplicitApparentMinor: {NewExplicitApparentMinor} must be a positive number (it raises)"
        : !float.IsFinite(NewExplicit) || NewExplicit < 0f ? $"weights.newExplicit: {NewExplicit} must be a number not below 0 (it raises)"
        : NewExplicit > NewExplicitApparentMinor ? $"weights.newExplicit: {NewExplicit} is above newExplicitApparentMinor ({NewExplicitApparentMinor}), which must be the strongest media signal"
        : !float.IsFinite(DrawingOrMeme) || DrawingOrMeme > 0f ? $"weights.drawingOrMeme: {DrawingOrMeme} must be a number not above 0 (it lowers)"
        : null;
}
