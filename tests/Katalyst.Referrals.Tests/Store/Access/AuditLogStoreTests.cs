using Dapper;
using Katalyst.Referrals.Store.Access;
using Microsoft.Data.Sqlite;

namespace Katalyst.Referrals.Tests.Store.Access;

public sealed class AuditLogStoreTests
{
    private static readonly DateTimeOffset Start = new(2025, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Update_AuditRow_IsRefusedByTheStore()
    {
        await using var store = await SeededAsync();
        await using var connection = await store.DataSource.OpenAsync(TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("UPDATE audit_log SET user_name = 'someone.else'"));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_name = 'someone.else'"));
    }

    [Fact]
    public async Task Delete_AuditRow_IsRefusedByTheStore()
    {
        await using var store = await SeededAsync();
        await using var connection = await store.DataSource.OpenAsync(TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("DELETE FROM audit_log"));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_log"));
    }

    [Fact]
    public async Task SearchAsync_NoFilter_ReturnsNewestFirstWithTotal()
    {
        await using var store = await SeededAsync();

        var page = await new AuditLogStore(store.DataSource).SearchAsync(new AuditSearch(), 0, 4, TestContext.Current.CancellationToken);

        Assert.Equal(6, page.TotalCount);
        Assert.Equal(["referral.opened", "signout", "referral.opened", "signin.failed"], page.Items.Select(e => e.Action));
        Assert.Equal(Start.AddMinutes(5), page.Items[0].At);
        Assert.Equal("10.0.0.5", page.Items[0].RemoteAddress);
    }

    [Fact]
    public async Task SearchAsync_SecondPage_ContinuesWhereTheFirstEnded()
    {
        await using var store = await SeededAsync();

        var page = await new AuditLogStore(store.DataSource).SearchAsync(new AuditSearch(), 4, 4, TestContext.Current.CancellationToken);

        Assert.Equal(["signin", "signin"], page.Items.Select(e => e.Action));
        Assert.Equal(Start, page.Items[^1].At);
    }

    [Fact]
    public async Task SearchAsync_UserPart_MatchesThatUserOnly()
    {
        await using var store = await SeededAsync();

        var page = await new AuditLogStore(store.DataSource).SearchAsync(new AuditSearch(User: "AUDIT"), 0, 10, TestContext.Current.CancellationToken);

        Assert.Equal(2, page.TotalCount);
        Assert.All(page.Items, e => Assert.Equal("demo.auditor", e.UserName));
    }

    [Fact]
    public async Task SearchAsync_ActionAndTarget_MatchBoth()
    {
        await using var store = await SeededAsync();

        var page = await new AuditLogStore(store.DataSource).SearchAsync(new AuditSearch(Action: "referral.opened", Target: "1002"), 0, 10, TestContext.Current.CancellationToken);

        var entry = Assert.Single(page.Items);
        Assert.Equal("81002", entry.Target);
    }

    [Fact]
    public async Task SearchAsync_TargetWithWildcard_TakesItLiterally()
    {
        await using var store = await SeededAsync();

        var page = await new AuditLogStore(store.DataSource).SearchAsync(new AuditSearch(Target: "%"), 0, 10, TestContext.Current.CancellationToken);

        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public async Task SearchAsync_DateRange_IncludesFromExcludesTo()
    {
        await using var store = await SeededAsync();

        var page = await new AuditLogStore(store.DataSource).SearchAsync(new AuditSearch(From: Start.AddMinutes(1), To: Start.AddMinutes(4)), 0, 10, TestContext.Current.CancellationToken);

        Assert.Equal([Start.AddMinutes(3), Start.AddMinutes(2), Start.AddMinutes(1)], page.Items.Select(e => e.At));
    }

    [Fact]
    public async Task SearchAsync_PageTooLarge_Throws()
    {
        await using var store = await TempStore.CreateAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            new AuditLogStore(store.DataSource).SearchAsync(new AuditSearch(), 0, AuditLogStore.MaxPageSize + 1, TestContext.Current.CancellationToken));
    }

    private static async Task<TempStore> SeededAsync()
    {
        var store = await TempStore.CreateAsync();
        var log = new AuditLogStore(store.DataSource);
        var ct = TestContext.Current.CancellationToken;
        await log.AppendAsync(Start, "demo.investigator", "signin", null, null, "127.0.0.1", ct);
        await log.AppendAsync(Start.AddMinutes(1), "demo.auditor", "signin", null, null, "127.0.0.1", ct);
        await log.AppendAsync(Start.AddMinutes(2), "demo.investigator", "signin.failed", null, "wrong password", "10.0.0.9", ct);
        await log.AppendAsync(Start.AddMinutes(3), "demo.investigator", "referral.opened", "81002", null, "10.0.0.5", ct);
        await log.AppendAsync(Start.AddMinutes(4), "demo.auditor", "signout", null, null, "127.0.0.1", ct);
        await log.AppendAsync(Start.AddMinutes(5), "demo.investigator", "referral.opened", "81003", null, "10.0.0.5", ct);
        return store;
    }
}
