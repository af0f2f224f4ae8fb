using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Intake.Packages;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Tests.Store;
using Katalyst.Synthetic;

namespace Katalyst.Referrals.Tests.Linking;

/// <summary>
/// Generated referrals written through the real <see cref="ReferralWriter"/> one by one, in a chosen order, either as
/// an import that stopped after storing (each left in the linking outbox, never drained) or linked inline as each is
/// stored (the way intake linked before the outbox): the two to compare.
/// </summary>
internal sealed class StoppedImport : IDisposable
{
    private readonly List<ParsedReferral> referrals;

    private StoppedImport(string folder, List<ParsedReferral> referrals)
    {
        Folder = folder;
        this.referrals = referrals;
    }

    public string Folder { get; }

    public IReadOnlyList<long> ReportIds => [.. referrals.Select(r => r.Manifest.ReportId)];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Generates <paramref name="count"/> referrals and orders them so that storing order is not report-number order
    /// (a run that linked by report number instead of storing order would make different links).
    /// </summary>
    public static async Task<StoppedImport> GenerateAsync(int count, int seed)
    {
        var folder = Directory.CreateTempSubdirectory("katalyst-linking-outbox-").FullName;
        new ReferralGenerator(new GeneratorOptions { Count = count, Seed = seed, OutputDirectory = folder }).Generate(ct: Ct);
        var reader = new PackageReader(null, new IntakeOptions());
        var read = new List<ParsedReferral>();
        foreach (var package in PackageSource.Enumerate(folder))
        {
            using (package)
            {
                read.Add((await reader.ReadAsync(package, Ct)).Referral ?? throw new InvalidOperationException($"{package} did not parse"));
            }
        }

        return new StoppedImport(folder, [.. read.OrderBy(r => r.Manifest.ReportId % 7).ThenByDescending(r => r.Manifest.ReportId)]);
    }

    /// <summary>Stores every referral with linking on and stops before linking: all wait in the linking outbox.</summary>
    public Task StoreAsync(TempStore store, LinkingOptions? options = null) => WriteAsync(store, options, inline: false);

    /// <summary>Stores every referral and links each inline as it is stored, in the same order.</summary>
    public Task StoreLinkedInlineAsync(TempStore store, LinkingOptions? options = null) => WriteAsync(store, options, inline: true);

    private async Task WriteAsync(TempStore store, LinkingOptions? options, bool inline)
    {
        var linker = new ReferralLinker(options ?? new LinkingOptions(), StoreProvider.Sqlite);
        await using var connection = await store.DataSource.OpenAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        foreach (var referral in referrals)
        {
            Assert.Equal(WriteOutcome.Imported, await ReferralWriter.WriteAsync(connection, transaction, referral, Ct, inline ? null : linker));
            if (inline)
            {
                await linker.LinkAsync(connection, transaction, referral, Ct);
            }
        }

        await transaction.CommitAsync(Ct);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
