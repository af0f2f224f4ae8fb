using Katalyst.Inference.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Katalyst.Inference.Tests.Scoring;

/// <summary>Deadlines: a call cancelled while its request waits in the queue is not scored.</summary>
public sealed class ScoreBatcherCancellationTests(InferenceServer server) : IClassFixture<InferenceServer>
{
    [Fact]
    public async Task ScoreAsync_CancelledWhileQueued_DroppedAndNotScored()
    {
        var ct = TestContext.Current.CancellationToken;
        using var batcher = new ScoreBatcher(server.Services.GetRequiredService<ReferralScorer>(), server.Services.GetRequiredService<IOptions<ScoringOptions>>(), NullLogger<ScoreBatcher>.Instance);
        using var deadline = new CancellationTokenSource();
        var abandoned = batcher.ScoreAsync(Hallmarks.Plain(41), deadline.Token);
        await deadline.CancelAsync();

        await batcher.StartAsync(ct);
        var kept = await batcher.ScoreAsync(Hallmarks.Plain(42), ct);
        await batcher.StopAsync(ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal(42, kept.ReportId);
        Assert.Equal(1, batcher.Scored);
    }
}
