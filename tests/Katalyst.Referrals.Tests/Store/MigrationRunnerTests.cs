using Dapper;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Migrations;

namespace Katalyst.Referrals.Tests.Store;

public sealed class MigrationRunnerTests
{
    [Fact]
    public async Task ApplyAsync_FreshSqliteFile_AppliesEveryMigrationInOrder()
    {
        await using var store = await TempStore.CreateAsync(migrate: false);

        var applied = await store.Migrations().ApplyAsync(TestContext.Current.CancellationToken);

        var expected = Migration.For(StoreProvider.Sqlite).Select(m => m.Version).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, applied);
        Assert.True(File.Exists(store.DatabasePath));
    }

    [Fact]
    public async Task ApplyAsync_RunTwice_SecondRunChangesNothing()
    {
        await using var store = await TempStore.CreateAsync(migrate: false);
        await store.Migrations().ApplyAsync(TestContext.Current.CancellationToken);
        var schemaBefore = await SchemaAsync(store);

        var second = await store.Migrations().ApplyAsync(TestContext.Current.CancellationToken);

        Assert.Empty(second);
        Assert.Equal(schemaBefore, await SchemaAsync(store));
        await using var connection = await store.DataSource.OpenAsync(TestContext.Current.CancellationToken);
        var recorded = await connection.QueryAsync<int>("SELECT version FROM schema_migrations");
        Assert.Equal(Migration.For(StoreProvider.Sqlite).Count, recorded.Count());
    }

    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.SqlServer)]
    public void For_EachDialect_HasTheSameVersions(StoreProvider provider)
    {
        var versions = Migration.For(provider).Select(m => (m.Version, m.Name));

        Assert.Equal(Migration.For(StoreProvider.Sqlite).Select(m => (m.Version, m.Name)), versions);
    }

    private static async Task<string> SchemaAsync(TempStore store)
    {
        await using var connection = await store.DataSource.OpenAsync(TestContext.Current.CancellationToken);
        var rows = await connection.QueryAsync<string>("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name");
        return string.Join("\n", rows);
    }
}
