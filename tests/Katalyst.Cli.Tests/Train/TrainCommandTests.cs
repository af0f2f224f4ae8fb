using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Katalyst.Cli.Tests.Train;

/// <summary>
/// `katalyst train text` and `katalyst train priority` end to end, as an operator runs them: trained on one seed,
/// judged on referrals of another seed, with floors below the committed models' figures (docs/models.md).
/// </summary>
public sealed partial class TrainCommandTests
{
    [Fact]
    public async Task Train_TextThenPriority_HeldOutFiguresAboveFloorsAndManifestWritten()
    {
        using var work = new WorkFolder();
        Assert.Equal(0, (await KatalystProcess.RunAsync(work.Path, "generate", "--count", "6000", "--seed", "31", "--out", "train")).ExitCode);
        Assert.Equal(0, (await KatalystProcess.RunAsync(work.Path, "generate", "--count", "2000", "--seed", "32", "--out", "held")).ExitCode);

        var text = await KatalystProcess.RunAsync(work.Path, "train", "text", "--data", "train", "--holdout", "held", "--out", "models");
        var priority = await KatalystProcess.RunAsync(work.Path, "train", "priority", "--data", "train", "--holdout", "held", "--out", "models");

        Assert.True(text.ExitCode == 0, text.All);
        Assert.True(priority.ExitCode == 0, priority.All);
        var macroF1 = double.Parse(MacroF1().Match(text.Output).Groups[1].Value, CultureInfo.InvariantCulture);
        var tier1Recall = double.Parse(Tier1Recall().Match(priority.Output).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(macroF1 >= 0.8, $"text macro F1 {macroF1}\n{text.Output}");
        Assert.True(tier1Recall >= 0.9, $"tier-1 recall {tier1Recall}\n{priority.Output}");
        Assert.Contains("Reliability", priority.Output, StringComparison.Ordinal);

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(work["models/manifest.json"], TestContext.Current.CancellationToken));
        var names = manifest.RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Equal(["priority", "text-indicators"], names);
        Assert.True(File.Exists(work["models/rules.json"]));
    }

    [Fact]
    public async Task TrainPriority_WithoutTextModel_ExitsTwoSayingWhatToRunFirst()
    {
        using var work = new WorkFolder();
        await KatalystProcess.RunAsync(work.Path, "generate", "--count", "5", "--seed", "1", "--out", "g");

        var result = await KatalystProcess.RunAsync(work.Path, "train", "priority", "--data", "g", "--out", "empty-models");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("katalyst train text", result.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Macro F1: ([0-9.]+)")]
    private static partial Regex MacroF1();

    [GeneratedRegex(@"Tier-1 recall ([0-9.]+)")]
    private static partial Regex Tier1Recall();
}
