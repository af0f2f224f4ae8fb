using System.Text.Json;
using System.Xml.Linq;

namespace Katalyst.Synthetic.Tests;

[Collection(GeneratedBatchCollection.Name)]
public sealed class LabelConsistencyTests(GeneratedBatch batch)
{
    private JsonElement Manifest(long id) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(batch.Directory, id.ToString(), "manifest.json"))).RootElement;

    private int Tier(long id) => int.Parse(batch.Labels[id][1]);

    [Fact]
    public void Labels_HeaderAndOneRowPerPackage()
    {
        Assert.Equal(
            "reportId,tier,sextortion,grooming,meeting,production,contact_abuse,trafficking,self_harm_risk",
            File.ReadLines(Path.Combine(batch.Directory, "labels.csv")).First());
        Assert.Equal(GeneratedBatch.Count, batch.Labels.Count);
        Assert.Equal(batch.Reports.Keys.Order(), batch.Labels.Keys.Order());
        Assert.All(batch.Labels.Values, r => Assert.All(r[2..], v => Assert.Contains(v, new[] { "0", "1" })));
    }

    [Fact]
    public void Labels_EscalatedReport_IsTier1WithPriorityE()
    {
        var escalated = batch.Reports.Where(r => r.Value.Descendants("escalateToHighPriority").Any()).Select(r => r.Key).ToList();

        Assert.NotEmpty(escalated);
        Assert.All(escalated, id => Assert.Equal(1, Tier(id)));
        Assert.All(escalated, id => Assert.Equal("E", Manifest(id).GetProperty("ncmecPriority").GetString()));
    }

    [Fact]
    public void Labels_Informational_IsTier5()
    {
        var informational = batch.Reports.Keys.Where(id => Manifest(id).GetProperty("reportType").GetString() == "informational").ToList();

        Assert.NotEmpty(informational);
        Assert.All(informational, id => Assert.Equal(5, Tier(id)));
    }

    [Fact]
    public void Labels_MeetingOrTrafficking_IsTier1()
    {
        var urgent = batch.Labels.Values.Where(r => r[4] == "1" || r[7] == "1").ToList();

        Assert.All(urgent, r => Assert.Equal("1", r[1]));
    }

    [Fact]
    public void Labels_AnyIndicator_HasChatTextInReport()
    {
        foreach (var (id, row) in batch.Labels)
        {
            if (row[2..].Contains("1"))
            {
                Assert.NotNull(batch.Reports[id].Descendants("chatImIncident").Elements("content").SingleOrDefault());
            }
        }
    }

    [Fact]
    public void Labels_SextortionAnnotation_HasSextortionIndicatorAndHighTier()
    {
        var annotated = batch.Reports.Where(r => r.Value.Descendants("reportAnnotations").Elements("sextortion").Any()).Select(r => r.Key).ToList();

        Assert.All(annotated, id => Assert.Equal("1", batch.Labels[id][2]));
        Assert.All(annotated, id => Assert.True(Tier(id) <= 2 || Tier(id) == 5, $"report {id} is tier {Tier(id)}"));
    }

    [Fact]
    public void Labels_EveryTierOccurs()
    {
        var tiers = batch.Labels.Values.Select(r => r[1]).ToHashSet();

        Assert.Equal(new[] { "1", "2", "3", "4", "5" }, tiers.Order());
        Assert.Equal(batch.Summary.PackagesPerTier, Enumerable.Range(1, 5).Select(t => batch.Labels.Values.Count(r => r[1] == t.ToString())));
    }

    [Fact]
    public void Manifest_RequiredFieldsAndValues_FollowSpec()
    {
        foreach (var id in batch.Reports.Keys)
        {
            var m = Manifest(id);
            Assert.Equal(id, m.GetProperty("reportId").GetInt64());
            Assert.True(DateTimeOffset.TryParse(m.GetProperty("receivedAt").GetString(), out _));
            Assert.Contains(m.GetProperty("reportType").GetString(), new[] { "referral", "informational" });
            Assert.Contains(m.GetProperty("ncmecPriority").GetString(), new[] { "1", "2", "3", "E" });
            Assert.Equal(2, m.GetProperty("country").GetString()!.Length);
            var batched = batch.Reports[id].Root!.Element("batchedReport") is not null;
            Assert.Equal(batched, m.TryGetProperty("bundledCount", out var count));
            if (batched)
            {
                Assert.InRange(count.GetInt32(), 2, 500);
            }

            var ips = batch.Reports[id].Descendants("ipAddress").Select(e => e.Value).ToHashSet();
            if (m.TryGetProperty("geolocation", out var geo))
            {
                Assert.All(geo.EnumerateArray(), g => Assert.Contains(g.GetProperty("ip").GetString()!, ips));
            }
            else
            {
                Assert.Empty(ips);
            }
        }
    }
}
