using System.Globalization;
using Katalyst.Cli.Train;
using Katalyst.Synthetic;

namespace Katalyst.Cli.Tests.Train;

public sealed class LabeledBatchTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "katalyst-labeled-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task ReadAsync_GeneratedBatch_OneReferralPerLabelRowWithItsFlags()
    {
        Generate(200);

        var referrals = await LabeledBatch.ReadAsync(dir, null, Ct);

        var rows = File.ReadAllLines(Path.Combine(dir, "labels.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(rows.Count, referrals.Count);
        var byId = referrals.ToDictionary(r => r.Request.ReportId);
        foreach (var row in rows)
        {
            var referral = byId[long.Parse(row[0], CultureInfo.InvariantCulture)];
            Assert.Equal(int.Parse(row[1], CultureInfo.InvariantCulture), referral.Label.Tier);
            Assert.Equal(row.Skip(2).Select(c => c == "1"), referral.Label.Indicators);
        }

        // Every referral the generator labelled with an indicator has text to learn from.
        Assert.All(referrals.Where(r => r.Label.Indicators.Any(l => l)), r => Assert.NotEmpty(r.Request.Texts));
        // Known-material matching used known-hashes.csv, and subjects.csv stood in for linking.
        Assert.Contains(referrals, r => r.Request.Files.Any(f => f.HashMatch == Protos.V1.HashMatch.Known));
        Assert.Contains(referrals, r => r.Request.LinkedReferrals > 0);
    }

    [Fact]
    public async Task ReadAsync_MissingLabelsRow_ThrowsNamingTheReport()
    {
        Generate(5);
        var labels = Path.Combine(dir, "labels.csv");
        var lines = File.ReadAllLines(labels);
        File.WriteAllLines(labels, lines[..^1]);
        var dropped = lines[^1].Split(',')[0];

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => LabeledBatch.ReadAsync(dir, null, Ct));

        Assert.Contains(dropped, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BadLabelCell_ThrowsNamingLineAndColumn()
    {
        Generate(3);
        var labels = Path.Combine(dir, "labels.csv");
        var lines = File.ReadAllLines(labels);
        var cells = lines[2].Split(',');
        cells[4] = "yes";
        lines[2] = string.Join(',', cells);
        File.WriteAllLines(labels, lines);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => LabeledBatch.ReadAsync(dir, null, Ct));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("meeting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NoLabelsFile_ThrowsNamingIt()
    {
        Directory.CreateDirectory(dir);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => LabeledBatch.ReadAsync(dir, null, Ct));

        Assert.Contains("labels.csv", error.Message, StringComparison.Ordinal);
    }

    private void Generate(int count) =>
        new ReferralGenerator(new GeneratorOptions { Count = count, Seed = 7, OutputDirectory = dir }).Generate(ct: Ct);
}
