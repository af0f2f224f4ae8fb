using System.Globalization;

namespace Katalyst.Portal.Tests.ScaleOut;

/// <summary>
/// The scoring service's own counts, read from its Prometheus scrape endpoint: what it did, whoever asked, so a
/// referral scored or a file analysed twice shows even when the store kept only one answer.
/// </summary>
internal sealed class ServiceMetrics(Uri operations)
{
    /// <summary>Referrals the service scored (<c>katalyst.scoring.referrals</c>, every tier).</summary>
    public const string ReferralsScored = "katalyst_scoring_referrals_total";

    /// <summary>Requests the service finished (ASP.NET Core's <c>http.server.request.duration</c> count), per route.</summary>
    public const string Requests = "http_server_request_duration_seconds_count";

    /// <summary>The route of <c>katalyst.v1.Media/Analyze</c>, one request per file analysed.</summary>
    public const string AnalyzeRoute = "http_route=\"/katalyst.v1.Media/Analyze\"";

    /// <summary>The scrape as text.</summary>
    public async Task<string> ScrapeAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = operations };
        return await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
    }

    /// <summary>The sum of every series of <paramref name="metric"/> whose labels contain <paramref name="label"/> (all when null).</summary>
    public static double Sum(string scrape, string metric, string? label = null)
    {
        double sum = 0;
        foreach (var line in scrape.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(metric, StringComparison.Ordinal) || line.Length == metric.Length || line[metric.Length] is not ('{' or ' '))
            {
                continue;
            }

            var end = line[metric.Length] == '{' ? line.IndexOf('}', StringComparison.Ordinal) : metric.Length - 1;
            if (label is not null && !line[..(end + 1)].Contains(label, StringComparison.Ordinal))
            {
                continue;
            }

            // "name{labels} value [timestamp]"
            var fields = line[(end + 1)..].Trim().Split(' ');
            sum += double.Parse(fields[0], CultureInfo.InvariantCulture);
        }

        return sum;
    }
}
