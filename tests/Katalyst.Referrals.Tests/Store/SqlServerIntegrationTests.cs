using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Referrals.Tests.Store;

/// <summary>
/// Runs against a real SQL Server when <c>KATALYST_SQLSERVER</c> holds a connection string; reported as skipped,
/// with that reason, when it does not (SQL Server cannot run on the build machines).
/// </summary>
public sealed class SqlServerIntegrationTests
{
    private const string Variable = "KATALYST_SQLSERVER";

    [Fact]
    public async Task Migrations_ApplyTwice_SecondChangesNothing()
    {
        var source = DataSourceOrSkip();
        var runner = new MigrationRunner(source, NullLogger<MigrationRunner>.Instance);

        await runner.ApplyAsync(TestContext.Current.CancellationToken);
        var second = await runner.ApplyAsync(TestContext.Current.CancellationToken);

        Assert.Empty(second);
    }

    [Fact]
    public async Task ListNewestFirst_AfterMigrations_Answers()
    {
        var source = DataSourceOrSkip();
        await new MigrationRunner(source, NullLogger<MigrationRunner>.Instance).ApplyAsync(TestContext.Current.CancellationToken);

        var page = await new ReferralQueries(source).ListNewestFirstAsync(0, 10, TestContext.Current.CancellationToken);

        Assert.True(page.TotalCount >= page.Items.Count);
    }

    private static StoreDataSource DataSourceOrSkip()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Assert.Skip($"{Variable} is not set: no SQL Server to test against (SQL Server cannot run on this machine).");
        }

        return new StoreDataSource(StoreProvider.SqlServer, connectionString);
    }
}
