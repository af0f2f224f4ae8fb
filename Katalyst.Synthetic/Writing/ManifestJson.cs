using System.Text.Json;
using Katalyst.Synthetic.Network;
using Katalyst.Synthetic.Referrals;

namespace Katalyst.Synthetic.Writing;

/// <summary>Renders <c>manifest.json</c>: what NCMEC adds, per referral-package.md.</summary>
internal static class ManifestJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n" };

    public static byte[] Render(ReferralPlan plan)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("reportId", plan.ReportId);
            json.WriteString("receivedAt", XmlOut.DateTime(plan.ReceivedAt));
            json.WriteString("reportType", plan.Informational ? "informational" : "referral");
            json.WriteString("ncmecPriority", plan.Priority);
            json.WriteString("country", plan.Country);
            var places = Places(plan);
            if (places.Count > 0)
            {
                json.WriteStartArray("geolocation");
                foreach (var p in places)
                {
                    json.WriteStartObject();
                    json.WriteString("ip", p.Ip);
                    json.WriteString("country", p.Country);
                    json.WriteString("region", p.Region);
                    json.WriteString("city", p.City);
                    json.WriteString("isp", p.Isp);
                    json.WriteNumber("latitude", p.Latitude);
                    json.WriteNumber("longitude", p.Longitude);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            if (plan.BundledCount is { } bundled)
            {
                json.WriteNumber("bundledCount", bundled);
            }

            if (plan.RelatedReports.Count > 0)
            {
                json.WriteStartArray("relatedReports");
                foreach (var id in plan.RelatedReports)
                {
                    json.WriteNumberValue(id);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static List<IpPlace> Places(ReferralPlan plan)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var places = new List<IpPlace>();
        var events = (plan.Person?.IpEvents ?? []).Concat(plan.Files.Where(f => f.UploadIp is not null).Select(f => f.UploadIp!));
        foreach (var e in events)
        {
            if (seen.Add(e.Place.Ip))
            {
                places.Add(e.Place);
            }
        }

        return places;
    }
}
