using System.Diagnostics;
using System.Diagnostics.Metrics;
using Katalyst.Protos.V1;

namespace Katalyst.Inference.Scoring;

/// <summary>
/// The scoring service's traces and metrics (source and meter <c>Katalyst.Inference.Scoring</c>): referrals scored by
/// tier, how long a call waits for its answer, batch sizes, model run time and how many referrals wait for a batch.
/// Tags carry tiers only, never a report id or any text.
/// </summary>
public sealed class ScoringMetrics
{
    /// <summary>The activity source's and the meter's name.</summary>
    public const string Name = "Katalyst.Inference.Scoring";

    /// <summary>
    /// Spans for each model batch (<c>score batch</c>), children of the call that queued their first request, and per
    /// referral whose request names its trace (<c>score referral</c>, see <see cref="ReferralSpans"/>).
    /// </summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> scored;
    private readonly Histogram<double> latency;
    private readonly Histogram<int> batchSize;
    private readonly Histogram<double> inference;
    private long waiting;

    /// <summary>Creates the instruments on the host's meter factory (so each host's figures stay its own).</summary>
    public ScoringMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(Name);
        scored = meter.CreateCounter<long>("katalyst.scoring.referrals", "{referral}", "Referrals scored, by tier (1 IMMEDIATE .. 5 INFORMATIONAL).");
        latency = meter.CreateHistogram<double>("katalyst.scoring.latency", "s", "Time from a call's requests being queued to their results, per queued group.");
        batchSize = meter.CreateHistogram<int>("katalyst.scoring.batch.size", "{referral}", "Referrals per model run.");
        inference = meter.CreateHistogram<double>("katalyst.scoring.inference.duration", "s", "Time of one model run (text model, priority model and rules) over a batch.");
        meter.CreateObservableGauge("katalyst.scoring.queue.backlog", () => Interlocked.Read(ref waiting), "{referral}", "Referrals queued and not yet in a model run.");
    }

    /// <summary>Referrals queued for a batch.</summary>
    public void Queued(int count) => Interlocked.Add(ref waiting, count);

    /// <summary>Referrals taken off the queue into a run (or dropped as cancelled).</summary>
    public void Dequeued(int count) => Interlocked.Add(ref waiting, -count);

    /// <summary>One model run over <paramref name="results"/> took <paramref name="elapsed"/>.</summary>
    public void Ran(IReadOnlyList<ScoreResult> results, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(results);
        batchSize.Record(results.Count);
        inference.Record(elapsed.TotalSeconds);
        Span<long> perTier = stackalloc long[6];
        foreach (var result in results)
        {
            perTier[result.Tier is >= 1 and <= 5 ? result.Tier : 0]++;
        }

        for (var tier = 0; tier < perTier.Length; tier++)
        {
            if (perTier[tier] > 0)
            {
                scored.Add(perTier[tier], new KeyValuePair<string, object?>("tier", tier));
            }
        }
    }

    /// <summary>A queued group got its results <paramref name="elapsed"/> after it was queued.</summary>
    public void Answered(TimeSpan elapsed) => latency.Record(elapsed.TotalSeconds);
}
