using Microsoft.Extensions.Caching.Memory;

namespace Katalyst.Referrals.Store.Dashboard;

/// <summary>Dashboard figures and when they were computed.</summary>
/// <param name="Figures">The figures.</param>
/// <param name="ComputedAt">When the store was read for them (UTC).</param>
public sealed record CachedDashboardFigures(DashboardFigures Figures, DateTimeOffset ComputedAt);

/// <summary>
/// Keeps the dashboard's figures for a short while per scope (the whole agency, or one unit), so repeated visits do
/// not re-run the aggregates over a million referrals (docs/benchmarks.md). Figures are at most
/// <c>lifetime</c> old, and the page says when they were computed. A lifetime of zero reads the store every time.
/// Thread-safe; one per process.
/// </summary>
public sealed class DashboardCache(DashboardStore store, IMemoryCache cache, TimeProvider time, TimeSpan lifetime)
{
    /// <summary>How long figures are kept.</summary>
    public TimeSpan Lifetime => lifetime;

    /// <summary>The last 12 months' figures for the whole agency (<paramref name="unitId"/> null) or one unit.</summary>
    public async Task<CachedDashboardFigures> ReadAsync(long? unitId, CancellationToken cancellationToken = default)
    {
        var key = new Key(unitId);
        if (lifetime > TimeSpan.Zero && cache.TryGetValue(key, out CachedDashboardFigures? kept) && kept is not null)
        {
            return kept;
        }

        // Two visits that miss together both read the store; the figures are the same, so the second simply wins.
        var now = time.GetUtcNow();
        var read = new CachedDashboardFigures(await store.ReadAsync(unitId, now, cancellationToken: cancellationToken), now);
        if (lifetime > TimeSpan.Zero)
        {
            cache.Set(key, read, lifetime);
        }

        return read;
    }

    private sealed record Key(long? UnitId);
}
