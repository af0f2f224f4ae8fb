using Katalyst.Portal.Hosting;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Portal.Tests.Telemetry;

/// <summary>The portal is ready only over a store that answers and has every migration applied.</summary>
public sealed class StoreHealthCheckTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("katalyst-store-health-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task CheckHealth_EmptyStoreNotMigrated_UnhealthySayingSo()
    {
        var store = Store("Data Source=" + Path.Combine(folder, "empty.db"));

        var result = await Check(store);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("store not migrated:", result.Description, StringComparison.Ordinal);
        Assert.Contains("first 0001", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_Migrated_Healthy()
    {
        var store = Store("Data Source=" + Path.Combine(folder, "migrated.db"));
        await new MigrationRunner(store, NullLogger<MigrationRunner>.Instance).ApplyAsync(Ct);

        var result = await Check(store);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task CheckHealth_StoreCannotBeOpened_UnhealthyNotReachable()
    {
        var store = Store("Data Source=" + Path.Combine(folder, "missing", "none.db") + ";Mode=ReadOnly");

        var result = await Check(store);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("store not reachable:", result.Description, StringComparison.Ordinal);
    }

    private static StoreDataSource Store(string connectionString) => new(StoreProvider.Sqlite, connectionString);

    private static Task<HealthCheckResult> Check(StoreDataSource store) =>
        new StoreHealthCheck(new MigrationStatus(store)).CheckHealthAsync(new HealthCheckContext(), Ct);
}
