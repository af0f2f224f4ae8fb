using System.Globalization;
using Grpc.Core;

namespace Katalyst.Cli.Bench;

/// <summary>Prints what <c>katalyst bench load</c> measured: one line per interval, then the whole run.</summary>
internal static class LoadReport
{
    public static void Print(LoadCall[] calls, LoadSettings settings, List<(TimeSpan At, long Bytes)> memory)
    {
        var intervals = (int)Math.Ceiling(settings.Duration / settings.Interval);
        for (var i = 0; i < intervals; i++)
        {
            var from = settings.Interval * i;
            var to = from + settings.Interval;
            var inside = calls.Where(c => c.SentAt >= from && c.SentAt < to).ToList();
            var rss = memory.LastOrDefault(m => m.At <= to + TimeSpan.FromSeconds(1));
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{from.TotalSeconds,5:N0}-{to.TotalSeconds:N0} s: {Line(inside)}{(rss.Bytes > 0 ? $", service RSS {rss.Bytes / 1048576.0:N0} MB" : "")}"));
        }

        System.Console.WriteLine($"Overall: {Line(calls)}");
        if (memory.Count > 0)
        {
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Service RSS: start {memory[0].Bytes / 1048576.0:N0} MB, end {memory[^1].Bytes / 1048576.0:N0} MB, min {memory.Min(m => m.Bytes) / 1048576.0:N0} MB, max {memory.Max(m => m.Bytes) / 1048576.0:N0} MB"));
        }
    }

    private static string Line(IReadOnlyCollection<LoadCall> calls)
    {
        if (calls.Count == 0)
        {
            return "no calls";
        }

        var errors = calls.Where(c => c.Status != StatusCode.OK).GroupBy(c => c.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count():N0}").ToList();
        var sorted = calls.Select(c => c.Milliseconds).Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"{calls.Count:N0} calls, {calls.Count(c => c.Status == StatusCode.OK):N0} ok, errors {(errors.Count == 0 ? "none" : string.Join(", ", errors))}, p50 {P(sorted, 0.50):F2} ms, p90 {P(sorted, 0.90):F2} ms, p99 {P(sorted, 0.99):F2} ms, max {sorted[^1]:F2} ms");
    }

    private static double P(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1))];
}
