using System.Text;
using System.Text.Json;
using Katalyst.Protos.V1;

namespace Katalyst.Cli.Score;

/// <summary>The JSON line <c>katalyst score</c> prints for each referral.</summary>
internal static class ScoreJson
{
    /// <summary>A scored referral: reportId, tier, tierName, score, indicators (all seven), reasons, warnings; or its error.</summary>
    public static string Line(ScoreResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Error.Length > 0)
        {
            return Error(result.ReportId, result.Error);
        }

        return Write(json =>
        {
            json.WriteNumber("reportId", result.ReportId);
            json.WriteNumber("tier", result.Tier);
            json.WriteString("tierName", result.TierName);
            json.WriteNumber("score", Math.Round(result.Score, 4));
            json.WriteStartObject("indicators");
            var i = result.Indicators ?? new TextIndicators();
            json.WriteNumber("sextortion", Math.Round(i.Sextortion, 4));
            json.WriteNumber("grooming", Math.Round(i.Grooming, 4));
            json.WriteNumber("meeting", Math.Round(i.Meeting, 4));
            json.WriteNumber("production", Math.Round(i.Production, 4));
            json.WriteNumber("contact_abuse", Math.Round(i.ContactAbuse, 4));
            json.WriteNumber("trafficking", Math.Round(i.Trafficking, 4));
            json.WriteNumber("self_harm_risk", Math.Round(i.SelfHarmRisk, 4));
            json.WriteEndObject();
            json.WriteStartArray("reasons");
            foreach (var reason in result.Reasons)
            {
                json.WriteStartObject();
                json.WriteString("signal", reason.Signal);
                json.WriteNumber("contribution", Math.Round(reason.Contribution, 4));
                json.WriteString("text", reason.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("modelTier", result.ModelTier);
            WriteStrings(json, "rules", result.RulesApplied);
            WriteStrings(json, "warnings", result.Warnings);
        });
    }

    /// <summary>A referral that could not be scored: reportId when known, and the error.</summary>
    public static string Error(long? reportId, string error) => Write(json =>
    {
        if (reportId is { } id and > 0)
        {
            json.WriteNumber("reportId", id);
        }

        json.WriteString("error", error);
    });

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
