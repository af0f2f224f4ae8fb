using System.Text.RegularExpressions;
using Katalyst.Cli.Train;
using Katalyst.Protos.V1;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Workflow;
using Microsoft.Data.Sqlite;

namespace Katalyst.Cli.Tests.Train;

/// <summary>`katalyst train priority --overrides-db`: the supervisors' tier overrides kept by the portal become training labels.</summary>
public sealed partial class TierOverrideTrainingTests
{
    [Fact]
    public void Merge_OverriddenReferral_TakesSupervisorsTierAndLeavesHeldOut()
    {
        LabeledReferral Referral(long id, int tier) => new(new ScoreRequest { ReportId = id }, new Cli.Train.ReferralLabel(tier, []));
        IReadOnlyList<LabeledReferral> train = [Referral(1, 5), Referral(2, 4)];
        IReadOnlyList<LabeledReferral> heldOut = [Referral(3, 3), Referral(4, 2)];

        var (merged, held, replaced) = TierOverrideLabels.Merge(train, heldOut, [Referral(2, 1), Referral(4, 1), Referral(9, 2)]);

        Assert.Equal([(1L, 5), (2L, 1), (4L, 1), (9L, 2)], merged.Select(r => (r.Request.ReportId, r.Label.Tier)));
        Assert.Equal([3L], held.Select(r => r.Request.ReportId));
        Assert.Equal(2, replaced);
    }

    [Fact]
    public async Task TrainPriority_StoreWithOverrides_TrainsOnLatestOverrideOfEachReferral()
    {
        using var work = new WorkFolder();
        Assert.Equal(0, (await KatalystProcess.RunAsync(work.Path, "generate", "--count", "400", "--seed", "41", "--out", "g")).ExitCode);
        var import = await KatalystProcess.RunAsync(work.Path, "import", "g", "--db", "store.db");
        Assert.True(import.ExitCode == 0, import.All);
        var ids = File.ReadLines(work["g/labels.csv"]).Skip(1).Take(3).Select(l => long.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var workflow = new WorkflowStore(
            StoreDataSource.FromOptions(new StoreOptions { ConnectionString = new SqliteConnectionStringBuilder { DataSource = work["store.db"] }.ToString() }),
            new WorkflowOptions());
        await workflow.OverrideTierAsync(ids[0], 1, "Suspect named in two other cases", "sup", TestContext.Current.CancellationToken);
        await workflow.OverrideTierAsync(ids[1], 5, "Duplicate of a handled referral", "sup", TestContext.Current.CancellationToken);
        await workflow.OverrideTierAsync(ids[2], 5, "First look", "sup", TestContext.Current.CancellationToken);
        await workflow.OverrideTierAsync(ids[2], 2, "Second look: access to children", "sup", TestContext.Current.CancellationToken);
        SqliteConnection.ClearAllPools();

        Assert.Equal(0, (await KatalystProcess.RunAsync(work.Path, "train", "text", "--data", "g", "--out", "models")).ExitCode);
        var priority = await KatalystProcess.RunAsync(work.Path, "train", "priority", "--data", "g", "--out", "models", "--overrides-db", "store.db");

        Assert.True(priority.ExitCode == 0, priority.All);
        var line = OverrideLine().Match(priority.Output);
        Assert.True(line.Success, priority.Output);
        Assert.Equal(("3", "3", "0"), (line.Groups[1].Value, line.Groups[2].Value, line.Groups[3].Value));
    }

    [Fact]
    public async Task TrainPriority_OverridesDbNotAStore_ExitsTwoNamingTheOption()
    {
        using var work = new WorkFolder();
        await KatalystProcess.RunAsync(work.Path, "generate", "--count", "60", "--seed", "2", "--out", "g");
        Assert.Equal(0, (await KatalystProcess.RunAsync(work.Path, "train", "text", "--data", "g", "--out", "models")).ExitCode);
        await File.WriteAllBytesAsync(work["empty.db"], [], TestContext.Current.CancellationToken);

        var result = await KatalystProcess.RunAsync(work.Path, "train", "priority", "--data", "g", "--out", "models", "--overrides-db", "empty.db");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--overrides-db", result.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"tier overrides: (\d+) trained on \((\d+) replaced a generated tier\), (\d+) not used")]
    private static partial Regex OverrideLine();
}
