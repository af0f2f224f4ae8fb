using System.Text.Json;

namespace Katalyst.Referrals.Scoring;

/// <summary>One signal's share in a score, with the sentence an investigator reads.</summary>
public sealed record ScoreReason(string Signal, double Contribution, string Text);

/// <summary>
/// The scoring service's answer for one referral, as the portal and the store keep it: no generated gRPC types
/// beyond this library.
/// </summary>
public sealed record ReferralScore(
    long ReportId,
    int Tier,
    string TierName,
    double Score,
    int ModelTier,
    IReadOnlyDictionary<string, double> Indicators,
    IReadOnlyList<ScoreReason> Reasons,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> RulesApplied,
    string Models)
{
    /// <summary>How scores' parts are written as JSON in the store.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Maps a service result; the caller checks <c>Error</c> first.</summary>
    public static ReferralScore From(Protos.V1.ScoreResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var i = result.Indicators ?? new Protos.V1.TextIndicators();
        return new ReferralScore(
            result.ReportId,
            result.Tier,
            result.TierName,
            result.Score,
            result.ModelTier,
            new Dictionary<string, double>
            {
                ["sextortion"] = i.Sextortion,
                ["grooming"] = i.Grooming,
                ["meeting"] = i.Meeting,
                ["production"] = i.Production,
                ["contact_abuse"] = i.ContactAbuse,
                ["trafficking"] = i.Trafficking,
                ["self_harm_risk"] = i.SelfHarmRisk,
            },
            result.Reasons.Select(r => new ScoreReason(r.Signal, r.Contribution, r.Text)).ToList(),
            result.Warnings.ToList(),
            result.RulesApplied.ToList(),
            string.Join(", ", result.Models.Select(m => $"{m.Name} {m.Version}")));
    }
}
