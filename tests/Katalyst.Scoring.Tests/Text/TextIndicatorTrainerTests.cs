using System.Globalization;
using Katalyst.Referrals.Intake.Packages;
using Katalyst.Referrals.Scoring;
using Katalyst.Scoring.Evaluation;
using Katalyst.Scoring.Text;
using Katalyst.Synthetic;

namespace Katalyst.Scoring.Tests.Text;

public sealed class TextIndicatorTrainerTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "katalyst-text-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Train_GeneratedReferrals_HeldOutSeedMacroF1AboveFloor()
    {
        var train = Generate(seed: 11, count: 8000);
        var heldOut = Generate(seed: 12, count: 2000);

        var result = TextIndicatorTrainer.Train(train, new TextTrainingOptions { Seed = 3 }, cancellationToken: TestContext.Current.CancellationToken);

        var probabilities = heldOut.Select(e => result.Model.Predict(e.Text)).ToArray();
        var report = MultiLabelReport.Evaluate(TextIndicators.Names, [.. heldOut.Select(e => e.Labels)], probabilities, result.Model.Thresholds);
        TestContext.Current.SendDiagnosticMessage(report.ToTable());
        Assert.True(report.MacroF1 >= 0.85, "held-out macro F1 " + report.MacroF1 + "\n" + report.ToTable());
        Assert.All(report.Labels.Where(l => l.Auc is not null), l => Assert.True(l.Auc >= 0.95, $"{l.Label} ROC-AUC {l.Auc}"));
    }

    [Fact]
    public void Train_SameSeed_SameModel()
    {
        var examples = Generate(seed: 21, count: 600);
        var options = new TextTrainingOptions { Seed = 5, Epochs = 3 };
        var a = TextIndicatorTrainer.Train(examples, options, cancellationToken: TestContext.Current.CancellationToken).Model;
        var b = TextIndicatorTrainer.Train(examples, options, cancellationToken: TestContext.Current.CancellationToken).Model;
        Assert.Equal(a.Thresholds, b.Thresholds);
        Assert.Equal(a.Bias, b.Bias);
        Assert.True(a.WeightMatrix().Cast<float>().SequenceEqual(b.WeightMatrix().Cast<float>()));
    }

    [Fact]
    public void Train_ExampleWithSixLabels_ThrowsNamingIt()
    {
        LabelledText[] examples = [new("hi", new bool[7]), new("hello", new bool[6])];
        var ex = Assert.Throws<ArgumentException>(() => TextIndicatorTrainer.Train(examples, new TextTrainingOptions(), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("Example 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_BadOption_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            TextIndicatorTrainer.Train([new LabelledText("hi", new bool[7])], new TextTrainingOptions { Epochs = 0 }, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("Epochs", ex.Message, StringComparison.Ordinal);
    }

    // Reads the generated packages the way `katalyst train text` does: the scoring request's texts, joined.
    private List<LabelledText> Generate(int seed, int count)
    {
        var dir = Path.Combine(root, seed.ToString(CultureInfo.InvariantCulture));
        new ReferralGenerator(new GeneratorOptions { Count = count, Seed = seed, OutputDirectory = dir }).Generate(ct: TestContext.Current.CancellationToken);
        var labels = File.ReadLines(Path.Combine(dir, "labels.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(c => long.Parse(c[0], CultureInfo.InvariantCulture), c => c[2..].Select(v => v == "1").ToArray());
        var reader = new PackageScoringReader(ScoringContext.Pakistan());
        var examples = new List<(long Id, LabelledText Example)>();
        foreach (var package in PackageSource.Enumerate(dir))
        {
            using (package)
            {
                var request = reader.ReadAsync(package, TestContext.Current.CancellationToken).GetAwaiter().GetResult().Request!;
                var text = ReferralTexts.Joined(request.Texts);
                if (text.Length > 0)
                {
                    examples.Add((request.ReportId, new LabelledText(text, labels[request.ReportId])));
                }
            }
        }

        return [.. examples.OrderBy(e => e.Id).Select(e => e.Example)];
    }
}
