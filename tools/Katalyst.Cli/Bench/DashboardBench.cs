using System.Diagnostics;
using System.Globalization;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Dashboard;

namespace Katalyst.Cli.Bench;

/// <summary>
/// The dashboard's part of <c>katalyst bench queue</c>: times <see cref="DashboardStore.ReadAsync"/> for the whole
/// agency and for one unit (an investigator's view), one warm-up then the median of runs.
/// </summary>
internal static class DashboardBench
{
    public static async Task RunAsync(StoreDataSource dataSource, int runs, CancellationToken cancellationToken)
    {
        var dashboard = new DashboardStore(dataSource);
        var culture = CultureInfo.InvariantCulture;
        // The bench's receipts span two years from QueueBenchData.FirstReceived; the dashboard looks back from its end.
        var now = QueueBenchData.FirstReceived.AddMonths(23).AddDays(20);
        System.Console.WriteLine(string.Create(culture, $"{"dashboard",-44} {"median ms",10} {"max ms",8} {"open",10}"));
        foreach (var (name, unitId) in new (string, long?)[] { ("dashboard, whole agency (12 months)", null), ("dashboard, unit 7 (12 months)", 7) })
        {
            var times = new List<double>();
            var figures = await dashboard.ReadAsync(unitId, now, 12, cancellationToken); // warm-up
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                figures = await dashboard.ReadAsync(unitId, now, 12, cancellationToken);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            System.Console.WriteLine(string.Create(culture, $"{name,-44} {times[times.Count / 2],10:F1} {times[^1],8:F1} {figures.OpenBacklog,10:N0}"));
        }
    }
}
