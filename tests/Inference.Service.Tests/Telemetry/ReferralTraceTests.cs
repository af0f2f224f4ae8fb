using System.Diagnostics;
using Katalyst.Inference.Scoring;
using Katalyst.Inference.Tests.Outbox;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Scoring.Outbox;

namespace Katalyst.Inference.Tests.Telemetry;

/// <summary>
/// One trace per referral, from intake through media analysis, the scoring outbox and the gRPC call into the service's
/// model batch: referrals with pictures imported into a real SQLite store, analysed, then scored in one call over a
/// real channel (one model batch, or more when the stream hands over the referrals in more than one group).
/// </summary>
public sealed class ReferralTraceTests
{
    private const int Referrals = 4;

    [Fact]
    public async Task ImportThenScore_FourReferralsInOneCall_EachHasItsOwnTraceWithEveryHopIncludingItsFiles()
    {
        var ct = TestContext.Current.CancellationToken;
        var exported = new ExportedSpans();
        using var tracing = exported.Listen();
        await using var store = await OutboxStore.CreateAsync(Referrals, ct, seed: 4242, media: true);
        using var server = new KestrelInferenceServer();
        using var client = new ScoringClient(server.GrpcAddress);
        var run = new ScoringOutboxRun(store.DataSource, client, ScoringContext.Pakistan(), new ScoringOutboxOptions { BatchSize = 10 }, "trace-tests", afterAnalysis: true);

        var analysis = await new FileAnalysisRun(store.DataSource, store.Evidence, client).AnalyseUnanalysedAsync(cancellationToken: ct);
        await new LinkingRun(store.DataSource, new LinkingOptions()).DrainAsync(ct); // pictures' pdq identifiers: scoring waits for them
        var pass = await run.DrainAsync(cancellationToken: ct);

        Assert.True(analysis.Analysed > 0, "the generated referrals came with no file bytes to analyse");
        Assert.Equal(Referrals, pass.Scored);
        var analysedFiles = 0;
        var modelBatches = new Dictionary<ActivitySpanId, int>();
        var roots = RootsOf(exported, store.ReportIds);
        Assert.Equal(Referrals, roots.Select(r => r.TraceId).Distinct().Count()); // one trace per referral, not one per import
        foreach (var (reportId, root) in store.ReportIds.Zip(roots))
        {
            var trace = await exported.OfTraceAsync(root.TraceId, spans => spans.Any(s => s.Source.Name == ScoringMetrics.Name));
            var stored = Assert.Single(trace, s => s.DisplayName == "store referral");
            Assert.Equal(root.SpanId, stored.ParentSpanId);
            var scored = Assert.Single(trace, s => s.DisplayName == "score referral" && s.Source.Name == ScoringRunTelemetry.Name);
            Assert.Equal(stored.SpanId, scored.ParentSpanId); // the outbox row carried the trace from intake to scoring
            Assert.Equal(reportId, scored.GetTagItem(IntakeTelemetry.ReportIdTag));
            Assert.Equal("Stored", scored.GetTagItem("katalyst.result"));
            var inService = Assert.Single(trace, s => s.Source.Name == ScoringMetrics.Name);
            Assert.Equal(("score referral", scored.SpanId), (inService.DisplayName, inService.ParentSpanId)); // the request's trace_parent
            Assert.InRange((int)inService.GetTagItem("katalyst.tier")!, 1, 5);

            // The service's span links to the model batch it ran in, which sits under the gRPC call in the batch's trace.
            var batchLink = Assert.Single(inService.Links);
            var modelBatch = Assert.Single(exported.Snapshot(), s => s.SpanId == batchLink.Context.SpanId);
            Assert.Equal("score batch", modelBatch.DisplayName);
            modelBatches[modelBatch.SpanId] = (int)modelBatch.GetTagItem("katalyst.batch.referrals")!;
            var batchTrace = await exported.OfTraceAsync(modelBatch.TraceId, spans => spans.Any(s => s.Kind == ActivityKind.Server));
            var batchSpan = Assert.Single(batchTrace, s => s.DisplayName == "score referrals");
            Assert.Contains(batchSpan.Links, l => l.Context.SpanId == scored.SpanId);
            Assert.Contains(batchTrace, s => s.Kind == ActivityKind.Server && s.SpanId == modelBatch.ParentSpanId);

            // Each of its files was analysed in its trace too, through the gRPC call into the service.
            foreach (var file in trace.Where(s => s.DisplayName == "analyse file"))
            {
                Assert.Equal((stored.SpanId, reportId), (file.ParentSpanId, file.GetTagItem(IntakeTelemetry.ReportIdTag)));
                Assert.Contains(trace, s => s.Kind == ActivityKind.Server && ExportedSpans.DescendsFrom(s, file, trace)); // client span(s), then the service's
                analysedFiles++;
            }
        }

        Assert.Equal(analysis.Analysed, analysedFiles);
        Assert.Equal(Referrals, modelBatches.Values.Sum()); // the batches the referrals link to scored exactly these four
    }

    // The root of each referral's trace, in the order of the report ids.
    private static List<Activity> RootsOf(ExportedSpans exported, IReadOnlyList<long> reportIds)
    {
        var roots = exported.Snapshot().Where(s => s.DisplayName == "intake referral" && s.Source.Name == IntakeTelemetry.Name).ToList();
        return [.. reportIds.Select(id =>
        {
            var root = Assert.Single(roots, r => Equals(r.GetTagItem(IntakeTelemetry.ReportIdTag), id));
            Assert.Equal(default, root.ParentSpanId);
            var import = Assert.Single(root.Links); // linked to the import run it came in with
            Assert.Contains(exported.Snapshot(), s => s.DisplayName == "import" && s.SpanId == import.Context.SpanId);
            return root;
        })];
    }
}
