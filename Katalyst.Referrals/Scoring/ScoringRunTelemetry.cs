using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Katalyst.Referrals.Scoring;

/// <summary>
/// The scoring and analysis runs' traces and metrics (source and meter <c>Katalyst.Referrals.Scoring</c>): a span per
/// batch sent to the scoring service and per file analysed (the gRPC call and the service's work are their
/// children), the backlog of unscored referrals each run found, and referrals stored scored or refused.
/// </summary>
public static class ScoringRunTelemetry
{
    /// <summary>The activity source's and the meter's name.</summary>
    public const string Name = "Katalyst.Referrals.Scoring";

    /// <summary>Spans: <c>score referrals</c> (one per batch sent) and <c>analyse file</c>.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Gauge<long> Unscored = Meter.CreateGauge<long>(
        "katalyst.scoring.unscored", "{referral}", "Referrals waiting to be scored when the last scoring run began (the scoring outbox).");

    private static readonly Counter<long> Stored = Meter.CreateCounter<long>(
        "katalyst.scoring.stored", "{referral}", "Referrals a scoring run sent, by result: scored (answer stored) or refused.");

    /// <summary>A scoring run found <paramref name="count"/> referrals to score.</summary>
    public static void Backlog(int count) => Unscored.Record(count);

    /// <summary>One batch came back: <paramref name="scored"/> stored, <paramref name="refused"/> refused.</summary>
    public static void Answered(int scored, int refused)
    {
        Stored.Add(scored, new KeyValuePair<string, object?>("result", "scored"));
        Stored.Add(refused, new KeyValuePair<string, object?>("result", "refused"));
    }
}
