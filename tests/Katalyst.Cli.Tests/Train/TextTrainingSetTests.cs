using Katalyst.Cli.Train;
using Katalyst.Synthetic;

namespace Katalyst.Cli.Tests.Train;

public sealed class TextTrainingSetTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "katalyst-textset-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Read_GeneratedBatch_OneExamplePerLabelRowWithItsFlags()
    {
        Generate(200);
        var examples = TextTrainingSet.Read(dir, TestContext.Current.CancellationToken);

        var rows = File.ReadAllLines(Path.Combine(dir, TextTrainingSet.LabelsFile)).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(rows.Count, examples.Count);
        var byId = examples.ToDictionary(e => e.ReportId);
        foreach (var row in rows)
        {
            var example = byId[long.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture)];
            Assert.Equal(row.Skip(2).Select(c => c == "1"), example.Labels);
        }

        // Every referral the generator labelled with an indicator has chat text to learn from.
        Assert.All(examples.Where(e => e.Labels.Any(l => l)), e => Assert.Contains("] ", e.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_MissingLabelsRow_ThrowsNamingTheReport()
    {
        Generate(5);
        var labels = Path.Combine(dir, TextTrainingSet.LabelsFile);
        var lines = File.ReadAllLines(labels);
        File.WriteAllLines(labels, lines[..^1]);
        var dropped = lines[^1].Split(',')[0];

        var ex = Assert.Throws<InvalidDataException>(() => TextTrainingSet.Read(dir, TestContext.Current.CancellationToken));
        Assert.Contains(dropped, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadLabelCell_ThrowsNamingLineAndColumn()
    {
        Generate(3);
        var labels = Path.Combine(dir, TextTrainingSet.LabelsFile);
        var lines = File.ReadAllLines(labels);
        var cells = lines[2].Split(',');
        cells[4] = "yes";
        lines[2] = string.Join(',', cells);
        File.WriteAllLines(labels, lines);

        var ex = Assert.Throws<InvalidDataException>(() => TextTrainingSet.Read(dir, TestContext.Current.CancellationToken));
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("meeting", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoLabelsFile_ThrowsNamingIt()
    {
        Directory.CreateDirectory(dir);
        var ex = Assert.Throws<InvalidDataException>(() => TextTrainingSet.Read(dir, TestContext.Current.CancellationToken));
        Assert.Contains("labels.csv", ex.Message, StringComparison.Ordinal);
    }

    private void Generate(int count) =>
        new ReferralGenerator(new GeneratorOptions { Count = count, Seed = 7, OutputDirectory = dir }).Generate(ct: TestContext.Current.CancellationToken);
}
