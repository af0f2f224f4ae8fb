using Microsoft.Data.Sqlite;

namespace Katalyst.Referrals.Tests.Store;

/// <summary>Every SQLite statement compiles against the migrated schema (tables and columns exist).</summary>
public sealed class SqliteQueryTests
{
    public static TheoryData<string> Queries => StoreSqlCatalog.Names("Shared", "Sqlite");

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Query_PreparesAgainstMigratedSchema(string name)
    {
        await using var store = await TempStore.CreateAsync();
        await using var connection = (SqliteConnection)await store.DataSource.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = StoreSqlCatalog.Sql(name);

        // Prepare compiles the statement: SQLite checks every table and column without running it.
        command.Prepare();
    }

    [Fact]
    public async Task Prepare_UnknownColumn_Fails()
    {
        await using var store = await TempStore.CreateAsync();
        await using var connection = (SqliteConnection)await store.DataSource.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT no_such_column FROM referrals";

        Assert.Throws<SqliteException>(() => command.Prepare());
    }
}
