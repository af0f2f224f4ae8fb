using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Migrations;

namespace Katalyst.Cli.Tests;

public sealed class StoreCommandTests
{
    [Fact]
    public async Task StoreMigrate_FreshThenAgain_AppliesEveryMigrationThenNothing()
    {
        using var work = new WorkFolder();
        var all = Migration.For(StoreProvider.Sqlite);

        var first = await KatalystProcess.RunAsync(work.Path, "store", "migrate", "--db", "store.db");
        var second = await KatalystProcess.RunAsync(work.Path, "store", "migrate", "--db", "store.db");

        Assert.True(first.ExitCode == 0, first.All);
        Assert.Equal(all.Count, first.Output.Split('\n').Count(l => l.StartsWith("Applied ", StringComparison.Ordinal)));
        Assert.Contains($"Migrated: {all.Count} applied; the store is at {all[^1].Version:D4}_{all[^1].Name}.", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.All);
        Assert.Contains($"Up to date: the store is at {all[^1].Version:D4}_{all[^1].Name}.", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreMigrate_CreateDatabaseOnSqlite_RefusedWithReason()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "store", "migrate", "--db", "store.db", "--create-database");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--create-database is for --provider SqlServer", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(work["store.db"]));
    }

    [Fact]
    public async Task StoreMigrate_SqlServerUnreachable_FailsNamingTheStore()
    {
        using var work = new WorkFolder();

        // Port 1 on loopback: nothing listens, the connection is refused at once.
        var result = await KatalystProcess.RunAsync(
            work.Path, "store", "migrate", "--provider", "SqlServer", "--db", "Server=tcp:127.0.0.1,1;Database=katalyst;Connect Timeout=3;TrustServerCertificate=true");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("katalyst store migrate: the SqlServer store could not be migrated:", result.Error, StringComparison.Ordinal);
    }
}
