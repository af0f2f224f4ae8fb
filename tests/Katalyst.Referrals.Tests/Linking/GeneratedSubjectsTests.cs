using System.Globalization;
using Dapper;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Tests.Store;
using Katalyst.Synthetic;

namespace Katalyst.Referrals.Tests.Linking;

/// <summary>
/// The acceptance test of linking (issue 6): generated referrals with repeat subjects, imported into a SQLite file
/// with linking on, measured against the generator's truth (subjects.csv, which linking never reads).
/// </summary>
public sealed class GeneratedSubjectsTests(ITestOutputHelper output)
{
    private const int Count = 3000;
    private const int Seed = 6006;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_GeneratedRepeatSubjects_LinksTrueSubjectsAndNeverThroughCommonIdentifiers()
    {
        var folder = Directory.CreateTempSubdirectory("katalyst-linking-").FullName;
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            new ReferralGenerator(new GeneratorOptions { Count = Count, Seed = Seed, OutputDirectory = folder }).Generate(ct: Ct);
            var truth = File.ReadLines(Path.Combine(folder, "subjects.csv")).Skip(1)
                .Select(l => l.Split(','))
                .ToDictionary(r => long.Parse(r[0], CultureInfo.InvariantCulture), r => r[1]);
            await using var store = await TempStore.CreateAsync();
            var options = new LinkingOptions();

            output.WriteLine($"generated in {clock.Elapsed.TotalSeconds:F1} s");
            var summary = await store.Importer(linking: options).ImportAsync(folder, cancellationToken: Ct);
            output.WriteLine($"imported in {summary.Elapsed.TotalSeconds:F1} s");

            Assert.Equal(Count, summary.Imported);
            var found = new Dictionary<long, long>();
            await foreach (var row in new SubjectQueries(store.DataSource).ExportAsync(Ct))
            {
                found[row.ReportId] = row.SubjectId;
            }

            var agreement = PairwiseAgreement.Of(truth, found);
            output.WriteLine(agreement.ToString());
            Assert.True(agreement.Recall >= 0.95, agreement.ToString());
            Assert.True(agreement.Precision >= 0.75, agreement.ToString());

            // No link that groups referrals goes through an identifier carried by more referrals than its threshold.
            await using var connection = await store.DataSource.OpenAsync(Ct);
            var active = await connection.QueryAsync<(string Kind, string Value, long ReferralCount)>("""
                SELECT DISTINCT l.kind, l.value, c.referral_count
                FROM referral_links l JOIN identifier_counts c ON c.kind = l.kind AND c.value = l.value
                WHERE l.retracted_at IS NULL
                """);
            var tooCommon = active.Where(a => a.ReferralCount > options.ThresholdFor(a.Kind)).ToList();
            Assert.True(tooCommon.Count == 0, string.Join("\n", tooCommon));
            var retracted = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM referral_links WHERE retracted_at IS NOT NULL");
            output.WriteLine($"{active.Count()} identifiers link; {retracted} links retracted when their identifier became too common");

            // Incremental equals batch: grouping every stored identifier at once gives the same subjects.
            var identifiers = await connection.QueryAsync<(long, string, string)>("SELECT report_id, kind, value FROM referral_identifiers");
            var batch = SubjectGrouping.Group(found.Keys, identifiers, options);
            var incremental = found.GroupBy(f => f.Value, f => f.Key).Select(g => string.Join(',', g.Order())).Order(StringComparer.Ordinal);
            Assert.Equal(batch.Select(g => string.Join(',', g)).Order(StringComparer.Ordinal), incremental);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
