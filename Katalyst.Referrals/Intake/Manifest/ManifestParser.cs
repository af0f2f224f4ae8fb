using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Katalyst.Referrals.Intake.Manifest;

/// <summary>Reads <c>manifest.json</c>; a missing required field or a wrong type rejects it, naming the field.</summary>
public static class ManifestParser
{
    private const string FileName = "manifest.json";
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Parses the manifest bytes.</summary>
    /// <exception cref="ReferralFormatException">The manifest is not valid.</exception>
    public static ReferralManifest Parse(ReadOnlyMemory<byte> utf8)
    {
        if (FirstInvalidUtf8(utf8.Span) is { } badByte)
        {
            // JSON's reader accepts malformed UTF-8 inside strings and fails only when the string is read.
            throw new ReferralFormatException(FileName, null, $"not valid UTF-8 (byte {badByte + 1})");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException ex)
        {
            throw new ReferralFormatException(FileName, null, $"not valid JSON: {FirstSentence(ex.Message)}",
                (int?)ex.LineNumber + 1, (int?)ex.BytePositionInLine + 1);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("(root)", "the manifest must be a JSON object");
            }

            var country = RequiredString(root, "country");
            if (country.Length != 2 || !country.All(char.IsAsciiLetter))
            {
                throw Invalid("country", $"\"{country}\" is not an ISO-3166 alpha-2 code");
            }

            return new ReferralManifest
            {
                ReportId = ReadReportId(root),
                ReceivedAt = ReadDateTime(root, "receivedAt"),
                ReportType = ReadReportType(root),
                NcmecPriority = ReadPriority(root),
                Country = country.ToUpperInvariant(),
                Geolocation = ReadGeolocation(root),
                BundledCount = OptionalInt(root, "bundledCount"),
                RelatedReports = ReadRelatedReports(root),
                Json = Encoding.UTF8.GetString(utf8.Span),
            };
        }
    }

    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        for (var index = 0; index < bytes.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return null;
    }

    private static long ReadReportId(JsonElement root)
    {
        var value = Required(root, "reportId");
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var id) || id <= 0)
        {
            throw Invalid("reportId", $"{value.GetRawText()} is not a positive integer");
        }

        return id;
    }

    private static DateTimeOffset ReadDateTime(JsonElement root, string name)
    {
        var text = RequiredString(root, name);
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) || !text.Contains('T', StringComparison.Ordinal))
        {
            throw Invalid(name, $"\"{text}\" is not an ISO-8601 date-time");
        }

        return value;
    }

    private static ReportType ReadReportType(JsonElement root) => RequiredString(root, "reportType") switch
    {
        "referral" => ReportType.Referral,
        "informational" => ReportType.Informational,
        var other => throw Invalid("reportType", $"\"{other}\" is neither \"referral\" nor \"informational\""),
    };

    private static string? ReadPriority(JsonElement root)
    {
        if (!root.TryGetProperty("ncmecPriority", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        return text is "1" or "2" or "3" or "E"
            ? text
            : throw Invalid("ncmecPriority", $"{value.GetRawText()} is not one of \"1\", \"2\", \"3\", \"E\"");
    }

    private static IReadOnlyList<GeoLocation> ReadGeolocation(JsonElement root)
    {
        if (!root.TryGetProperty("geolocation", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("geolocation", "must be an array");
        }

        var list = new List<GeoLocation>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"geolocation[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, "must be an object");
            }

            list.Add(new GeoLocation(
                RequiredString(item, "ip", path),
                OptionalString(item, "country", path),
                OptionalString(item, "region", path),
                OptionalString(item, "city", path),
                OptionalString(item, "isp", path),
                OptionalDouble(item, "latitude", path),
                OptionalDouble(item, "longitude", path)));
        }

        return list;
    }

    private static IReadOnlyList<long> ReadRelatedReports(JsonElement root)
    {
        if (!root.TryGetProperty("relatedReports", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("relatedReports", "must be an array of report numbers");
        }

        return array.EnumerateArray()
            .Select((item, i) => item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out var id)
                ? id
                : throw Invalid($"relatedReports[{i}]", $"{item.GetRawText()} is not a report number"))
            .ToArray();
    }

    private static JsonElement Required(JsonElement obj, string name, string? parent = null) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Invalid(Join(parent, name), "the required field is missing");

    private static string RequiredString(JsonElement obj, string name, string? parent = null)
    {
        var value = Required(obj, name, parent);
        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw Invalid(Join(parent, name), $"{value.GetRawText()} is not a non-empty string");
    }

    private static string? OptionalString(JsonElement obj, string name, string parent) =>
        !obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw Invalid(Join(parent, name), $"{value.GetRawText()} is not a string");

    private static double? OptionalDouble(JsonElement obj, string name, string parent) =>
        !obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : throw Invalid(Join(parent, name), $"{value.GetRawText()} is not a number");

    private static int? OptionalInt(JsonElement obj, string name) =>
        !obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= 0 ? number
        : throw Invalid(name, $"{value.GetRawText()} is not a non-negative integer");

    private static string Join(string? parent, string name) => parent is null ? name : $"{parent}.{name}";

    private static ReferralFormatException Invalid(string field, string reason) =>
        new(FileName, field, reason);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
