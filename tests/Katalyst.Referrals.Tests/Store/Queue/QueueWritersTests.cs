using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Queue;
using Microsoft.Extensions.Logging.Abstractions;
using static Katalyst.Referrals.Tests.Store.Queue.QueueFixture;

namespace Katalyst.Referrals.Tests.Store.Queue;

/// <summary>The writers keep the queue current: importing adds a row with its text, scoring updates it.</summary>
public sealed class QueueWritersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_NewReferral_AddsNewQueueRowWithSearchText()
    {
        await using var store = await StoreWithAsync([new QueueCase(501, "2026-10-01T08:00:00Z", null, null, "Sends gifts to win trust.")]);
        var queue = new QueueStore(store.DataSource);

        var row = Assert.Single((await queue.PageAsync(QueueQuery.Default, Ct)).Items);

        Assert.Equal((501, ReferralStatus.New, (int?)null), (row.ReportId, row.Status, row.Tier));
        Assert.Equal(new long[] { 501 }, await IdsAsync(queue, new QueueFilter { Text = "gifts" }));
        Assert.Equal(1, await ScalarAsync<int>(store, "SELECT text_indexed FROM referral_queue WHERE report_id = 501"));
    }

    [Fact]
    public async Task SaveScores_Rescored_QueueRowFollowsLatestScore()
    {
        await using var store = await StoreWithAsync([new QueueCase(502, "2026-10-01T08:00:00Z", 4, 0.10, "Reads books.")]);
        var queue = new QueueStore(store.DataSource);

        await new ReferralScoreStore(store.DataSource).SaveAsync([Score(502, 2, 0.75)], Ct);

        var row = Assert.Single((await queue.PageAsync(QueueQuery.Default, Ct)).Items);
        Assert.Equal((2, 2, 0.75, "HIGH"), (row.Tier!.Value, row.ScoredTier!.Value, row.Score!.Value, row.TierName!));
        Assert.Equal(new long[] { 502 }, await IdsAsync(queue, new QueueFilter { Tier = 2 }));
    }

    [Fact]
    public async Task Backfill_RowsWithoutText_IndexedFromStoredReport()
    {
        await using var store = await StoreWithAsync([new QueueCase(503, "2026-10-01T08:00:00Z", null, null, "Mujhe tasveer bhejo.")]);
        await ExecuteAsync(store, "DELETE FROM referral_queue_text; UPDATE referral_queue SET text_indexed = 0");
        var queue = new QueueStore(store.DataSource);
        Assert.Empty(await IdsAsync(queue, new QueueFilter { Text = "tasveer" }));

        var indexed = await new QueueTextBackfill(store.DataSource, NullLogger<QueueTextBackfill>.Instance).RunAsync(Ct);

        Assert.Equal(1, indexed);
        Assert.Equal(new long[] { 503 }, await IdsAsync(queue, new QueueFilter { Text = "tasveer" }));
    }

    [Fact]
    public async Task Migration_ReferralsStoredBefore_JoinTheQueueAsNewWithTheirScore()
    {
        await using var store = await StoreWithAsync([new QueueCase(504, "2026-10-01T08:00:00Z", 3, 0.30, "Reads books.")]);

        // As if 0004 had never run: no queue, then the migration again.
        await ExecuteAsync(store, "DROP TABLE referral_queue; DROP TABLE referral_queue_text; DELETE FROM schema_migrations WHERE version = 4");
        Assert.Equal(new[] { 4 }, await store.Migrations().ApplyAsync(Ct));
        await new QueueTextBackfill(store.DataSource, NullLogger<QueueTextBackfill>.Instance).RunAsync(Ct);

        var row = Assert.Single((await new QueueStore(store.DataSource).PageAsync(QueueQuery.Default, Ct)).Items);
        Assert.Equal((504, ReferralStatus.New, 3, 0.30), (row.ReportId, row.Status, row.Tier!.Value, row.Score!.Value));
        Assert.Equal(new long[] { 504 }, await IdsAsync(new QueueStore(store.DataSource), new QueueFilter { Text = "books" }));
    }
}
