using Dapper;
using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Migrations;
using Katalyst.Synthetic;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Inference.Tests.Outbox;

/// <summary>A real SQLite store in a temporary folder holding generated referrals imported the usual way (so each has its outbox row).</summary>
internal sealed class OutboxStore : IAsyncDisposable
{
    private OutboxStore(string folder)
    {
        Folder = folder;
        DataSource = new StoreDataSource(StoreProvider.Sqlite, $"Data Source={Path.Combine(folder, "katalyst.db")}");
    }

    public string Folder { get; }

    public StoreDataSource DataSource { get; }

    public EvidenceStore Evidence => new(Path.Combine(Folder, "evidence"));

    public IReadOnlyList<long> ReportIds { get; private set; } = [];

    public static async Task<OutboxStore> CreateAsync(int referrals, CancellationToken cancellationToken, int seed = 808, bool media = false)
    {
        var store = new OutboxStore(Directory.CreateTempSubdirectory("katalyst-outbox-").FullName);
        var packages = Path.Combine(store.Folder, "packages");
        new ReferralGenerator(new GeneratorOptions { Count = referrals, Seed = seed, Media = media, OutputDirectory = packages }).Generate(ct: cancellationToken);
        await new MigrationRunner(store.DataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(cancellationToken);
        var importer = new ReferralImporter(store.DataSource, new EvidenceStore(Path.Combine(store.Folder, "evidence")), new IntakeOptions(), NullLogger<ReferralImporter>.Instance);
        var summary = await importer.ImportAsync(packages, cancellationToken: cancellationToken);
        Assert.Equal(referrals, summary.Imported);
        store.ReportIds = [.. await store.ScalarsAsync("SELECT report_id FROM referrals ORDER BY report_id", cancellationToken)];
        return store;
    }

    public async Task<IReadOnlyList<long>> ScalarsAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(sql, cancellationToken: cancellationToken))).AsList();
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
