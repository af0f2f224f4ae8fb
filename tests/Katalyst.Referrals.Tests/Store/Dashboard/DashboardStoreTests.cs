using Katalyst.Referrals.Store.Dashboard;
using Katalyst.Referrals.Store.Queue;
using static Katalyst.Referrals.Tests.Store.Queue.QueueFixture;

namespace Katalyst.Referrals.Tests.Store.Dashboard;

public sealed class DashboardStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 20, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_WholeAgency_CountsReceiptsPerMonthWithEmptyMonths()
    {
        await using var store = await DashboardFixture.WorkedStoreAsync();

        var figures = await new DashboardStore(store.DataSource).ReadAsync(null, Now, 3, Ct);

        Assert.Equal([new MonthCount(2026, 8, 0), new MonthCount(2026, 9, 1), new MonthCount(2026, 10, 7)], figures.ReceivedByMonth);
    }

    [Fact]
    public async Task ReadAsync_WholeAgency_BacklogByStatusLeavesClosedOut()
    {
        await using var store = await DashboardFixture.WorkedStoreAsync();

        var figures = await new DashboardStore(store.DataSource).ReadAsync(null, Now, 3, Ct);

        Assert.Equal(
            [new StatusCount(ReferralStatus.New, 3), new StatusCount(ReferralStatus.InReview, 1), new StatusCount(ReferralStatus.Assigned, 2), new StatusCount(ReferralStatus.Investigating, 1)],
            figures.BacklogByStatus);
        Assert.Equal(7, figures.OpenBacklog);
    }

    [Fact]
    public async Task ReadAsync_WholeAgency_TierMixOfOpenBacklogWithUnscoredAsSix()
    {
        await using var store = await DashboardFixture.WorkedStoreAsync();

        var figures = await new DashboardStore(store.DataSource).ReadAsync(null, Now, 3, Ct);

        Assert.Equal([new TierCount(1, 2), new TierCount(2, 1), new TierCount(3, 1), new TierCount(4, 0), new TierCount(5, 1), new TierCount(6, 2)], figures.TierMix);
    }

    [Fact]
    public async Task ReadAsync_WholeAgency_BacklogByUnitLargestFirstWithNoUnit()
    {
        await using var store = await DashboardFixture.WorkedStoreAsync();

        var figures = await new DashboardStore(store.DataSource).ReadAsync(null, Now, 3, Ct);

        Assert.Equal([new UnitCount(null, 4), new UnitCount(1, 2), new UnitCount(2, 1)], figures.BacklogByUnit);
    }

    [Fact]
    public async Task ReadAsync_OddReviewedCount_MedianIsMiddleWait()
    {
        await using var store = await DashboardFixture.WorkedStoreAsync();

        var figures = await new DashboardStore(store.DataSource).ReadAsync(null, Now, 3, Ct);

        // Waits of 30 min, 1 h, 2 h, 4 h and 12 h, the closed referral's included: it was reviewed.
        Assert.Equal(new ReviewTime(5, TimeSpan.FromHours(2)), figures.Review);
    }

    [Fact]
    public async Task ReadAsync_OneUnit_EveryFigureLimitedToItAndEvenMedianAveraged()
    {
        await using var store = await DashboardFixture.WorkedStoreAsync();

        var figures = await new DashboardStore(store.DataSource).ReadAsync(1, Now, 2, Ct);

        Assert.Equal([new MonthCount(2026, 9, 0), new MonthCount(2026, 10, 2)], figures.ReceivedByMonth);
        Assert.Equal([0L, 0, 1, 1], figures.BacklogByStatus.Select(s => s.Referrals));
        Assert.Equal([new UnitCount(1, 2)], figures.BacklogByUnit);
        Assert.Equal([2L, 0, 0, 0, 0, 0], figures.TierMix.Select(t => t.Referrals));
        Assert.Equal(new ReviewTime(2, TimeSpan.FromHours(2.5)), figures.Review);
    }

    [Fact]
    public async Task ReadAsync_NothingReviewed_MedianIsNull()
    {
        await using var store = await StoreWithAsync(Standard);

        var figures = await new DashboardStore(store.DataSource).ReadAsync(null, Now, 1, Ct);

        Assert.Equal(new ReviewTime(0, null), figures.Review);
        Assert.Equal(8, figures.OpenBacklog);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public async Task ReadAsync_MonthsOutOfRange_ThrowsNamingMonths(int months)
    {
        await using var store = await TempStore.CreateAsync();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new DashboardStore(store.DataSource).ReadAsync(null, Now, months, Ct));

        Assert.Equal("months", error.ParamName);
    }
}
