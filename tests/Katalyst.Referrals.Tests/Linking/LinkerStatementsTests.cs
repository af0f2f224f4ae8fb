using System.Globalization;
using Dapper;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Intake.Packages;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Tests.Store;
using Katalyst.Synthetic;

namespace Katalyst.Referrals.Tests.Linking;

/// <summary>
/// What the linker's speed work (issue 6) must not change: commands kept prepared on a connection across
/// transactions and rollbacks, carriers read only up to each kind's own threshold, identifiers extracted by the
/// importer's parallel readers.
/// </summary>
public sealed class LinkerStatementsTests
{
    private const string Email = IdentifierKinds.Email;
    private const string Md5 = IdentifierKinds.Md5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LinkAsync_OneConnectionAcrossCommitsAndRollback_LinksAsFreshConnectionsDo()
    {
        await using var f = await LinkerFixture.CreateAsync();
        await using var connection = await f.Store.DataSource.OpenAsync(Ct);
        await using (var first = await connection.BeginTransactionAsync(Ct))
        {
            await f.AddAsync(connection, first, 1, (Email, "a@x.pk"));
            await f.AddAsync(connection, first, 2, (Email, "a@x.pk"));
            await first.CommitAsync(Ct);
        }

        await using (var abandoned = await connection.BeginTransactionAsync(Ct))
        {
            await f.AddAsync(connection, abandoned, 3, (Email, "a@x.pk"));
            await abandoned.RollbackAsync(Ct);
        }

        await using (var last = await connection.BeginTransactionAsync(Ct))
        {
            var fourth = await f.AddAsync(connection, last, 4, (Email, "a@x.pk"), (Email, "b@x.pk"));
            await last.CommitAsync(Ct);
            Assert.Equal(2, fourth.Links);
        }

        Assert.Equal([[1, 2, 4]], await f.SubjectsAsync());
        Assert.Equal(3, await f.ScalarAsync<long>("SELECT referral_count FROM identifier_counts WHERE kind = 'email' AND value = 'a@x.pk'"));
    }

    [Fact]
    public async Task LinkAsync_CarriedByMoreThanItsKindsThresholdButFewerThanTheLargest_IgnoredNotLinked()
    {
        // md5's threshold is 3 while other kinds go to 50: the look-up must apply md5's own.
        await using var f = await LinkerFixture.CreateAsync();
        for (var id = 1; id <= 4; id++)
        {
            await f.AddAsync(id, (Md5, "0123456789abcdef0123456789abcdef"));
        }

        var fifth = await f.AddAsync(5, (Md5, "0123456789abcdef0123456789abcdef"), (Email, "c@x.pk"));
        var sixth = await f.AddAsync(6, (Email, "c@x.pk"));

        Assert.Equal((0, 1), (fifth.Links, fifth.Ignored));
        Assert.Equal(1, sixth.Links);
        Assert.Equal([[1], [2], [3], [4], [5, 6]], await f.SubjectsAsync());
        Assert.Equal(5, await f.ScalarAsync<long>("SELECT referral_count FROM referral_ignored_identifiers WHERE report_id = 5 AND kind = 'md5'"));
    }

    [Fact]
    public async Task ImportAsync_IdentifiersExtractedByParallelReaders_SameAsOneAtATime()
    {
        var folder = Directory.CreateTempSubdirectory("katalyst-linking-readers-").FullName;
        try
        {
            new ReferralGenerator(new GeneratorOptions { Count = 150, Seed = 616, OutputDirectory = folder }).Generate(ct: Ct);
            await using var store = await TempStore.CreateAsync();
            var summary = await store.Importer(new IntakeOptions { Parallelism = 8 }, new LinkingOptions()).ImportAsync(folder, cancellationToken: Ct);
            Assert.Equal(150, summary.Imported);

            var expected = new List<string>();
            var reader = new PackageReader(null, new IntakeOptions());
            foreach (var package in PackageSource.Enumerate(folder))
            {
                using (package)
                {
                    var referral = (await reader.ReadAsync(package, Ct)).Referral!;
                    expected.AddRange(IdentifierExtractor.Pakistan.Extract(referral).Select(i => Row(referral.Manifest.ReportId, i.Kind, i.Value, i.Surface, i.Source, i.Detail)));
                }
            }

            await using var connection = await store.DataSource.OpenAsync(Ct);
            var stored = (await connection.QueryAsync<(long ReportId, string Kind, string Value, string Surface, string Source, string? Detail)>(
                "SELECT report_id, kind, value, surface, source, detail FROM referral_identifiers"))
                .Select(r => Row(r.ReportId, r.Kind, r.Value, r.Surface, r.Source, r.Detail));
            Assert.True(expected.Count > 150 * 5, $"only {expected.Count} identifiers in 150 generated referrals");
            Assert.Equal(expected.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Row(long reportId, string kind, string value, string surface, string source, string? detail) =>
        string.Join('|', reportId.ToString(CultureInfo.InvariantCulture), kind, value, surface, source, detail ?? "");
}
