using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Scoring.Outbox;
using Katalyst.Referrals.Store.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace Katalyst.Inference.Tests.Outbox;

/// <summary>Scoring through the outbox against the real service in process, over a real channel, on a SQLite file.</summary>
public sealed class ScoringOutboxRunTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ScoringOutboxOptions Options(int batchSize = 10) => new()
    {
        BatchSize = batchSize,
        FirstRetryDelay = TimeSpan.FromSeconds(10),
        MaxRetryDelay = TimeSpan.FromMinutes(1),
        CallRetries = 1,
        CallRetryDelay = TimeSpan.FromMilliseconds(10),
        CallDeadline = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task DrainAsync_ServiceDownThenUp_WorkWaitsWithBackoffThenEachScoredOnce()
    {
        await using var store = await OutboxStore.CreateAsync(25, Ct);
        using var server = new OutboxInferenceServer { Down = true };
        using var client = server.Client();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var run = new ScoringOutboxRun(store.DataSource, client, ScoringContext.Pakistan(), Options(), "portal-a", time: time);
        var outbox = new ScoringOutboxStore(store.DataSource, time);

        var down = await run.DrainAsync(cancellationToken: Ct);

        Assert.Equal((25, 25, 0), (down.Claimed, down.Retrying, down.Scored));
        foreach (var reportId in store.ReportIds)
        {
            var item = await outbox.GetAsync(reportId, Ct);
            Assert.NotNull(item);
            Assert.Equal(("pending", 1, null), (item.State, item.Attempts, item.ClaimedBy));
            Assert.Contains("Unavailable", item.LastError, StringComparison.Ordinal);
            Assert.True(item.NextAttemptAt > time.GetUtcNow(), $"report {reportId} is due again at once: no backoff");
        }

        Assert.Equal(0, (await run.RunOnceAsync(Ct)).Claimed); // backing off: nothing is due yet
        Assert.Equal(new ScoringOutboxCounts(0, 25, 0), await outbox.CountsAsync(Ct));

        server.Down = false;
        time.Advance(TimeSpan.FromMinutes(2));
        var up = await run.DrainAsync(cancellationToken: Ct);

        Assert.Equal(25, up.Scored);
        Assert.Equal(store.ReportIds.Order(), server.Received.Counts.Keys.Order());
        Assert.All(server.Received.Counts, c => Assert.Equal(1, c.Value));
        Assert.Equal(new ScoringOutboxCounts(0, 0, 0), await outbox.CountsAsync(Ct));
        Assert.Equal(25, (await store.ScalarsAsync("SELECT COUNT(*) FROM referral_scores", Ct))[0]);
    }

    [Fact]
    public async Task DrainAsync_TwoInstancesRacingOverOneStore_NoReferralScoredTwice()
    {
        await using var store = await OutboxStore.CreateAsync(120, Ct);
        using var server = new OutboxInferenceServer();
        using var clientA = server.Client();
        using var clientB = server.Client();
        var a = new ScoringOutboxRun(store.DataSource, clientA, ScoringContext.Pakistan(), Options(batchSize: 7), "portal-a");
        var b = new ScoringOutboxRun(store.DataSource, clientB, ScoringContext.Pakistan(), Options(batchSize: 7), "portal-b");

        var passes = await Task.WhenAll(Task.Run(() => a.DrainAsync(cancellationToken: Ct), Ct), Task.Run(() => b.DrainAsync(cancellationToken: Ct), Ct));

        Assert.Equal(120, passes.Sum(p => p.Scored));
        Assert.All(passes, p => Assert.True(p.Scored > 0, "one instance did all the work: the race was not run"));
        Assert.Equal(store.ReportIds.Order(), server.Received.Counts.Keys.Order());
        var twice = server.Received.Counts.Where(c => c.Value > 1).Select(c => c.Key).ToList();
        Assert.True(twice.Count == 0, $"scored more than once: {string.Join(", ", twice)}");
    }

    [Fact]
    public async Task RunOnceAsync_DeadlineExceeded_RecordedAsRetryWithoutHanging()
    {
        await using var store = await OutboxStore.CreateAsync(3, Ct);
        using var server = new OutboxInferenceServer { Stall = TimeSpan.FromMinutes(5) };
        using var client = server.Client();
        var options = Options();
        options.CallDeadline = TimeSpan.FromMilliseconds(300);
        var run = new ScoringOutboxRun(store.DataSource, client, ScoringContext.Pakistan(), options, "portal-a");

        var pass = await run.RunOnceAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal((3, 3, 0), (pass.Claimed, pass.Retrying, pass.Scored));
        var item = await new ScoringOutboxStore(store.DataSource).GetAsync(store.ReportIds[0], Ct);
        Assert.NotNull(item);
        Assert.Equal(("pending", 1), (item.State, item.Attempts));
        Assert.StartsWith("DeadlineExceeded", item.LastError, StringComparison.Ordinal);
        Assert.Empty(server.Received.Counts);
    }

    [Fact]
    public async Task RunOnceAsync_LastAttemptFails_GivenUpVisiblyUntilAPersonRetries()
    {
        await using var store = await OutboxStore.CreateAsync(2, Ct);
        using var server = new OutboxInferenceServer { Down = true };
        using var client = server.Client();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = Options();
        options.MaxAttempts = 3;
        var run = new ScoringOutboxRun(store.DataSource, client, ScoringContext.Pakistan(), options, "portal-a", time: time);
        var outbox = new ScoringOutboxStore(store.DataSource, time);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await run.RunOnceAsync(Ct);
            time.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.Equal(0, (await run.RunOnceAsync(Ct)).Claimed); // given up: never tried again by itself
        var failed = await outbox.FailedAsync(10, Ct);
        Assert.Equal(store.ReportIds, failed.Select(f => f.ReportId).Order());
        Assert.All(failed, f => Assert.Equal(("failed", 3), (f.State, f.Attempts)));
        Assert.All(failed, f => Assert.Contains("Unavailable", f.LastError, StringComparison.Ordinal));
        Assert.Equal(2, (await store.ScalarsAsync("SELECT COUNT(*) FROM referrals", Ct))[0]); // nothing closed or removed

        server.Down = false;
        Assert.True(await outbox.RetryAsync(store.ReportIds[0], Ct));
        var retried = await run.DrainAsync(cancellationToken: Ct);

        Assert.Equal(1, retried.Scored);
        Assert.Equal(new ScoringOutboxCounts(0, 0, 1), await outbox.CountsAsync(Ct));
    }
}
