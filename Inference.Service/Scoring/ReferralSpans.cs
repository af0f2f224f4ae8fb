using System.Diagnostics;
using Katalyst.Protos.V1;

namespace Katalyst.Inference.Scoring;

/// <summary>
/// Per-referral spans in the caller's trace for each referral: a request that carries <c>trace_parent</c> gets a
/// <c>score referral</c> span, child of that context and linked to the model batch (<c>score batch</c>) it ran in, so a
/// referral scored in a shared batch still shows the service and model hops in its own trace. Tags carry the tier
/// only. Malformed or absent trace parents are ignored, as W3C Trace Context asks; nothing is created when nothing listens.
/// </summary>
internal sealed class ReferralSpans
{
    private readonly List<(int Index, Activity Span)> spans = [];

    /// <summary>Starts a span for each request in <paramref name="requests"/> that names its trace; <paramref name="batch"/> is the model batch's span.</summary>
    public static ReferralSpans? Start(IReadOnlyList<ScoreRequest> requests, Activity? batch)
    {
        if (batch is null)
        {
            return null;
        }

        ReferralSpans? started = null;
        var links = new[] { new ActivityLink(batch.Context) };
        for (var i = 0; i < requests.Count; i++)
        {
            var traceParent = requests[i].TraceParent;
            if (traceParent.Length == 0 || !ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent))
            {
                continue;
            }

            if (ScoringMetrics.Source.StartActivity("score referral", ActivityKind.Internal, parent, links: links) is { } span)
            {
                (started ??= new ReferralSpans()).spans.Add((i, span));
            }

            Activity.Current = batch;
        }

        return started;
    }

    /// <summary>Ends every span, tagging each with its referral's tier, or the failure.</summary>
    public void Stop(IReadOnlyList<ScoreResult>? results, Exception? failure)
    {
        var current = Activity.Current;
        foreach (var (index, span) in spans)
        {
            if (results is not null && index < results.Count)
            {
                span.SetTag("katalyst.tier", results[index].Tier);
                span.SetStatus(ActivityStatusCode.Ok);
            }
            else
            {
                span.SetStatus(ActivityStatusCode.Error, failure?.GetType().Name);
            }

            span.Stop();
        }

        Activity.Current = current;
    }
}
