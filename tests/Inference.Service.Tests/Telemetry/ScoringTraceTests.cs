using System.Diagnostics;
using Katalyst.Inference.Scoring;
using Katalyst.Inference.Tests.Scoring;
using Katalyst.Referrals.Scoring;

namespace Katalyst.Inference.Tests.Telemetry;

/// <summary>One trace from the portal's scoring run through the gRPC call into the service's model batch.</summary>
public sealed class ScoringTraceTests
{
    [Fact]
    public async Task ScoreAsync_ThroughRealChannel_OneTraceFromRunToModelBatch()
    {
        var exported = new ExportedSpans();
        using var tracing = exported.Listen();
        using var server = new KestrelInferenceServer();
        using var client = new ScoringClient(server.GrpcAddress);

        ActivityTraceId traceId;
        using (var run = ScoringRunTelemetry.Source.StartActivity("score referrals"))
        {
            Assert.NotNull(run);
            traceId = run.TraceId;
            var outcomes = await client.ScoreAsync([Hallmarks.Plain(9001), Hallmarks.Tier2Grooming()], TestContext.Current.CancellationToken);
            Assert.All(outcomes, o => Assert.NotNull(o.Score));
        }

        // The stream hands the service what it has received so far as one group, so the two referrals run in one model
        // batch or, when the second arrives after the first batch started, in two: every batch is the call's, and
        // together they scored both.
        var trace = await exported.OfTraceAsync(traceId, spans => spans.Any(a => a.Kind == ActivityKind.Server) && ReferralsBatched(spans) == 2);
        var root = Assert.Single(trace, a => a.DisplayName == "score referrals");
        var serverSpan = Assert.Single(trace, a => a.Kind == ActivityKind.Server);
        var batches = trace.Where(a => a.Source.Name == ScoringMetrics.Name).ToList();
        Assert.All(batches, b => Assert.Equal(("score batch", serverSpan.SpanId), (b.DisplayName, b.ParentSpanId)));
        Assert.Equal(2, ReferralsBatched(trace));
        // The server span's parent is a client span of this process's call, which descends from the run.
        var clientSpan = Assert.Single(trace, a => a.SpanId == serverSpan.ParentSpanId);
        Assert.Equal(ActivityKind.Client, clientSpan.Kind);
        Assert.True(ExportedSpans.DescendsFrom(clientSpan, root, trace), "the gRPC client span does not descend from the scoring run's span");
    }

    private static int ReferralsBatched(List<Activity> trace) =>
        trace.Where(a => a.Source.Name == ScoringMetrics.Name && a.DisplayName == "score batch").Sum(a => (int)a.GetTagItem("katalyst.batch.referrals")!);
}
