using System.Text;
using System.Text.Json;

namespace Katalyst.Referrals.Linking;

/// <summary>
/// Writes a referral's identifiers (or new links) as the one JSON parameter the store's statements read with
/// <c>json_each</c> (SQLite) or <c>OPENJSON</c> (SQL Server): one statement per referral instead of one per row.
/// </summary>
internal static class IdentifierJson
{
    public static string Identifiers(IReadOnlyList<ReferralIdentifier> identifiers)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var identifier in identifiers)
            {
                json.WriteStartObject();
                json.WriteString("k", identifier.Kind);
                json.WriteString("v", identifier.Value);
                json.WriteString("s", identifier.Surface);
                json.WriteString("o", identifier.Source);
                if (identifier.Detail is not null)
                {
                    json.WriteString("d", identifier.Detail);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// The identifiers <paramref name="identifiers"/> (as <see cref="Identifiers"/> wrote them) holds: a referral's
    /// waiting row, read to link only these (a referral linked before may wait again with new ones, e.g. pdq).
    /// </summary>
    public static List<ReferralIdentifier> Parse(string identifiers, long reportId)
    {
        try
        {
            using var document = JsonDocument.Parse(identifiers);
            var parsed = new List<ReferralIdentifier>(document.RootElement.GetArrayLength());
            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                parsed.Add(new ReferralIdentifier(
                    Required(item, "k", reportId, index), Required(item, "v", reportId, index), Required(item, "s", reportId, index), Required(item, "o", reportId, index),
                    item.TryGetProperty("d", out var detail) ? detail.GetString() : null));
                index++;
            }

            return parsed;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new InvalidOperationException($"linking_outbox.identifiers of referral {reportId} is not a JSON array of identifiers: {ex.Message}", ex);
        }
    }

    /// <summary>How many identifiers <paramref name="identifiers"/> (as <see cref="Identifiers"/> wrote them) holds.</summary>
    public static int Count(string identifiers, long reportId) => Parse(identifiers, reportId).Count;

    private static string Required(JsonElement item, string name, long reportId, int index) =>
        item.TryGetProperty(name, out var value) && value.GetString() is { } text
            ? text
            : throw new KeyNotFoundException($"identifier [{index}] of referral {reportId} has no '{name}'");

    public static string Links(IEnumerable<(long Other, string Kind, string Value)> links)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var (other, kind, value) in links)
            {
                json.WriteStartObject();
                json.WriteNumber("a", other);
                json.WriteString("k", kind);
                json.WriteString("v", value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static string Ignored(IEnumerable<(long ReportId, string Kind, string Value, int Count)> ignored)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var (reportId, kind, value, count) in ignored)
            {
                json.WriteStartObject();
                json.WriteNumber("r", reportId);
                json.WriteString("k", kind);
                json.WriteString("v", value);
                json.WriteNumber("c", count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Every kind's threshold in force, as [{k, t}]: what the shared-identifier look-up reads carriers up to.</summary>
    public static string Thresholds(LinkingOptions options)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var kind in LinkingOptions.DefaultThresholds.Keys.Union(options.Thresholds.Keys))
            {
                json.WriteStartObject();
                json.WriteString("k", kind);
                json.WriteNumber("t", options.ThresholdFor(kind));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
