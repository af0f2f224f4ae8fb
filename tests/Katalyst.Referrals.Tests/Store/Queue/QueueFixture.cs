using System.Globalization;
using Dapper;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Queue;
using Katalyst.Referrals.Tests.Intake;

namespace Katalyst.Referrals.Tests.Store.Queue;

/// <summary>A synthetic referral for the queue tests: what goes into its package and its score.</summary>
internal sealed record QueueCase(long ReportId, string ReceivedAt, int? Tier, double? Score, string Bio, string IncidentType = QueueFixture.Possession);

/// <summary>Imports synthetic packages through the real importer and scores them through the real score store.</summary>
internal static class QueueFixture
{
    public const string Possession = "Child Pornography (possession, manufacture, and distribution)";
    public const string Enticement = "Online Enticement of Children for Sexual Acts";

    /// <summary>Eight referrals: two per tier 1 and 2, one each at 3 and 5, two unscored; ids do not follow the order.</summary>
    public static readonly QueueCase[] Standard =
    [
        new(101, "2026-10-05T08:00:00Z", 2, 0.80, "Likes football and music."),
        new(102, "2026-10-01T08:00:00Z", 1, 0.90, "Wants to meet after school.", Enticement),
        new(103, "2026-10-03T08:00:00Z", null, null, "Collects stamps."),
        new(104, "2026-10-02T08:00:00Z", 1, 0.90, "Travels for work."),
        new(105, "2026-10-04T08:00:00Z", 2, 0.95, "Mujhe tasveer bhejo.", Enticement),
        new(106, "2026-10-06T08:00:00Z", 5, 0.05, "Plays chess online."),
        new(107, "2026-10-07T08:00:00Z", 3, 0.40, "Meeting friends at the park."),
        new(108, "2026-09-30T08:00:00Z", null, null, "Reads books."),
    ];

    /// <summary>The standard cases' report numbers in the default queue order.</summary>
    public static readonly long[] StandardPriorityOrder = [102, 104, 105, 101, 107, 106, 108, 103];

    public static async Task<TempStore> StoreWithAsync(IEnumerable<QueueCase> cases)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        var list = cases.ToList();
        foreach (var c in list)
        {
            var report = PackageBuilder.ValidReport
                .Replace("Photography fan. Mujhe tasveer bhejo.", c.Bio, StringComparison.Ordinal)
                .Replace(Possession, c.IncidentType, StringComparison.Ordinal);
            packages.Write(c.ReportId, report, PackageBuilder.Manifest(c.ReportId, c.ReceivedAt), withFile: false);
        }

        var summary = await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: ct);
        Assert.Equal(list.Count, summary.Imported);
        var scores = list.Where(c => c.Tier is not null).Select(c => Score(c.ReportId, c.Tier!.Value, c.Score!.Value)).ToList();
        await new ReferralScoreStore(store.DataSource).SaveAsync(scores, ct);
        return store;
    }

    public static ReferralScore Score(long reportId, int tier, double score) =>
        new(reportId, tier, QueueRow.NameOf(tier), score, tier, new Dictionary<string, double>(),
            [new ScoreReason("test.reason", 1.0, $"Synthetic reason for tier {tier.ToString(CultureInfo.InvariantCulture)}.")], [], [], "test");

    public static async Task ExecuteAsync(TempStore store, string sql, object? values = null)
    {
        await using var connection = await store.DataSource.OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync(sql, values);
    }

    public static async Task<T> ScalarAsync<T>(TempStore store, string sql, object? values = null)
    {
        await using var connection = await store.DataSource.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<T>(sql, values) ?? throw new InvalidOperationException($"No value from: {sql}");
    }

    public static async Task<long[]> IdsAsync(QueueStore queue, QueueFilter filter, QueueSort sort = QueueSort.Priority, bool descending = false) =>
        (await queue.PageAsync(new QueueQuery(filter, sort, descending, 0, 100), TestContext.Current.CancellationToken)).Items.Select(r => r.ReportId).ToArray();
}
