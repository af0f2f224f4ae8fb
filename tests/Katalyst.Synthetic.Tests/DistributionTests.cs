using System.Text.Json;

namespace Katalyst.Synthetic.Tests;

/// <summary>Rates from synthetic-data.md, on the 2,000-referral sample, with tolerances of a few standard errors.</summary>
[Collection(GeneratedBatchCollection.Name)]
public sealed class DistributionTests(GeneratedBatch batch)
{
    private readonly List<JsonElement> _manifests = batch.Reports.Keys
        .Select(id => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(batch.Directory, id.ToString(), "manifest.json"))).RootElement)
        .ToList();

    private static void Rate(double expected, double tolerance, int hits, int total, string what) =>
        Assert.True(Math.Abs(((double)hits / total) - expected) <= tolerance,
            $"{what}: {hits}/{total} = {(double)hits / total:P1}, expected {expected:P1} ± {tolerance:P1}");

    [Fact]
    public void Manifest_ReportTypeCountryPriority_FollowSpec()
    {
        var n = _manifests.Count;
        Rate(0.12, 0.025, _manifests.Count(m => m.GetProperty("reportType").GetString() == "informational"), n, "informational");
        Rate(0.95, 0.02, _manifests.Count(m => m.GetProperty("country").GetString() == "PK"), n, "country PK");
        Rate(0.05, 0.02, _manifests.Count(m => m.GetProperty("ncmecPriority").GetString() == "2"), n, "priority 2");
        Rate(0.94, 0.02, _manifests.Count(m => m.GetProperty("ncmecPriority").GetString() == "3"), n, "priority 3");
        Rate(0.10, 0.03, _manifests.Count(m => m.TryGetProperty("bundledCount", out _)), n, "bundled");
        Assert.Contains(_manifests, m => m.TryGetProperty("relatedReports", out _));
    }

    [Fact]
    public void Reports_EspMixAndIncidentTypes_FollowSpec()
    {
        var reports = batch.Reports.Values.ToList();
        var platforms = reports.Select(r => r.Descendants("platform").First().Value).ToList();
        Rate(0.45, 0.04, platforms.Count(p => p == "Facebook Messenger"), reports.Count, "Facebook");
        Rate(0.20, 0.03, platforms.Count(p => p == "Instagram"), reports.Count, "Instagram");
        Rate(0.15, 0.03, platforms.Count(p => p == "WhatsApp"), reports.Count, "WhatsApp");
        Rate(0.995, 0.01, reports.Count(r => r.Descendants("incidentType").First().Value.StartsWith("Child Pornography", StringComparison.Ordinal)), reports.Count, "possession");
        Rate(0.03, 0.015, reports.Count(r => r.Descendants("minorToMinorInteraction").Any()), reports.Count, "minorToMinor");
    }

    [Fact]
    public void Persons_IdentifiersAndIps_FollowSpec()
    {
        var persons = batch.Reports.Values.SelectMany(r => r.Descendants("personOrUserReported")).ToList();
        var n = batch.Reports.Count;
        Rate(0.95, 0.02, persons.Count, n, "reported person");
        Rate(0.90, 0.03, persons.Count(p => p.Element("screenName") is not null), persons.Count, "screenName");
        Rate(0.70, 0.05, persons.Count(p => p.Descendants("email").Any()), persons.Count, "email");
        Rate(0.30, 0.04, persons.Count(p => p.Descendants("dateOfBirth").Any()), persons.Count, "dateOfBirth");

        var events = persons.SelectMany(p => p.Elements("ipCaptureEvent")).ToList();
        var mean = (double)events.Count / persons.Count;
        Assert.InRange(mean, 3.7, 4.3);
        Rate(0.15, 0.02, events.Count(e => (string?)e.Element("possibleProxy") == "true"), events.Count, "possibleProxy");
        var pakistani = new[] { "182.", "119.", "39.", "111.", "58.", "175.", "203.", "115." };
        Rate(0.78, 0.05, events.Count(e => pakistani.Any(p => e.Element("ipAddress")!.Value.StartsWith(p, StringComparison.Ordinal))), events.Count, "Pakistani IP");

        var regions = persons.Select(p => (string?)p.Element("estimatedLocation")?.Element("region")).Where(r => r is not null).ToList();
        Rate(0.53, 0.05, regions.Count(r => r == "Punjab"), regions.Count, "Punjab");
        Rate(0.23, 0.04, regions.Count(r => r == "Sindh"), regions.Count, "Sindh");
    }

    [Fact]
    public void Files_CountKindAndFlags_FollowSpec()
    {
        var perReport = batch.Packages.Select(p => Directory.GetFiles(Path.Combine(p, "files"), "*.xml").Length).Order().ToList();
        Assert.Equal(2, perReport[perReport.Count / 2]);
        Assert.InRange(perReport[(int)(perReport.Count * 0.99)], 25, 140);

        var files = batch.FileDetails().Select(f => f.Doc.Root!).ToList();
        var n = files.Count;
        Rate(0.25, 0.03, files.Count(f => f.Element("fileName")!.Value.EndsWith(".mp4", StringComparison.Ordinal)), n, "video");
        Rate(0.55, 0.03, files.Count(f => (string?)f.Element("fileViewedByEsp") == "true"), n, "viewed true");
        Rate(0.30, 0.03, files.Count(f => (string?)f.Element("fileViewedByEsp") == "false"), n, "viewed false");
        Rate(0.15, 0.02, files.Count(f => f.Element("fileViewedByEsp") is null), n, "viewed missing");
        Rate(0.10, 0.02, files.Count(f => (string?)f.Element("publiclyAvailable") == "true"), n, "publiclyAvailable");
        Rate(0.40, 0.03, files.Count(f => f.Element("industryClassification") is not null), n, "industryClassification");
        Rate(0.02, 0.01, files.Count(f => f.Descendants("generativeAi").Any()), n, "generativeAi");
    }

    [Fact]
    public void Files_KnownMaterialShare_FollowsSpec()
    {
        // Exact known copies: 85% known × (80% exact for images, 100% for videos) ≈ 72% of files; the rest
        // are near-duplicates (not in the list by design) or new.
        var md5s = batch.FileDetails().Select(f => f.Doc.Root!)
            .Select(f => (Id: f.Element("fileId")!.Value, Md5: f.Elements("originalFileHash").FirstOrDefault(h => (string?)h.Attribute("hashType") == "MD5")?.Value))
            .Where(f => !batch.Mismatches.Contains(f.Id))
            .ToList();
        Rate(0.72, 0.06, md5s.Count(f => f.Md5 is not null && batch.KnownHashes.Contains(f.Md5)), md5s.Count, "exact known");
    }
}
