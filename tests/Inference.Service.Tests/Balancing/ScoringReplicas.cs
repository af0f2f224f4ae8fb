using System.Text.Json;
using Katalyst.Protos.V1;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Scoring.Balancing;
using Katalyst.Inference.Tests.Scoring;

namespace Katalyst.Inference.Tests.Balancing;

/// <summary>Three real scoring services, each its own process on its own loopback port, sharing one partner key.</summary>
public sealed class ScoringReplicas : IAsyncLifetime
{
    /// <summary>The log line a replica writes when it admits a ScoreStream call (PartnerAccessInterceptor).</summary>
    public const string ScoreStreamAdmitted = "called katalyst.v1.Scoring/ScoreStream";

    private static readonly string Key = InferenceProcess.NewKey();

    /// <summary>The replicas, in the order the balancer is given them.</summary>
    public IReadOnlyList<InferenceProcess> Replicas { get; } = [.. Enumerable.Range(0, 3).Select(_ => new InferenceProcess(ownModels: false, apiKey: Key))];

    /// <summary>The partner key every replica accepts.</summary>
    public string ApiKey => Key;

    /// <summary>Every replica, as the portal's <c>Scoring:Addresses</c> would list them.</summary>
    public ScoringTarget Target => ScoringTarget.Parse([.. Replicas.Select(r => r.Address)], "Scoring:Addresses");

    /// <summary>ScoreStream calls each replica has admitted so far.</summary>
    public int[] Admitted() => [.. Replicas.Select(r => r.OutputLinesContaining(ScoreStreamAdmitted))];

    /// <summary>Distinct synthetic referrals (benign hallmarks varied by number), report numbers 1..count.</summary>
    public static List<ScoreRequest> Referrals(int count) => [.. Enumerable.Range(1, count).Select(i =>
    {
        var request = (i % 4) switch
        {
            0 => Hallmarks.Tier2Grooming(),
            1 => Hallmarks.Tier4MinorToMinor(),
            2 => Hallmarks.Tier1Escalated(),
            _ => Hallmarks.Plain(i),
        };
        request.ReportId = i;
        request.ReportedPersons[0].IpEvents = 3 + (i % 9); // never fewer than its in-country part (2)
        return request;
    })];

    /// <summary>
    /// The same answer: tier, score, reasons, warnings, rules and models exactly, the text model's probabilities and the
    /// reasons' contributions to 1e-5. ONNX Runtime batches requests, and a float sum over a batch of another size may
    /// round differently in the 7th digit; nothing an investigator sees depends on that digit.
    /// </summary>
    public static string Answer(ReferralScore score) => JsonSerializer.Serialize(new
    {
        score.Tier,
        score.TierName,
        score.Score,
        score.ModelTier,
        Indicators = score.Indicators.ToDictionary(i => i.Key, i => Math.Round(i.Value, 5)),
        Reasons = score.Reasons.Select(r => new { r.Signal, r.Text, Contribution = Math.Round(r.Contribution, 5) }),
        score.Warnings,
        score.RulesApplied,
        score.Models,
    });

    public async ValueTask InitializeAsync() => await Task.WhenAll(Replicas.Select(r => r.InitializeAsync().AsTask()));

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in Replicas)
        {
            await replica.DisposeAsync();
        }
    }
}
