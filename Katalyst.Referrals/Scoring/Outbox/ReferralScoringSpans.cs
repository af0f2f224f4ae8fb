using System.Diagnostics;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Store.Outbox;

namespace Katalyst.Referrals.Scoring.Outbox;

/// <summary>
/// The spans of one scoring batch: <c>score referrals</c> for the batch (the gRPC call is its child; it links to each
/// referral's trace), and per referral <c>score referral</c> in that referral's own trace (its parent is the span that
/// stored it, kept in the outbox row). Each referral's span id travels in its <c>ScoreRequest.trace_parent</c>, so the
/// service's work for it lands in the same trace. Nothing is created when nothing listens.
/// </summary>
internal sealed class ReferralScoringSpans : IDisposable
{
    private readonly Dictionary<long, Activity> byReport;

    private ReferralScoringSpans(Activity? batch, Dictionary<long, Activity> byReport)
    {
        Batch = batch;
        this.byReport = byReport;
    }

    /// <summary>The batch's span, current while the call runs; null when nothing listens.</summary>
    public Activity? Batch { get; }

    /// <summary>Starts the batch's span and one span per claimed referral.</summary>
    public static ReferralScoringSpans Start(IReadOnlyList<ClaimedScoring> claimed)
    {
        var source = ScoringRunTelemetry.Source;
        if (!source.HasListeners())
        {
            return new ReferralScoringSpans(null, []);
        }

        var caller = Activity.Current;
        var spans = new Dictionary<long, Activity>();
        foreach (var item in claimed)
        {
            if (IntakeTelemetry.StartInReferralTrace(source, "score referral", item.TraceParent) is { } span)
            {
                span.SetTag(IntakeTelemetry.ReportIdTag, item.ReportId);
                span.SetTag("katalyst.attempt", item.Attempts + 1);
                spans[item.ReportId] = span;
            }

            Activity.Current = caller; // each referral's span is a sibling in its own trace; the batch's is the caller's child
        }

        var batch = source.StartActivity(
            "score referrals", ActivityKind.Internal, caller?.Context ?? default, links: spans.Values.Select(s => new ActivityLink(s.Context)));
        batch?.SetTag("katalyst.batch.referrals", claimed.Count);
        return new ReferralScoringSpans(batch, spans);
    }

    /// <summary>The traceparent to send with <paramref name="reportId"/>'s request, or empty.</summary>
    public string TraceParentOf(long reportId) => byReport.TryGetValue(reportId, out var span) ? IntakeTelemetry.TraceParent(span) ?? "" : "";

    /// <summary>Ends <paramref name="reportId"/>'s span with what became of it.</summary>
    public void Finish(long reportId, string result, bool failed)
    {
        if (byReport.Remove(reportId, out var span))
        {
            span.SetTag("katalyst.result", result);
            span.SetStatus(failed ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
            Stop(span);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var span in byReport.Values)
        {
            Stop(span);
        }

        byReport.Clear();
        Batch?.Dispose();
    }

    // Stopping a span makes its parent current; the batch's span stays current for the rest of the batch.
    private static void Stop(Activity span)
    {
        var current = Activity.Current;
        span.Stop();
        Activity.Current = current;
    }
}
