using System.Globalization;
using Katalyst.Referrals.Store.Queue;
using Microsoft.AspNetCore.WebUtilities;

namespace Katalyst.Portal.Components.Pages.Queue;

/// <summary>
/// The queue's filter as a URL query string, so that a filtered queue can be bookmarked and shared:
/// <c>?tier=1&amp;status=in_review&amp;type=…&amp;unit=3&amp;assignee=7&amp;minScore=0.5&amp;maxScore=1&amp;from=2026-10-01&amp;to=2026-10-31&amp;q=words</c>.
/// Dates are UTC days; <c>to</c> includes its whole day.
/// </summary>
public static class QueueUrl
{
    /// <summary>The query string for a filter (empty filter: empty string), keys in a fixed order.</summary>
    public static string ToQueryString(QueueFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var c = CultureInfo.InvariantCulture;
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                pairs.Add(new(key, value));
            }
        }

        Add("tier", filter.Tier?.ToString(c));
        Add("status", filter.Status?.ToCode());
        Add("type", filter.IncidentType);
        Add("unit", filter.UnitId?.ToString(c));
        Add("province", filter.Province);
        Add("assignee", filter.AssigneeUserId?.ToString(c));
        Add("minScore", filter.MinScore?.ToString(c));
        Add("maxScore", filter.MaxScore?.ToString(c));
        Add("from", filter.ReceivedFrom?.UtcDateTime.ToString("yyyy-MM-dd", c));
        Add("to", filter.ReceivedBefore?.UtcDateTime.AddDays(-1).ToString("yyyy-MM-dd", c));
        Add("q", filter.Text);
        return pairs.Count == 0 ? "" : QueryHelpers.AddQueryString("", pairs);
    }

    /// <summary>Reads a filter from a query string; every value that cannot be read is named in <paramref name="problems"/>.</summary>
    public static QueueFilter Parse(string queryString, out IReadOnlyList<string> problems)
    {
        var values = QueryHelpers.ParseQuery(queryString);
        var found = new List<string>();
        string? Get(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        T? Read<T>(string key, Func<string, T?> parse, string expected)
            where T : struct
        {
            var text = Get(key);
            if (text is null)
            {
                return null;
            }

            var value = parse(text);
            if (value is null)
            {
                found.Add($"URL value {key}='{text}' is not {expected}.");
            }

            return value;
        }

        var c = CultureInfo.InvariantCulture;
        var filter = new QueueFilter
        {
            Tier = Read("tier", t => int.TryParse(t, c, out var v) && v is >= 1 and <= 5 ? v : (int?)null, "a tier 1 to 5"),
            Status = Read("status", t => Enum.GetValues<ReferralStatus>().Select(s => (ReferralStatus?)s).FirstOrDefault(s => s!.Value.ToCode() == t), "a status code (new, in_review, assigned, investigating, referred_onward, closed)"),
            IncidentType = Get("type"),
            UnitId = Read("unit", t => int.TryParse(t, c, out var v) ? v : (int?)null, "a unit id"),
            Province = Get("province"),
            AssigneeUserId = Read("assignee", t => int.TryParse(t, c, out var v) ? v : (int?)null, "a user id"),
            MinScore = Read("minScore", t => double.TryParse(t, c, out var v) && v is >= 0 and <= 1 ? v : (double?)null, "a score 0 to 1"),
            MaxScore = Read("maxScore", t => double.TryParse(t, c, out var v) && v is >= 0 and <= 1 ? v : (double?)null, "a score 0 to 1"),
            ReceivedFrom = Read("from", Day, "a date yyyy-MM-dd"),
            ReceivedBefore = Read("to", Day, "a date yyyy-MM-dd")?.AddDays(1),
            Text = Get("q"),
        };
        problems = found;
        return filter;
    }

    private static DateTimeOffset? Day(string text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day)
            ? new DateTimeOffset(day, TimeSpan.Zero)
            : null;
}
