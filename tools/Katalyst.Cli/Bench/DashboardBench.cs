using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Dashboard;
using Katalyst.Referrals.Store.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Cli.Bench;

/// <summary>
/// <c>katalyst bench dashboard</c> (and the dashboard's part of <c>katalyst bench queue</c>): times
/// <see cref="DashboardStore.ReadAsync"/> for the whole agency and for one unit (an investigator's view), one warm-up
/// then the median of runs; then the portal's <see cref="DashboardCache"/>: a first visit (the store is read) and the
/// visits after it within the cache's lifetime.
/// </summary>
internal static class DashboardBench
{
    public static Command Create()
    {
        var referrals = new Option<int>("--referrals") { Description = "Referrals the store should hold; missing ones are added as synthetic rows.", DefaultValueFactory = _ => 1_000_000 };
        var db = new Option<string>("--db") { Description = "The SQLite file (created when missing; the queue bench's store serves).", DefaultValueFactory = _ => "data/bench-queue.db" };
        var runs = new Option<int>("--runs") { Description = "Timed runs per figure set, after one warm-up; the median is printed.", DefaultValueFactory = _ => 7 };
        var command = new Command("dashboard", "Fill a SQLite store with synthetic referrals and time the dashboard's figures, read and kept.") { referrals, db, runs };
        command.SetAction(async (result, ct) =>
        {
            if (result.GetValue(referrals) < 1 || result.GetValue(runs) < 1)
            {
                await System.Console.Error.WriteLineAsync("katalyst bench dashboard: --referrals and --runs must be at least 1.");
                return 2;
            }

            var dataSource = new StoreDataSource(StoreProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = result.GetValue(db) }.ToString());
            await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(ct);
            await QueueBench.FillAsync(dataSource, result.GetValue(referrals), ct);
            await RunAsync(dataSource, result.GetValue(runs), ct);
            return 0;
        });
        return command;
    }

    public static async Task RunAsync(StoreDataSource dataSource, int runs, CancellationToken cancellationToken)
    {
        var dashboard = new DashboardStore(dataSource);
        var culture = CultureInfo.InvariantCulture;
        // The bench's receipts span two years from QueueBenchData.FirstReceived; the dashboard looks back from its end.
        var now = QueueBenchData.FirstReceived.AddMonths(23).AddDays(20);
        System.Console.WriteLine(string.Create(culture, $"{"dashboard",-58} {"median ms",10} {"max ms",8} {"open",10}"));
        foreach (var (name, unitId) in Scopes)
        {
            var figures = await dashboard.ReadAsync(unitId, now, 12, cancellationToken); // warm-up
            var times = await TimeAsync(runs, async () => figures = await dashboard.ReadAsync(unitId, now, 12, cancellationToken));
            Print(name, times, figures.OpenBacklog);
        }

        // The portal's cache (Dashboard:CacheSeconds, default 60): the first visit per scope reads the store, the rest
        // within the minute are answered from memory.
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new DashboardCache(dashboard, memory, new FixedTime(now), TimeSpan.FromSeconds(60));
        foreach (var (name, unitId) in Scopes)
        {
            CachedDashboardFigures? read = null;
            var first = await TimeAsync(1, async () => read = await cache.ReadAsync(unitId, cancellationToken));
            Print(name + ", cached: first visit", first, read!.Figures.OpenBacklog);
            var kept = await TimeAsync(runs, async () => read = await cache.ReadAsync(unitId, cancellationToken));
            Print(name + ", cached: later visits", kept, read!.Figures.OpenBacklog);
        }
    }

    private static readonly (string Name, long? UnitId)[] Scopes = [("dashboard, whole agency (12 months)", null), ("dashboard, unit 7 (12 months)", 7)];

    private static async Task<List<double>> TimeAsync(int runs, Func<Task> read)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await read();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times;
    }

    private static void Print(string name, List<double> sorted, long open) =>
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-58} {sorted[sorted.Count / 2],10:F3} {sorted[^1],8:F3} {open,10:N0}"));

    // The bench's store ends in the past; the figures are read as of its end.
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
