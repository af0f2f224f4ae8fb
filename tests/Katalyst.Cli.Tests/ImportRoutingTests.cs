using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Access;
using Katalyst.Referrals.Store.Routing;
using Microsoft.Data.Sqlite;

namespace Katalyst.Cli.Tests;

public sealed class ImportRoutingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_RulesInStore_RoutesEveryUnroutedReferralAfterImport()
    {
        using var work = new WorkFolder();
        await KatalystProcess.RunAsync(work.Path, "generate", "--count", "20", "--seed", "7", "--out", "g1");
        await KatalystProcess.RunAsync(work.Path, "generate", "--count", "20", "--seed", "8", "--out", "g2");
        var first = await KatalystProcess.RunAsync(work.Path, "import", "g1", "--db", "store.db");
        Assert.True(first.ExitCode == 0, first.All);
        Assert.Contains("the store has no routing rules yet", first.Output, StringComparison.Ordinal);

        var dataSource = StoreDataSource.FromOptions(new StoreOptions { ConnectionString = new SqliteConnectionStringBuilder { DataSource = work["store.db"] }.ToString() });
        var unit = await new UnitStore(dataSource).CreateAsync("HQ", "Headquarters", Ct);
        await new RoutingRuleStore(dataSource).AddAsync(RoutingRule.Fallback, null, unit, "test", Ct);
        SqliteConnection.ClearAllPools();
        var second = await KatalystProcess.RunAsync(work.Path, "import", "g2", "--db", "store.db");

        Assert.True(second.ExitCode == 0, second.All);
        Assert.Matches(@"Routed:\s+40\b", second.Output);
        Assert.Empty(await new ReferralRoutingStore(dataSource).UnroutedAsync(100, Ct));
    }

    [Fact]
    public async Task Import_IpDatabaseMissing_ImportKeptExitTwoNamingTheFile()
    {
        using var work = new WorkFolder();
        await KatalystProcess.RunAsync(work.Path, "generate", "--count", "3", "--seed", "9", "--out", "g");
        await KatalystProcess.RunAsync(work.Path, "import", "g", "--db", "store.db");
        var dataSource = StoreDataSource.FromOptions(new StoreOptions { ConnectionString = new SqliteConnectionStringBuilder { DataSource = work["store.db"] }.ToString() });
        await new RoutingRuleStore(dataSource).AddAsync(RoutingRule.Fallback, null, await new UnitStore(dataSource).CreateAsync("HQ", "Headquarters", Ct), "test", Ct);
        SqliteConnection.ClearAllPools();

        var result = await KatalystProcess.RunAsync(work.Path, "import", "g", "--db", "store.db", "--ip-database", "missing.mmdb");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing.mmdb: the IP database (Geography:IpDatabasePath) does not exist.", result.Error, StringComparison.Ordinal);
    }
}
