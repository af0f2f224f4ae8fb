using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Queue;
using Microsoft.Data.Sqlite;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Katalyst.Referrals.Tests.Store.Queue;

/// <summary>
/// Queue page SQL is assembled from fragments, so the catalog tests cannot see it: every filter alone, all
/// together, and every order are built here, prepared against the migrated SQLite schema and parsed as T-SQL.
/// </summary>
public sealed class QueueStatementTests
{
    private static readonly DateTimeOffset Day = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, QueueFilter> Filters = new()
    {
        ["none"] = new QueueFilter(),
        ["tier"] = new QueueFilter { Tier = 1 },
        ["min score"] = new QueueFilter { MinScore = 0.5 },
        ["max score"] = new QueueFilter { MaxScore = 0.5 },
        ["status"] = new QueueFilter { Status = ReferralStatus.Assigned },
        ["incident"] = new QueueFilter { IncidentType = "Misleading Domain Name" },
        ["unit"] = new QueueFilter { UnitId = 1 },
        ["province"] = new QueueFilter { Province = "Punjab" },
        ["assignee"] = new QueueFilter { AssigneeUserId = 1 },
        ["investigator scope"] = new QueueFilter { Scope = new QueueScope(1, 2) },
        ["investigator scope, no unit"] = new QueueFilter { Scope = new QueueScope(1, null) },
        ["from"] = new QueueFilter { ReceivedFrom = Day },
        ["before"] = new QueueFilter { ReceivedBefore = Day },
        ["text"] = new QueueFilter { Text = "meet" },
        ["all"] = new QueueFilter
        {
            Tier = 1, MinScore = 0.1, MaxScore = 0.9, Status = ReferralStatus.New, IncidentType = "x", UnitId = 1, Province = "Sindh", AssigneeUserId = 1, Scope = new QueueScope(1, 2),
            ReceivedFrom = Day, ReceivedBefore = Day.AddDays(1), Text = "meet park",
        },
    };

    public static TheoryData<string, QueueSort, bool> Cases()
    {
        var data = new TheoryData<string, QueueSort, bool>();
        foreach (var filter in Filters.Keys)
        {
            foreach (var sort in Enum.GetValues<QueueSort>())
            {
                data.Add(filter, sort, false);
                data.Add(filter, sort, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task For_Sqlite_PreparesAndRuns(string filter, QueueSort sort, bool descending)
    {
        await using var store = await TempStore.CreateAsync();
        var statement = QueuePageStatement.For(new QueueQuery(Filters[filter], sort, descending), StoreProvider.Sqlite);
        await using var connection = (SqliteConnection)await store.DataSource.OpenAsync(TestContext.Current.CancellationToken);

        foreach (var sql in new[] { statement.PageSql, statement.CountSql })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Prepare();
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void For_SqlServer_ParsesAsTSql(string filter, QueueSort sort, bool descending)
    {
        var statement = QueuePageStatement.For(new QueueQuery(Filters[filter], sort, descending), StoreProvider.SqlServer);

        foreach (var sql in new[] { statement.PageSql, statement.CountSql })
        {
            new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
            Assert.True(errors.Count == 0, $"{filter}/{sort}: " + string.Join("; ", errors.Select(e => e.Message)) + "\n" + sql);
        }
    }

    [Fact]
    public void For_FilterGiven_NamesOnlyItsColumn()
    {
        var statement = QueuePageStatement.For(new QueueQuery(new QueueFilter { UnitId = 4 }), StoreProvider.Sqlite);

        Assert.Contains("q.unit_id = @UnitId", statement.CountSql, StringComparison.Ordinal);
        Assert.DoesNotContain("assignee_user_id =", statement.CountSql, StringComparison.Ordinal);
        Assert.Equal(["UnitId", "Skip", "Take"], statement.Parameters.ParameterNames);
    }

    [Fact]
    public void For_SqliteTextOnly_CountsInTextIndexAlone()
    {
        var textOnly = QueuePageStatement.For(new QueueQuery(new QueueFilter { Text = "meet" }), StoreProvider.Sqlite);
        var withTier = QueuePageStatement.For(new QueueQuery(new QueueFilter { Text = "meet", Tier = 2 }), StoreProvider.Sqlite);

        Assert.DoesNotContain("referral_queue q", textOnly.CountSql, StringComparison.Ordinal);
        Assert.Contains("referral_queue q", withTier.CountSql, StringComparison.Ordinal);
    }

    [Fact]
    public void PageSqlFor_SqliteTextOnly_DrivenByMatchesOnlyWhenFew()
    {
        var textOnly = QueuePageStatement.For(new QueueQuery(new QueueFilter { Text = "meet" }), StoreProvider.Sqlite);
        var withTier = QueuePageStatement.For(new QueueQuery(new QueueFilter { Text = "meet", Tier = 2 }), StoreProvider.Sqlite);

        Assert.DoesNotContain("+q.report_id IN", textOnly.PageSqlFor(QueuePageStatement.FewMatches), StringComparison.Ordinal);
        Assert.Contains("+q.report_id IN", textOnly.PageSqlFor(QueuePageStatement.FewMatches + 1), StringComparison.Ordinal);
        Assert.Contains("+q.report_id IN", withTier.PageSqlFor(1), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("meet after school", "\"meet\"* \"after\"* \"school\"*")]
    [InlineData("\"x\" OR y*", "\"x\"* \"OR\"* \"y\"*")]
    [InlineData("تصویر بھیجو", "\"تصویر\"* \"بھیجو\"*")]
    public void SqliteMatch_TypedText_QuotesEachWord(string typed, string expected) =>
        Assert.Equal(expected, QueueText.SqliteMatch(typed));
}
