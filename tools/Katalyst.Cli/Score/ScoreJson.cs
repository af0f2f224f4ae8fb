using System.Text;
using System.Text.Json;
using Katalyst.Protos.V1;
using Katalyst.Referrals.Scoring;
using Katalyst.Scoring.Priority;

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

        var score = ReferralScore.From(result);
        return Write(json =>
        {
            json.WriteNumber("reportId", score.ReportId);
            json.WriteNumber("tier", score.Tier);
            json.WriteString("tierName", score.TierName);
            json.WriteNumber("score", Math.Round(score.Score, 4));
            json.WriteStartObject("indicators");
            foreach (var indicator in TextIndicatorNames.All)
            {
                json.WriteNumber(indicator, Math.Round(score.Indicators[indicator], 4));
            }

            json.WriteEndObject();
            json.WriteStartArray("reasons");
            foreach (var reason in score.Reasons)
            {
                json.WriteStartObject();
                json.WriteString("signal", reason.Signal);
                json.WriteNumber("contribution", Math.Round(reason.Contribution, 4));
                json.WriteString("text", reason.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("modelTier", score.ModelTier);
            WriteStrings(json, "rules", score.RulesApplied);
            WriteStrings(json, "warnings", score.Warnings);
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
