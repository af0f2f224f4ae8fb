using Dapper;
using static Katalyst.Referrals.Tests.Store.Queue.QueueFixture;

namespace Katalyst.Referrals.Tests.Store.Dashboard;

/// <summary>
/// The indexes of migration 0007 are the ones SQLite plans with: a statement whose text drifts from its index
/// (the review-time expression above all) would still answer correctly, only slowly at a million referrals.
/// </summary>
public sealed class QueryPlanTests
{
    [Theory]
    [InlineData("DashboardSql.Sqlite.ReviewSecondsAt", "ix_referral_queue_review_time")]
    [InlineData("DashboardSql.Shared.Backlog", "ix_referral_queue_backlog")]
    [InlineData("DashboardSql.Sqlite.ReceivedByMonth", "ix_referral_queue_received_order")]
    public async Task Plan_DashboardStatement_UsesItsIndex(string name, string index)
    {
        await using var store = await StoreWithAsync(Standard);
        await using var connection = await store.DataSource.OpenAsync(TestContext.Current.CancellationToken);

        var steps = await connection.QueryAsync(
            "EXPLAIN QUERY PLAN " + StoreSqlCatalog.Sql(name), new { From = "2026-01-01", UnitId = 1, Skip = 0, Take = 1 });
        var plan = steps.Select(step => (string)step.detail).ToList();

        Assert.True(plan.Any(step => step.Contains(index, StringComparison.Ordinal)), string.Join("\n", plan));
    }
}
