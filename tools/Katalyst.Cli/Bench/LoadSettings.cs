using System.Globalization;

namespace Katalyst.Cli.Bench;

/// <summary>The checked settings of <c>katalyst bench load</c>.</summary>
internal sealed record LoadSettings(int Rate, TimeSpan Duration, TimeSpan Interval, TimeSpan Deadline, int? ServicePid)
{
    /// <summary>The settings, or null with <paramref name="problem"/> naming the option that is wrong.</summary>
    public static LoadSettings? Parse(int rate, string duration, string interval, string deadline, int? servicePid, out string problem)
    {
        problem = "";
        if (rate < 1)
        {
            problem = $"--rate must be at least 1 (got {rate}).";
            return null;
        }

        if (Span(duration) is not { } length || Span(interval) is not { } every || Span(deadline) is not { } within)
        {
            problem = $"--duration, --interval and --deadline take a number and a unit: 500ms, 30s, 10m, 1h (got '{duration}', '{interval}', '{deadline}').";
            return null;
        }

        if (servicePid is { } pid && !File.Exists($"/proc/{pid}/status"))
        {
            problem = $"--service-pid {pid}: no such process (/proc/{pid}/status does not exist).";
            return null;
        }

        return new LoadSettings(rate, length, every, within, servicePid);
    }

    private static TimeSpan? Span(string text)
    {
        var units = new (string Suffix, double Seconds)[] { ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600) };
        foreach (var (suffix, seconds) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && value > 0)
            {
                return TimeSpan.FromSeconds(value * seconds);
            }
        }

        return null;
    }
}
