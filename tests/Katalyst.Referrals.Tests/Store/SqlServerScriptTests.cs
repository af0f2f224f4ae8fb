using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Katalyst.Referrals.Tests.Store;

/// <summary>SQL Server cannot run here, so every T-SQL script and query is parsed with Microsoft's own parser.</summary>
public sealed class SqlServerScriptTests
{
    public static TheoryData<string> Queries => StoreSqlCatalog.Names("Shared", "SqlServer");

    public static TheoryData<int> MigrationVersions()
    {
        var data = new TheoryData<int>();
        foreach (var migration in Migration.For(StoreProvider.SqlServer))
        {
            data.Add(migration.Version);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MigrationVersions))]
    public void Migration_ParsesAsTSql(int version)
    {
        var migration = Migration.For(StoreProvider.SqlServer).Single(m => m.Version == version);

        AssertParses(migration.Script, $"SqlServer migration {migration.Version}_{migration.Name}");
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Query_ParsesAsTSql(string name) => AssertParses(StoreSqlCatalog.Sql(name), name);

    [Fact]
    public void AssertParses_BrokenScript_Fails()
    {
        Assert.ThrowsAny<Exception>(() => AssertParses("SELECT FROM WHERE", "deliberately broken"));
    }

    [Fact]
    public void Catalog_FindsQueriesOfEveryDialect()
    {
        Assert.NotEmpty(StoreSqlCatalog.For("Shared"));
        Assert.NotEmpty(StoreSqlCatalog.For("Sqlite"));
        Assert.NotEmpty(StoreSqlCatalog.For("SqlServer"));
    }

    private static void AssertParses(string sql, string what)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0,
            $"{what} does not parse as T-SQL:\n" + string.Join("\n", errors.Select(e => $"  line {e.Line}, column {e.Column}: {e.Message}")));
    }
}
