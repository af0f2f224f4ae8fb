using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace Katalyst.Inference.Tests.Outbox;

/// <summary>The outbox's claims and its once-only completion, on a SQLite file.</summary>
public sealed class ScoringOutboxStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ReferralScore Score(long reportId, double score, string models = "text-indicators 1, priority 1") =>
        new(reportId, 3, "STANDARD", score, 3, new Dictionary<string, double>(), [], [], [], models);

    [Fact]
    public async Task ClaimAsync_HeldByAnother_NotClaimedUntilTheLeaseLapses()
    {
        await using var store = await OutboxStore.CreateAsync(3, Ct);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var outbox = new ScoringOutboxStore(store.DataSource, time);

        var first = await outbox.ClaimAsync("a", 10, TimeSpan.FromMinutes(1), afterAnalysis: false, Ct);
        var meanwhile = await outbox.ClaimAsync("b", 10, TimeSpan.FromMinutes(1), afterAnalysis: false, Ct);
        time.Advance(TimeSpan.FromMinutes(2));
        var lapsed = await outbox.ClaimAsync("b", 10, TimeSpan.FromMinutes(1), afterAnalysis: false, Ct);

        Assert.Equal(3, first.Count);
        Assert.Empty(meanwhile);
        Assert.Equal(first.Select(c => c.ReportId), lapsed.Select(c => c.ReportId));
    }

    [Fact]
    public async Task CompleteAsync_ClaimTakenOverAfterLease_LateAnswerNotStored()
    {
        await using var store = await OutboxStore.CreateAsync(1, Ct);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var outbox = new ScoringOutboxStore(store.DataSource, time);
        var reportId = store.ReportIds[0];
        await outbox.ClaimAsync("a", 1, TimeSpan.FromMinutes(1), afterAnalysis: false, Ct);
        time.Advance(TimeSpan.FromMinutes(2));
        await outbox.ClaimAsync("b", 1, TimeSpan.FromMinutes(1), afterAnalysis: false, Ct);

        var late = await outbox.CompleteAsync("a", Score(reportId, 0.25), Ct);
        var holder = await outbox.CompleteAsync("b", Score(reportId, 0.75), Ct);

        Assert.Equal((ScoringCompletion.ClaimLost, ScoringCompletion.Stored), (late, holder));
        Assert.Equal(0.75, (await new ReferralScoreStore(store.DataSource).GetAsync(reportId, Ct))!.Score);
    }

    [Fact]
    public async Task CompleteAsync_SameModelsAlreadyScored_StoredScoreKept()
    {
        await using var store = await OutboxStore.CreateAsync(1, Ct);
        var outbox = new ScoringOutboxStore(store.DataSource);
        var reportId = store.ReportIds[0];
        var scores = new ReferralScoreStore(store.DataSource);
        await scores.SaveAsync([Score(reportId, 0.25)], Ct); // an earlier answer stored; its work was never removed
        await outbox.ClaimAsync("a", 1, TimeSpan.FromMinutes(1), afterAnalysis: false, Ct);

        var retried = await outbox.CompleteAsync("a", Score(reportId, 0.75), Ct);

        Assert.Equal(ScoringCompletion.AlreadyScored, retried);
        Assert.Equal(0.25, (await scores.GetAsync(reportId, Ct))!.Score);
        Assert.Null(await outbox.GetAsync(reportId, Ct));
    }

    [Fact]
    public async Task CompleteAsync_NewModels_ScoreReplaced()
    {
        await using var store = await OutboxStore.CreateAsync(1, Ct);
        var outbox = new ScoringOutboxStore(store.DataSource);
        var reportId = store.ReportIds[0];
        var scores = new ReferralScoreStore(store.DataSource);
        await scores.SaveAsync([Score(reportId, 0.25)], Ct);
        await outbox.ClaimAsync("a", 1, TimeSpan.FromMinutes(1), afterAnalysis: false, Ct);

        var rescored = await outbox.CompleteAsync("a", Score(reportId, 0.75, models: "text-indicators 2, priority 2"), Ct);

        Assert.Equal(ScoringCompletion.Stored, rescored);
        Assert.Equal(0.75, (await scores.GetAsync(reportId, Ct))!.Score);
    }
}
