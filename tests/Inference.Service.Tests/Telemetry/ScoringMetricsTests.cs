using System.Diagnostics.Metrics;
using Katalyst.Inference.Scoring;
using Katalyst.Inference.Tests.Scoring;
using Katalyst.Protos.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Katalyst.Inference.Tests.Telemetry;

/// <summary>The scoring meter records what a batch did: referrals by tier, batch sizes, model runs, latency and backlog.</summary>
public sealed class ScoringMetricsTests
{
    [Fact]
    public async Task ScoreStream_OneGroup_RecordsTiersBatchSizeAndRuns()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = new InferenceServer();
        using var recorded = new ScopedMeasurements(server.Services.GetRequiredService<IMeterFactory>());
        var batcher = server.Services.GetRequiredService<ScoreBatcher>();
        var batchesBefore = batcher.Batches;
        ScoreRequest[] requests = [Hallmarks.Tier1Escalated(), Hallmarks.Tier2Grooming(), Hallmarks.Tier3KnownMaterialInCountry(), Hallmarks.Plain(302)];

        var results = await batcher.ScoreAllAsync(requests, ct);

        var runs = (int)(batcher.Batches - batchesBefore);
        Assert.Equal(requests.Length, recorded.Sum("katalyst.scoring.batch.size"));
        Assert.Equal(runs, recorded.Count("katalyst.scoring.batch.size"));
        Assert.Equal(runs, recorded.Count("katalyst.scoring.inference.duration"));
        Assert.Equal(1, recorded.Count("katalyst.scoring.latency"));
        foreach (var tier in results.GroupBy(r => r.Tier))
        {
            Assert.Equal(tier.Count(), recorded.Sum("katalyst.scoring.referrals", ("tier", tier.Key)));
        }

        Assert.Equal(requests.Length, recorded.Sum("katalyst.scoring.referrals"));
        Assert.Equal([0d], recorded.Observe("katalyst.scoring.queue.backlog"));
    }
}
