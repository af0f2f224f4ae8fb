using Dapper;
using Katalyst.Referrals.Store.Access;

namespace Katalyst.Referrals.Tests.Store.Access;

/// <summary>The audit log's hash chain: whole when untouched; an edit, a removal or a gap is found and named.</summary>
public sealed class AuditChainTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task VerifyChainAsync_Untouched_IntactWithHead()
    {
        await using var store = await TempStore.CreateAsync();
        var audit = await WithEntriesAsync(store, 5);

        var result = await audit.VerifyChainAsync(Ct);

        Assert.True(result.Intact);
        Assert.Equal((5L, 0L, 5L), (result.Chained, result.Unchained, result.HeadSeq));
        Assert.Equal(64, result.HeadHash.Length);
    }

    [Fact]
    public async Task VerifyChainAsync_EntryEditedBehindTheTriggers_FirstBrokenLinkNamed()
    {
        await using var store = await TempStore.CreateAsync();
        var audit = await WithEntriesAsync(store, 5);

        // Someone with direct access to the database file removes the trigger and rewrites an entry.
        await ExecuteAsync(store, "DROP TRIGGER tr_audit_log_no_update; UPDATE audit_log SET user_name = 'someone.else' WHERE seq = 3");
        var result = await audit.VerifyChainAsync(Ct);

        Assert.False(result.Intact);
        Assert.Equal(3, result.Break!.Seq);
        Assert.NotNull(result.Break.Id);
        Assert.Equal("its hash does not match its content: the entry was changed", result.Break.Reason);
        Assert.Equal(2, result.Chained);
    }

    [Fact]
    public async Task VerifyChainAsync_EntryDeleted_GapNamed()
    {
        await using var store = await TempStore.CreateAsync();
        var audit = await WithEntriesAsync(store, 5);

        await ExecuteAsync(store, "DROP TRIGGER tr_audit_log_no_delete; DELETE FROM audit_log WHERE seq = 2");
        var result = await audit.VerifyChainAsync(Ct);

        Assert.Equal((2L, (long?)null, "entry 2 is missing (the next entry is 3)"), (result.Break!.Seq, result.Break.Id, result.Break.Reason));
    }

    [Fact]
    public async Task VerifyChainAsync_EntryRehashedButNextNotUpdated_LinkBreakNamed()
    {
        await using var store = await TempStore.CreateAsync();
        var audit = await WithEntriesAsync(store, 4);
        var row = (await QueryAsync<(long Seq, string PrevHash, DateTimeOffset At, string UserName, string Action, string? Target, string? Detail, string? RemoteAddress)>(
            store, "SELECT seq, prev_hash, at, user_name, action, target, detail, remote_address FROM audit_log WHERE seq = 2")).Single();
        var forged = AuditChain.Hash(new AuditChainEntry(row.Seq, row.PrevHash, row.At, row.UserName, "user.created", row.Target, row.Detail, row.RemoteAddress));

        // A careful forger recomputes the edited entry's own hash; the next entry still points at the old one.
        await ExecuteAsync(store, $"DROP TRIGGER tr_audit_log_no_update; UPDATE audit_log SET action = 'user.created', entry_hash = '{forged}' WHERE seq = 2");
        var result = await audit.VerifyChainAsync(Ct);

        Assert.Equal((3L, "its previous-hash does not match the entry before it"), (result.Break!.Seq, result.Break.Reason));
    }

    [Fact]
    public async Task AppendAsync_ConcurrentWriters_OneUnbrokenChain()
    {
        await using var store = await TempStore.CreateAsync();
        var audit = new AuditLogStore(store.DataSource);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                await audit.AppendAsync(DateTimeOffset.UtcNow, $"writer.{w}", "referral.opened", $"{i}", null, null, Ct);
            }
        }, Ct)));
        var result = await audit.VerifyChainAsync(Ct);

        Assert.True(result.Intact, result.Break?.Reason);
        Assert.Equal(60, result.Chained);
    }

    [Fact]
    public async Task VerifyChainAsync_EntriesFromBeforeTheChain_CountedAsUnchained()
    {
        await using var store = await TempStore.CreateAsync();
        await ExecuteAsync(store, "INSERT INTO audit_log (at, user_name, action) VALUES ('2026-01-01 00:00:00+00:00', 'old.user', 'sign-in')");
        var audit = await WithEntriesAsync(store, 2);

        var result = await audit.VerifyChainAsync(Ct);

        Assert.True(result.Intact);
        Assert.Equal((2L, 1L), (result.Chained, result.Unchained));
    }

    private static async Task<AuditLogStore> WithEntriesAsync(TempStore store, int count)
    {
        var audit = new AuditLogStore(store.DataSource);
        for (var i = 1; i <= count; i++)
        {
            await audit.AppendAsync(new DateTimeOffset(2026, 11, 23, 1, 0, i, TimeSpan.Zero), "inv.one", "referral.opened", $"{100 + i}", i % 2 == 0 ? null : "detail", "127.0.0.1", Ct);
        }

        return audit;
    }

    private static async Task ExecuteAsync(TempStore store, string sql)
    {
        await using var connection = await store.DataSource.OpenAsync(Ct);
        await connection.ExecuteAsync(sql);
    }

    private static async Task<IEnumerable<T>> QueryAsync<T>(TempStore store, string sql)
    {
        await using var connection = await store.DataSource.OpenAsync(Ct);
        return await connection.QueryAsync<T>(sql);
    }
}
