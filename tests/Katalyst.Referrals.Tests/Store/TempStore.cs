using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Referrals.Tests.Store;

/// <summary>A real SQLite store and evidence folder in a temporary directory, deleted afterwards.</summary>
internal sealed class TempStore : IAsyncDisposable
{
    private TempStore(string folder)
    {
        Folder = folder;
        DatabasePath = Path.Combine(folder, "katalyst.db");
        EvidencePath = Path.Combine(folder, "evidence");
        DataSource = new StoreDataSource(StoreProvider.Sqlite, $"Data Source={DatabasePath}");
        Evidence = new EvidenceStore(EvidencePath);
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    public string EvidencePath { get; }

    public StoreDataSource DataSource { get; }

    public EvidenceStore Evidence { get; }

    public static async Task<TempStore> CreateAsync(bool migrate = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "katalyst-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var store = new TempStore(folder);
        if (migrate)
        {
            await store.Migrations().ApplyAsync(TestContext.Current.CancellationToken);
        }

        return store;
    }

    public MigrationRunner Migrations() => new(DataSource, NullLogger<MigrationRunner>.Instance);

    public ReferralImporter Importer(IntakeOptions? options = null, LinkingOptions? linking = null) =>
        new(DataSource, Evidence, options ?? new IntakeOptions(), NullLogger<ReferralImporter>.Instance, linking);

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
