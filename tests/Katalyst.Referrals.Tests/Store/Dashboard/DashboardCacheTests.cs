using Katalyst.Referrals.Store.Dashboard;
using Microsoft.Extensions.Caching.Memory;
using static Katalyst.Referrals.Tests.Store.Queue.QueueFixture;

namespace Katalyst.Referrals.Tests.Store.Dashboard;

public sealed class DashboardCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_SecondVisitWithinLifetime_KeptFiguresWithTheirTime()
    {
        await using var store = await StoreWithAsync(Standard);
        var time = new SteppingTime();
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new DashboardCache(new DashboardStore(store.DataSource), memory, time, TimeSpan.FromMinutes(1));

        var first = await cache.ReadAsync(null, Ct);
        var second = await cache.ReadAsync(null, Ct);

        Assert.Same(first, second);
        Assert.Equal(SteppingTime.Start, second.ComputedAt);
    }

    [Fact]
    public async Task ReadAsync_AnotherScope_ReadsItsOwnFigures()
    {
        await using var store = await StoreWithAsync(Standard);
        var time = new SteppingTime();
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new DashboardCache(new DashboardStore(store.DataSource), memory, time, TimeSpan.FromMinutes(1));
        var agency = await cache.ReadAsync(null, Ct);

        var unit = await cache.ReadAsync(7, Ct);

        Assert.Null(agency.Figures.UnitId);
        Assert.Equal(7, unit.Figures.UnitId);
        Assert.True(unit.ComputedAt > agency.ComputedAt);
        Assert.Same(unit, await cache.ReadAsync(7, Ct));
    }

    [Fact]
    public async Task ReadAsync_LifetimeZero_ReadsTheStoreEveryVisit()
    {
        await using var store = await StoreWithAsync(Standard);
        var time = new SteppingTime();
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new DashboardCache(new DashboardStore(store.DataSource), memory, time, TimeSpan.Zero);

        var first = await cache.ReadAsync(null, Ct);
        var second = await cache.ReadAsync(null, Ct);

        Assert.NotSame(first, second);
        Assert.True(second.ComputedAt > first.ComputedAt);
        Assert.Equal(first.Figures.OpenBacklog, second.Figures.OpenBacklog);
    }

    // A clock that moves one second each time it is read, so each store read has its own time.
    private sealed class SteppingTime : TimeProvider
    {
        public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

        private int reads;

        public override DateTimeOffset GetUtcNow() => Start.AddSeconds(reads++);
    }
}
