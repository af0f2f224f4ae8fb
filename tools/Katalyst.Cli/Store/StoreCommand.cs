using System.CommandLine;
using System.Data.Common;
using Katalyst.Cli.Import;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Cli.Store;

/// <summary>
/// <c>katalyst store migrate</c>: brings a store's schema up to this release, for an upgrade job that runs before
/// the new portal starts (the portal also migrates on start; both take the same lock).
/// </summary>
internal static class StoreCommand
{
    /// <summary>Exit code when the store cannot be reached or a migration fails.</summary>
    public const int Failed = 1;

    public static Command Create()
    {
        var store = new StoreArguments();
        var createDatabase = new Option<bool>("--create-database")
        {
            Description = "SQL Server only: create the database the connection string names when it does not exist yet.",
        };
        var migrate = new Command("migrate", "Apply every schema migration this release has and the store lacks; prints what it applied.");
        migrate.Options.Add(store.Db);
        migrate.Options.Add(store.Provider);
        migrate.Options.Add(createDatabase);
        migrate.SetAction((result, ct) => MigrateAsync(store.Read(result), result.GetValue(createDatabase), ct));
        return new Command("store", "The referral store: schema migrations.") { migrate };
    }

    private static async Task<int> MigrateAsync(StoreOptions options, bool createDatabase, CancellationToken cancellationToken)
    {
        if (createDatabase && options.Provider != StoreProvider.SqlServer)
        {
            await System.Console.Error.WriteLineAsync("katalyst store migrate: --create-database is for --provider SqlServer (a SQLite file is created on first use).");
            return Failed;
        }

        IReadOnlyList<int> applied;
        try
        {
            if (createDatabase)
            {
                var name = await SqlServerDatabase.CreateIfMissingAsync(options.ConnectionString, cancellationToken);
                System.Console.WriteLine($"Database {name} is present.");
            }

            applied = await new MigrationRunner(StoreDataSource.FromOptions(options), NullLogger<MigrationRunner>.Instance).ApplyAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or ArgumentException or InvalidOperationException)
        {
            await System.Console.Error.WriteLineAsync($"katalyst store migrate: the {options.Provider} store could not be migrated: {ex.Message}");
            return Failed;
        }

        var all = Migration.For(options.Provider);
        foreach (var version in applied)
        {
            System.Console.WriteLine($"Applied {version:D4}_{all.Single(m => m.Version == version).Name}");
        }

        var newest = all[^1];
        System.Console.WriteLine(applied.Count == 0
            ? $"Up to date: the store is at {newest.Version:D4}_{newest.Name}."
            : $"Migrated: {applied.Count} applied; the store is at {newest.Version:D4}_{newest.Name}.");
        return 0;
    }
}
