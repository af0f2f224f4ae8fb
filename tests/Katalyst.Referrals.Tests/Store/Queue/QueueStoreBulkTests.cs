using Katalyst.Referrals.Store.Queue;
using static Katalyst.Referrals.Tests.Store.Queue.QueueFixture;

namespace Katalyst.Referrals.Tests.Store.Queue;

public sealed class QueueStoreBulkTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MarkReviewedAsync_NewReferrals_BecomeInReviewWithFirstReviewTime()
    {
        await using var store = await StoreWithAsync(Standard);
        var queue = new QueueStore(store.DataSource);
        var before = DateTimeOffset.UtcNow;

        var outcome = await queue.MarkReviewedAsync([101, 102], Ct);

        Assert.Equal([101, 102], outcome.Changed);
        Assert.Empty(outcome.Refused);
        var rows = (await queue.PageAsync(new QueueQuery(new QueueFilter { Status = ReferralStatus.InReview }), Ct)).Items;
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.InRange(r.FirstReviewedAt!.Value, before, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task MarkReviewedAsync_AlreadyReviewed_RefusedWithStatusAndUnchanged()
    {
        await using var store = await StoreWithAsync(Standard);
        var queue = new QueueStore(store.DataSource);
        await queue.MarkReviewedAsync([101], Ct);
        var firstReview = await ScalarAsync<string>(store, "SELECT first_reviewed_at FROM referral_queue WHERE report_id = 101");

        var outcome = await queue.MarkReviewedAsync([101, 103], Ct);

        Assert.Equal([103], outcome.Changed);
        var refusal = Assert.Single(outcome.Refused);
        Assert.Equal(101, refusal.ReportId);
        Assert.Equal("Referral 101: it is In review; only New referrals can be marked reviewed.", refusal.Reason);
        Assert.Equal(firstReview, await ScalarAsync<string>(store, "SELECT first_reviewed_at FROM referral_queue WHERE report_id = 101"));
    }

    [Fact]
    public async Task MarkReviewedAsync_UnknownReportNumber_RefusedAsNotStored()
    {
        await using var store = await StoreWithAsync(Standard);

        var outcome = await new QueueStore(store.DataSource).MarkReviewedAsync([999], Ct);

        Assert.Empty(outcome.Changed);
        Assert.Equal("Referral 999: the store holds no such referral.", Assert.Single(outcome.Refused).Reason);
    }

    [Fact]
    public async Task AssignAsync_UserAndUnit_BecomeAssignedAndReviewed()
    {
        await using var store = await StoreWithAsync(Standard);
        var queue = new QueueStore(store.DataSource);

        var outcome = await queue.AssignAsync([104, 105], userId: 7, unitId: 2, Ct);

        Assert.Equal([104, 105], outcome.Changed);
        var rows = (await queue.PageAsync(new QueueQuery(new QueueFilter { AssigneeUserId = 7 }), Ct)).Items;
        Assert.Equal([104, 105], rows.Select(r => r.ReportId));
        Assert.All(rows, r => Assert.Equal((ReferralStatus.Assigned, 7, 2), (r.Status, r.AssigneeUserId!.Value, r.UnitId!.Value)));
        Assert.All(rows, r => Assert.NotNull(r.FirstReviewedAt));
    }

    [Fact]
    public async Task AssignAsync_UserOnly_KeepsTheUnit()
    {
        await using var store = await StoreWithAsync(Standard);
        var queue = new QueueStore(store.DataSource);
        await queue.AssignAsync([104], userId: null, unitId: 2, Ct);

        await queue.AssignAsync([104], userId: 8, unitId: null, Ct);

        var row = Assert.Single((await queue.PageAsync(new QueueQuery(new QueueFilter { UnitId = 2 }), Ct)).Items);
        Assert.Equal(8, row.AssigneeUserId);
    }

    [Fact]
    public async Task AssignAsync_Investigating_ChangesHandsKeepsStatus()
    {
        await using var store = await StoreWithAsync(Standard);
        await ExecuteAsync(store, "UPDATE referral_queue SET status = 'investigating' WHERE report_id = 106");

        var outcome = await new QueueStore(store.DataSource).AssignAsync([106], userId: 4, unitId: null, Ct);

        Assert.Equal([106], outcome.Changed);
        Assert.Equal("investigating", await ScalarAsync<string>(store, "SELECT status FROM referral_queue WHERE report_id = 106"));
        Assert.Equal(4, await ScalarAsync<int>(store, "SELECT assignee_user_id FROM referral_queue WHERE report_id = 106"));
    }

    [Theory]
    [InlineData("closed", "Closed")]
    [InlineData("referred_onward", "Referred onward")]
    public async Task AssignAsync_WorkOver_RefusedAndUnchanged(string status, string name)
    {
        await using var store = await StoreWithAsync(Standard);
        await ExecuteAsync(store, "UPDATE referral_queue SET status = @status WHERE report_id = 107", new { status });

        var outcome = await new QueueStore(store.DataSource).AssignAsync([107], userId: 4, unitId: 1, Ct);

        Assert.Empty(outcome.Changed);
        Assert.Equal($"Referral 107: it is {name}; a referral whose work is over cannot be assigned.", Assert.Single(outcome.Refused).Reason);
        Assert.Equal(status, await ScalarAsync<string>(store, "SELECT status FROM referral_queue WHERE report_id = 107"));
        Assert.Equal(0, await ScalarAsync<int>(store, "SELECT COUNT(*) FROM referral_queue WHERE assignee_user_id IS NOT NULL"));
    }

    [Fact]
    public async Task AssignAsync_NeitherUserNorUnit_Throws()
    {
        await using var store = await TempStore.CreateAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new QueueStore(store.DataSource).AssignAsync([1], null, null, Ct));

        Assert.Contains("needs a user id, a unit id or both", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkReviewedAsync_NoReportNumbers_Throws()
    {
        await using var store = await TempStore.CreateAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new QueueStore(store.DataSource).MarkReviewedAsync([], Ct));

        Assert.Contains("names 1 to 500 referrals, not 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkActions_NeverCloseAReferral()
    {
        await using var store = await StoreWithAsync(Standard);
        var queue = new QueueStore(store.DataSource);
        var all = Standard.Select(c => c.ReportId).ToArray();

        await queue.MarkReviewedAsync(all, Ct);
        await queue.AssignAsync(all, 1, 1, Ct);

        Assert.Equal(0, await ScalarAsync<int>(store, "SELECT COUNT(*) FROM referral_queue WHERE status IN ('closed', 'referred_onward')"));
    }
}
