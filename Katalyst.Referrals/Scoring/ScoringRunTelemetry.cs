using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Katalyst.Referrals.Scoring;

/// <summary>
/// The scoring and analysis runs' traces and metrics (source and meter <c>Katalyst.Referrals.Scoring</c>): a span per
/// batch sent to the scoring service (the gRPC call is its child), per referral scored and per file analysed (both in
/// the referral's own trace), the backlog of unscored referrals each run found, and what became of each referral sent.
/// </summary>
public static class ScoringRunTelemetry
{
    /// <summary>The activity source's and the meter's name.</summary>
    public const string Name = "Katalyst.Referrals.Scoring";

    /// <summary>Spans: <c>score referrals</c> (one per batch sent), <c>score referral</c> and <c>analyse file</c>.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Gauge<long> Unscored = Meter.CreateGauge<long>(
        "katalyst.scoring.unscored", "{referral}", "Referrals waiting to be scored when the last scoring run began (the scoring outbox).");

    private static readonly Counter<long> Stored = Meter.CreateCounter<long>(
        "katalyst.scoring.stored", "{referral}", "Referrals a scoring run sent, by result: scored (answer stored), retrying (no answer yet) or given up (refused, or out of attempts: a person retries it).");

    /// <summary>A scoring run found <paramref name="count"/> referrals to score.</summary>
    public static void Backlog(int count) => Unscored.Record(count);

    /// <summary>Whether anything collects the backlog: counting it costs a scan of the outbox, done only then.</summary>
    public static bool BacklogCollected => Unscored.Enabled;

    /// <summary>One batch finished: <paramref name="scored"/> stored, <paramref name="retrying"/> due again, <paramref name="gaveUp"/> given up.</summary>
    public static void Answered(int scored, int retrying, int gaveUp)
    {
        Stored.Add(scored, new KeyValuePair<string, object?>("result", "scored"));
        Stored.Add(retrying, new KeyValuePair<string, object?>("result", "retrying"));
        Stored.Add(gaveUp, new KeyValuePair<string, object?>("result", "given up"));
    }
}
