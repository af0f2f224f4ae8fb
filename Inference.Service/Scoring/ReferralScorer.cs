using System.Globalization;
using Katalyst.Inference.Rules;
using Katalyst.Protos.V1;
using Katalyst.Scoring.Media;
using Katalyst.Scoring.Priority;
using Katalyst.Scoring.Text;
using TierRuleSet = Katalyst.Scoring.Priority.TierRuleSet;
using IndicatorNames = Katalyst.Scoring.Text.TextIndicators;

namespace Katalyst.Inference.Scoring;

/// <summary>
/// Scores a batch of valid requests: texts through the text model, the policy's signals through the priority model,
/// the files' media signals added to its linear scores (<see cref="MediaSignalRules"/>, within <see cref="MediaAdjustment"/>'s
/// cap), then the supervisor's rules, the reasons and the warnings. One model run per model for the whole batch.
/// </summary>
public sealed class ReferralScorer(ScoringModels models, TierRulesFile tierRules)
{
    /// <summary>How many of the priority model's reasons a result carries at most; every media signal that moved it comes in addition.</summary>
    public const int MaxReasons = 5;

    private const int IndicatorCount = IndicatorNames.Count;

    /// <summary>Scores every request; results are in request order.</summary>
    public ScoreResult[] Score(IReadOnlyList<ScoreRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return [];
        }

        var indicators = TextIndicatorsOf(requests);
        var width = PrioritySignals.Count;
        var signals = new float[requests.Count * width];
        for (var r = 0; r < requests.Count; r++)
        {
            PrioritySignals.Fill(requests[r], indicators.AsSpan(r * IndicatorCount, IndicatorCount), signals.AsSpan(r * width, width));
        }

        var linear = models.Priority.RunLinear(signals, requests.Count);
        var rules = tierRules.Current.Rules; // one version of the rules for the whole batch
        var weights = models.MediaWeights;
        var results = new ScoreResult[requests.Count];
        for (var r = 0; r < requests.Count; r++)
        {
            var media = MediaAdjustment.Apply(models.Priority.Parameters, linear[r], MediaSignalRules.Fire(requests[r], weights), weights.MaxTotal);
            results[r] = Result(requests[r], rules, media, indicators.AsSpan(r * IndicatorCount, IndicatorCount), signals.AsSpan(r * width, width));
        }

        return results;
    }

    private float[] TextIndicatorsOf(IReadOnlyList<ScoreRequest> requests) => TextIndicatorBatch.Run(
        models.Text, models.Featurizer, requests.Select(r => string.Join('\n', r.Texts.Select(t => t.Text))).ToList());

    private ScoreResult Result(ScoreRequest request, TierRuleSet rules, MediaAdjusted media, ReadOnlySpan<float> indicators, ReadOnlySpan<float> signals)
    {
        var prediction = media.Prediction;
        var (ruled, applied) = rules.Apply(prediction.Tier, signals);
        var (tier, linked) = LinkedSubjectRule.Apply(ruled, request);
        var result = new ScoreResult
        {
            ReportId = request.ReportId,
            Tier = tier,
            TierName = TierNames.Of(tier),
            Score = Math.Round(prediction.Score, 4),
            ModelTier = prediction.Tier,
            Indicators = new Protos.V1.TextIndicators
            {
                Sextortion = indicators[0],
                Grooming = indicators[1],
                Meeting = indicators[2],
                Production = indicators[3],
                ContactAbuse = indicators[4],
                Trafficking = indicators[5],
                SelfHarmRisk = indicators[6],
            },
        };
        result.RulesApplied.AddRange(applied);
        if (linked is not null)
        {
            result.RulesApplied.Add(linked);
        }

        result.Reasons.AddRange(Reasons(prediction.Contributions).Concat(MediaReasons(media)).OrderByDescending(r => Math.Abs(r.Contribution)));
        result.Models.AddRange(models.Versions.Select(v => new ModelVersion { Name = v.Name, Version = v.Version }));
        if (request.Files.Any(f => f.Media is not null))
        {
            result.Models.Add(new ModelVersion { Name = MediaWeights.ModelName, Version = models.MediaWeights.Version });
        }

        result.Warnings.AddRange(ScoreWarnings.Of(request));
        result.Warnings.AddRange(ScoreWarnings.OfMedia(media));
        return result;
    }

    // Every media signal that moved the score is a reason, beside the model's own top reasons: it is not part of the
    // trained model, so an investigator must always see it.
    private static IEnumerable<Reason> MediaReasons(MediaAdjusted media) => media.Contributions.Select(c => new Reason
    {
        Signal = c.Signal,
        Contribution = Math.Round(c.Contribution, 4),
        Text = c.Text,
    });

    private static IEnumerable<Reason> Reasons(float[] contributions) => contributions
        .Select((value, index) => (Value: value, Signal: PrioritySignals.All[index]))
        .Where(c => Math.Abs(c.Value) >= 0.01f)
        .OrderByDescending(c => Math.Abs(c.Value))
        .Take(MaxReasons)
        .Select(c => new Reason
        {
            Signal = c.Signal.Name,
            Contribution = Math.Round(c.Value, 4),
            Text = c.Signal.Description,
        });
}

/// <summary>What a person must know before acting on a referral, in words.</summary>
public static class ScoreWarnings
{
    /// <summary>The warnings for one request.</summary>
    public static IEnumerable<string> Of(ScoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var notViewed = request.Files.Count(f => !f.HasViewedByEsp || !f.ViewedByEsp);
        if (notViewed > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{notViewed} {(notViewed == 1 ? "file was" : "files were")} not viewed by the ESP: legal authority needed before viewing.");
        }

        var unchecked_ = request.Files.Count(f => f.HashMatch == HashMatch.Unknown);
        if (unchecked_ > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{unchecked_} {(unchecked_ == 1 ? "file has" : "files have")} no hash to check against known material.");
        }

        if (request.Texts.Count == 0)
        {
            yield return "The referral has no free text: the text indicators read nothing.";
        }
    }

    /// <summary>The warnings when media signals moved the score: they are uncalibrated model signals, and whether the cap held them back.</summary>
    public static IEnumerable<string> OfMedia(MediaAdjusted media)
    {
        ArgumentNullException.ThrowIfNull(media);
        if (media.Contributions.Count == 0)
        {
            yield break;
        }

        yield return "Media signals (media.*) come from image models whose thresholds are not yet calibrated on this agency's material: look at the file before relying on them.";
        if (media.Capped)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"The media signals were scaled down by the cap: on their own they move a referral at most one tier (the model alone said tier {media.ModelTier}).");
        }
    }
}
